/**
 * Notes as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/), to take them
 * to another tool or another Dossier: the export, one `AnnotationCollection` with its
 * annotations embedded in its first `AnnotationPage` (import-web-annotation.ts reads it back).
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
import type { Annotation } from '../model/annotation'

/** The W3C Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
/** Dossier's own terms: a URN namespace, so nothing pretends to be a web address. */
export const DOSSIER_CONTEXT = { dossier: 'urn:dossier:terms:' } as const
/** What a target's `source` starts with: the article id follows. */
export const ARTICLE_URN = 'urn:dossier:article:'
export const UUID_URN = 'urn:uuid:'

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
