/**
 * Reading W3C Web Annotation JSON-LD into notes: what Dossier exports (web-annotation.ts) — a
 * collection, a page, a plain array or a single annotation — and, given a `ForeignImport`,
 * other tools' annotations that quote a passage of an article in the library. Everything is
 * validated before anything is stored: the first problem refuses the file (all or nothing).
 */
import { z } from 'zod'
import { annotationSchema, articleId as articleIdSchema } from '../ipc/schemas'
import type { Annotation } from '../model/annotation'
import { ANNO_CONTEXT, ARTICLE_URN, UUID_URN } from './web-annotation'

/** A file that cannot be imported; the message says what is wrong, and where. */
export class ImportError extends Error {
  override name = 'ImportError'
}

// The W3C shapes Dossier reads. Objects are loose: other properties (creator, generator…) are
// allowed and ignored, since only the fields read below become part of a note.
const textualBody = z.looseObject({
  type: z.literal('TextualBody', 'a body must be a TextualBody'),
  value: z.string('a body needs a text value'),
  purpose: z.string().optional(),
  format: z.string().optional()
})
const quoteSelector = z.looseObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string().optional(),
  suffix: z.string().optional()
})
const positionSelector = z.looseObject({
  type: z.literal('TextPositionSelector'),
  start: z.number(),
  end: z.number()
})
const selector = z.looseObject({ type: z.string('a selector has no type') })
// A body may also be an IRI (its content published elsewhere): nothing to import from it.
const body = z.union([textualBody, z.string()])
const webAnnotation = z.looseObject({
  id: z.string('an annotation needs an id'),
  type: z.literal('Annotation', 'not of type Annotation'),
  created: z.string('the creation time is not text').optional(),
  modified: z.string().optional(),
  body: z.union([body, z.array(body)]).optional(),
  bodyValue: z.string().optional(),
  target: z.union([
    z.string('the target has no source'),
    z.looseObject({
      source: z.string('the target has no source'),
      selector: z.union([selector, z.array(selector)]).optional()
    })
  ]),
  'dossier:color': z.string().optional()
})

/**
 * What an import needs from the app to take annotations another tool wrote: an id that is
 * not a `urn:uuid`, no creation time, a quote without a position, a web page as the source.
 * Without it only what Dossier exports is taken.
 */
export interface ForeignImport {
  /** The time of the import: the creation time of an annotation that has none. */
  now: Date
  /** A UUID for an id that is not a urn:uuid: always the same for the same id. */
  idFor: (iri: string) => string
  /**
   * Where a quote is: in the article `articleId`, or, when the source is not a Dossier article
   * (null), in the one article of the library that holds it; null when nowhere (or ambiguous).
   */
  locate: (
    quote: { exact: string; prefix: string; suffix: string },
    articleId: string | null
  ) => { articleId: string; start: number; end: number } | null
}

/**
 * The annotations in a Web Annotation file's text, validated as a whole: the first problem
 * refuses the file (all or nothing).
 * @throws ImportError saying what is wrong, and in which annotation.
 */
export function parseWebAnnotation(content: string, foreign?: ForeignImport): Annotation[] {
  let data: unknown
  try {
    data = JSON.parse(content)
  } catch {
    throw new ImportError('The file is not JSON, so it is not a Web Annotation file.')
  }
  const items = annotationsIn(data)
  const annotations: Annotation[] = []
  const ids = new Set<string>()
  items.forEach((item, index) => {
    const annotation = fromWebAnnotation(item, index, foreign)
    if (ids.has(annotation.id))
      throw new ImportError(`Annotation ${index + 1} repeats the id ${annotation.id}.`)
    ids.add(annotation.id)
    annotations.push(annotation)
  })
  return annotations
}

/** The annotations of a collection, page, array or single annotation. */
function annotationsIn(data: unknown): unknown[] {
  const isObject = (value: unknown): value is Record<string, unknown> =>
    !!value && typeof value === 'object' && !Array.isArray(value)
  const hasContext = (value: Record<string, unknown>) => {
    const context = value['@context']
    return context === ANNO_CONTEXT || (Array.isArray(context) && context.includes(ANNO_CONTEXT))
  }
  if (Array.isArray(data)) {
    if (!data.every((item) => isObject(item) && hasContext(item)))
      throw new ImportError(
        `The file is a list, but not of Web Annotations (each needs the @context ${ANNO_CONTEXT}).`
      )
    return data
  }
  if (!isObject(data)) throw new ImportError('The file is not a Web Annotation file.')
  if (!hasContext(data))
    throw new ImportError(
      `The file is not a Web Annotation file: it does not use the @context ${ANNO_CONTEXT}.`
    )
  if (data.type === 'Annotation') return [data]
  if (data.type === 'AnnotationPage') return itemsOf(data)
  if (data.type === 'AnnotationCollection') {
    const first = data.first
    if (first === undefined) return []
    if (!isObject(first))
      throw new ImportError(
        'The collection links to its pages instead of holding them; Dossier imports files whose annotations are inside.'
      )
    return itemsOf(first)
  }
  throw new ImportError(
    `The file is of type ${JSON.stringify(data.type ?? 'none')}, not an Annotation, AnnotationPage or AnnotationCollection.`
  )
}

function itemsOf(page: Record<string, unknown>): unknown[] {
  if (!Array.isArray(page.items)) throw new ImportError('The annotation page has no items.')
  return page.items
}

function fromWebAnnotation(item: unknown, index: number, foreign?: ForeignImport): Annotation {
  const where = `Annotation ${index + 1}`
  const parsed = webAnnotation.safeParse(item)
  if (!parsed.success) throw new ImportError(`${where}: ${describeIssue(parsed.error)}.`)
  const web = parsed.data
  const label = `${where} (${web.id})`
  const about = typeof web.target === 'string' ? { source: web.target } : web.target
  const refuse = (why: string): never => {
    throw new ImportError(`${label} ${why}`)
  }

  const ours = about.source.startsWith(ARTICLE_URN)
  if (!ours && !foreign)
    refuse(
      `is about ${about.source}, not a Dossier article: Dossier imports notes it exported (their target is ${ARTICLE_URN}…).`
    )
  const named = ours ? about.source.slice(ARTICLE_URN.length) : null
  if (named !== null && !articleIdSchema.safeParse(named).success)
    refuse(`names an article id that cannot be one: ${named}.`)

  // Selectors as a list, each with those refining it (a quote inside a fragment, say).
  const selectors: { type: string }[] = []
  const add = (s: unknown) => {
    const one = selector.safeParse(s)
    if (!one.success) return
    selectors.push(one.data)
    add((one.data as { refinedBy?: unknown }).refinedBy)
  }
  for (const s of [about.selector ?? []].flat()) add(s)
  const q = quoteSelector.safeParse(selectors.find((s) => s.type === 'TextQuoteSelector'))
  const p = positionSelector.safeParse(selectors.find((s) => s.type === 'TextPositionSelector'))
  let articleId = named
  let target: Annotation['target'] = null
  if (selectors.length > 0) {
    const quote = q.success
      ? { exact: q.data.exact, prefix: q.data.prefix ?? '', suffix: q.data.suffix ?? '' }
      : refuse('has no TextQuoteSelector to place its passage.')
    let position = p.success && ours ? { start: p.data.start, end: p.data.end } : null
    if (!position) {
      if (!foreign)
        refuse('needs both a TextQuoteSelector and a TextPositionSelector to place its passage.')
      const found = foreign!.locate(quote, named)
      if (!found)
        refuse(`quotes “${quote.exact.slice(0, 80)}”, which no article of the library holds.`)
      articleId = found!.articleId
      position = { start: found!.start, end: found!.end }
    }
    target = {
      position: { type: 'TextPositionSelector', ...position },
      quote: { type: 'TextQuoteSelector', ...quote }
    }
  }
  if (articleId === null) refuse(`is about ${about.source}, not a Dossier article.`)

  const bodies = [web.body ?? []].flat().filter((b) => typeof b !== 'string')
  const comments = [
    ...bodies.filter((b) => b.purpose !== 'tagging').map((b) => b.value),
    ...(web.bodyValue !== undefined ? [web.bodyValue] : [])
  ]
  if (comments.length > 1) refuse('has more than one note.')
  // Another tool's ids and missing times are taken only about another source: an annotation
  // of a Dossier article is Dossier's own, and one without these is damaged, not foreign.
  const other = foreign && !ours ? foreign : undefined
  const id = web.id.startsWith(UUID_URN)
    ? web.id.slice(UUID_URN.length)
    : other
      ? other.idFor(web.id)
      : refuse('has an id that is not a urn:uuid.')
  const created = web.created ?? other?.now.toISOString() ?? refuse('has no creation time.')
  const annotation = {
    id,
    articleId,
    kind: target ? 'highlight' : 'article-note',
    target,
    color: web['dossier:color'] ?? 'yellow',
    note: comments[0] ?? '',
    tags: bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value),
    created,
    updated: web.modified ?? created
  }
  const checked = annotationSchema.safeParse(annotation)
  if (!checked.success) throw new ImportError(`${label}: ${describeIssue(checked.error)}.`)
  return checked.data
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'it is not valid'
  const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  return `${path}${issue.message}`
}
