/**
 * Notes as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/), to take them
 * to another tool or another Dossier. The export is one `AnnotationCollection` with its
 * annotations embedded in its first `AnnotationPage`; the import reads that, or an
 * `AnnotationPage`, a plain array of annotations or a single one.
 *
 * Each annotation, in terms of the model:
 *   id          `urn:uuid:<the note's id>`
 *   target      `{ source: "urn:dossier:article:<article id>", selector: [TextQuoteSelector
 *               (exact, prefix, suffix), TextPositionSelector (start, end)] }`; a note on the
 *               whole article has the source alone. Articles have no public address, so the
 *               source is a URN naming the article, never an invented URL.
 *   body        the note as a `TextualBody` (`format: text/markdown`, `purpose: commenting`),
 *               each tag as a `TextualBody` with `purpose: tagging`; no body when neither
 *   motivation  `commenting` with a note, else `highlighting`
 *   created, modified   the note's timestamps
 *   dossier:color       the highlight colour, in a namespace of Dossier's own (`urn:dossier:terms:`)
 * Export then import restores every field exactly.
 */
import { z } from 'zod'
import { annotationSchema, articleId as articleIdSchema } from '../ipc/schemas'
import type { Annotation } from '../model/annotation'

/** The W3C Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
/** Dossier's own terms: a URN namespace, so nothing pretends to be a web address. */
export const DOSSIER_CONTEXT = { dossier: 'urn:dossier:terms:' } as const
/** What a target's `source` starts with: the article id follows. */
export const ARTICLE_URN = 'urn:dossier:article:'
const UUID_URN = 'urn:uuid:'

/** A file that cannot be imported; the message says what is wrong, and where. */
export class ImportError extends Error {
  override name = 'ImportError'
}

/** What an export's ids start with: the scope and the time follow (see `exportId`). */
export const EXPORT_URN = 'urn:dossier:export:'

/**
 * The id of an export: `urn:dossier:export:<article id | all>:<generated, ISO 8601>`. The W3C
 * model requires an IRI for the collection and its page. This one names what the file is (the
 * notes of one article or all, as of a moment), is the same each time that export is made, and
 * claims no web address; the page is `<collection id>:page:1`.
 */
export function exportId(articleId: string | null, generated: Date): string {
  return `${EXPORT_URN}${articleId ?? 'all'}:${generated.toISOString()}`
}

/**
 * The annotations as one AnnotationCollection document (pretty-printed JSON-LD): the notes of
 * the article `articleId`, or of all articles when it is null.
 */
export function exportWebAnnotation(
  annotations: readonly Annotation[],
  generated: Date,
  articleId: string | null = null
): string {
  const id = exportId(articleId, generated)
  const collection = {
    '@context': [ANNO_CONTEXT, DOSSIER_CONTEXT],
    id,
    type: 'AnnotationCollection',
    label: 'Notes from Dossier',
    total: annotations.length,
    generated: generated.toISOString(),
    first: {
      id: `${id}:page:1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: annotations.map(toWebAnnotation)
    }
  }
  return JSON.stringify(collection, null, 2) + '\n'
}

function toWebAnnotation(annotation: Annotation): Record<string, unknown> {
  const body = [
    ...(annotation.note !== ''
      ? [
          {
            type: 'TextualBody',
            value: annotation.note,
            format: 'text/markdown',
            purpose: 'commenting'
          }
        ]
      : []),
    ...annotation.tags.map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' }))
  ]
  const source = ARTICLE_URN + annotation.articleId
  const target = annotation.target
    ? {
        source,
        selector: [{ ...annotation.target.quote }, { ...annotation.target.position }]
      }
    : // The whole article: the model's plain IRI target (an object with only a source is
      // neither an External Web Resource, which needs an id, nor a SpecificResource).
      source
  return {
    id: UUID_URN + annotation.id,
    type: 'Annotation',
    motivation: annotation.note !== '' ? 'commenting' : 'highlighting',
    created: annotation.created,
    modified: annotation.updated,
    ...(body.length > 0 ? { body } : {}),
    target,
    'dossier:color': annotation.color
  }
}

// The W3C shapes Dossier reads. Objects are loose: other properties (creator, generator…) are
// allowed and ignored, since only the fields read below become part of a note.
const textualBody = z.looseObject({
  type: z.literal('TextualBody', 'a body must be a TextualBody'),
  value: z.string('a body needs a text value'),
  purpose: z.enum(['commenting', 'tagging'], 'a body must be for commenting or tagging'),
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
const webAnnotation = z.looseObject({
  id: z.string('an annotation needs an id').startsWith(UUID_URN, 'the id is not a urn:uuid'),
  type: z.literal('Annotation', 'not of type Annotation'),
  created: z.string('the creation time is missing'),
  modified: z.string().optional(),
  body: z.union([textualBody, z.array(textualBody)]).optional(),
  target: z.union([
    z.string('the target has no source'),
    z.looseObject({
      source: z.string('the target has no source'),
      selector: z.array(z.looseObject({ type: z.string('a selector has no type') })).optional()
    })
  ]),
  'dossier:color': z.string().optional()
})

/**
 * The annotations in a Web Annotation file's text, validated as a whole: the first problem
 * refuses the file (all or nothing).
 * @throws ImportError saying what is wrong, and in which annotation.
 */
export function parseWebAnnotation(content: string): Annotation[] {
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
    const annotation = fromWebAnnotation(item, index)
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

function fromWebAnnotation(item: unknown, index: number): Annotation {
  const where = `Annotation ${index + 1}`
  const parsed = webAnnotation.safeParse(item)
  if (!parsed.success) throw new ImportError(`${where}: ${describeIssue(parsed.error)}.`)
  const web = parsed.data
  const label = `${where} (${web.id})`
  const about = typeof web.target === 'string' ? { source: web.target } : web.target

  if (!about.source.startsWith(ARTICLE_URN))
    throw new ImportError(
      `${label} is about ${about.source}, not a Dossier article: Dossier imports notes it exported (their target is ${ARTICLE_URN}…).`
    )
  const articleId = about.source.slice(ARTICLE_URN.length)
  if (!articleIdSchema.safeParse(articleId).success)
    throw new ImportError(`${label} names an article id that cannot be one: ${articleId}.`)

  let target: Annotation['target'] = null
  const selectors = about.selector
  if (selectors && selectors.length > 0) {
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector')
    const position = selectors.find((s) => s.type === 'TextPositionSelector')
    const q = quoteSelector.safeParse(quote)
    const p = positionSelector.safeParse(position)
    if (!q.success || !p.success)
      throw new ImportError(
        `${label} needs both a TextQuoteSelector and a TextPositionSelector to place its passage.`
      )
    target = {
      position: { type: 'TextPositionSelector', start: p.data.start, end: p.data.end },
      quote: {
        type: 'TextQuoteSelector',
        exact: q.data.exact,
        prefix: q.data.prefix ?? '',
        suffix: q.data.suffix ?? ''
      }
    }
  }

  const bodies = web.body === undefined ? [] : Array.isArray(web.body) ? web.body : [web.body]
  const comments = bodies.filter((body) => body.purpose === 'commenting')
  if (comments.length > 1) throw new ImportError(`${label} has more than one note.`)
  const annotation = {
    id: web.id.slice(UUID_URN.length),
    articleId,
    kind: target ? 'highlight' : 'article-note',
    target,
    color: web['dossier:color'] ?? 'yellow',
    note: comments[0]?.value ?? '',
    tags: bodies.filter((body) => body.purpose === 'tagging').map((body) => body.value),
    created: web.created,
    updated: web.modified ?? web.created
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
