/**
 * Runtime validation for every channel's request. The renderer is untrusted: main checks each
 * payload against these before a handler sees it. Limits are generous for real use and small
 * enough that an absurd payload is refused before it costs anything.
 */
import { z } from 'zod'
import { IMPORT_MAX_BASE64 } from '../import/limits'
import { HIGHLIGHT_COLORS } from '../model/annotation'
import { FONT_SIZE, LINE_WIDTH, THEMES } from '../model/settings'
import { MAX_QUERY_LENGTH } from '../search/query-limits'
import type { Channel } from './contract'

/** Article ids are file-name slugs; this also keeps them from being paths. */
export const articleId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,127}$/, 'not an article id')

/**
 * A search query longer than this is not a query a person typed: the search box sends at most
 * this much of a paste (search/query-limits.ts), so a longer payload is refused as hostile.
 */
export { MAX_QUERY_LENGTH }

const query = z.string().max(MAX_QUERY_LENGTH)

/** A speaker's name longer than this is not a name (the longest organisations run to ~100). */
export const MAX_SPEAKER_LENGTH = 200
const none = z.undefined()

// Notes. The limits are far beyond what a person writes and far below what would hurt: a
// note is a page or two of Markdown, not a book; a file to import is a whole library's notes.
export const MAX_NOTE_LENGTH = 100_000
export const MAX_TAGS = 32
export const MAX_TAG_LENGTH = 64
/** A highlight longer than this (a long chapter) is not a passage. */
export const MAX_QUOTE_LENGTH = 200_000
/** Stored context beside a quote: ours is 32 characters; room for other tools' longer ones. */
export const MAX_CONTEXT_LENGTH = 1000
export const MAX_IMPORT_LENGTH = 20 * 1024 * 1024

const annotationId = z.uuid('not an annotation id (a UUID)')
const offset = z.number().int('not a whole number').min(0, 'must not be negative')
const noteText = z
  .string()
  .max(
    MAX_NOTE_LENGTH,
    `a note may hold at most ${MAX_NOTE_LENGTH.toLocaleString('en')} characters`
  )
const tags = z
  .array(
    z
      .string()
      .trim()
      .min(1, 'a tag may not be empty')
      .max(MAX_TAG_LENGTH, `a tag may hold at most ${MAX_TAG_LENGTH} characters`)
  )
  .max(MAX_TAGS, `at most ${MAX_TAGS} tags`)
const color = z.enum(HIGHLIGHT_COLORS)
const timestamp = z.iso.datetime({ offset: true })

/** An annotation as stored, exported, imported and restored. */
export const annotationSchema = z
  .strictObject({
    id: annotationId,
    articleId,
    kind: z.enum(['highlight', 'article-note']),
    target: z
      .strictObject({
        position: z
          .strictObject({ type: z.literal('TextPositionSelector'), start: offset, end: offset })
          .refine((p) => p.start < p.end, 'the position must start before it ends'),
        quote: z.strictObject({
          type: z.literal('TextQuoteSelector'),
          exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
          prefix: z.string().max(MAX_CONTEXT_LENGTH),
          suffix: z.string().max(MAX_CONTEXT_LENGTH)
        })
      })
      .nullable(),
    color,
    note: noteText,
    tags,
    created: timestamp,
    updated: timestamp
  })
  .refine(
    (a) => (a.kind === 'highlight') === (a.target !== null),
    'a highlight needs a target and an article note has none'
  )

// Imports. A batch id is the renderer's own label for one batch; names and paths are what a
// file system gives (a path within a dropped folder), far below these.
export const MAX_BATCH_ID_LENGTH = 100
export const MAX_FILE_NAME_LENGTH = 1000
export const MAX_DETAIL_LENGTH = 1000
/** How many removed articles the Notebook may ask about at once. */
export const MAX_REMOVED_IDS = 10_000
export const MAX_URL_LENGTH = 4000

const batchId = z.string().min(1).max(MAX_BATCH_ID_LENGTH)
const detail = z.string().trim().max(MAX_DETAIL_LENGTH, `at most ${MAX_DETAIL_LENGTH} characters`)
const base64 = z
  .string()
  .max(IMPORT_MAX_BASE64, 'the file is larger than an import accepts')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')

export const requestSchemas = {
  'library:list': none,
  'library:get': z.strictObject({ id: articleId }),
  'search:query': z.strictObject({
    query,
    limit: z.number().int().min(1).max(200).optional(),
    cursor: z.number().int().min(0).max(MAX_QUERY_LENGTH).optional()
  }),
  'search:matches': z.strictObject({ articleId, query }),
  'search:status': none,
  'settings:get': none,
  'settings:update': z.strictObject({
    theme: z.enum(THEMES).optional(),
    fontSize: z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max).optional(),
    lineWidth: z.number().int().min(LINE_WIDTH.min).max(LINE_WIDTH.max).optional(),
    lastArticleId: articleId.nullable().optional(),
    singleKeyShortcuts: z.boolean().optional()
  }),
  'reading:save-position': z.strictObject({ articleId, position: z.number().min(0).max(1) }),
  'quotes:voices': none,
  'quotes:by-speaker': z.strictObject({
    speaker: z
      .string()
      .trim()
      .min(1, 'a speaker needs a name')
      .max(MAX_SPEAKER_LENGTH, `a speaker's name may hold at most ${MAX_SPEAKER_LENGTH} characters`)
  }),
  'notes:list': z.strictObject({ articleId: articleId.optional() }),
  'notes:create': z
    .strictObject({
      articleId,
      kind: z.enum(['highlight', 'article-note']),
      start: offset.optional(),
      end: offset.optional(),
      color: color.optional(),
      note: noteText.optional(),
      tags: tags.optional()
    })
    .refine(
      (r) =>
        r.kind === 'highlight'
          ? r.start !== undefined && r.end !== undefined && r.start < r.end
          : r.start === undefined && r.end === undefined,
      'a highlight needs start < end; an article note has neither'
    ),
  'notes:update': z.strictObject({
    id: annotationId,
    note: noteText.optional(),
    tags: tags.optional(),
    color: color.optional()
  }),
  'notes:delete': z.strictObject({ id: annotationId }),
  'notes:restore': z.strictObject({ annotation: annotationSchema }),
  'notes:export': z.strictObject({
    articleId: articleId.optional(),
    format: z.enum(['markdown', 'web-annotation'])
  }),
  'notes:import': z.strictObject({
    content: z
      .string()
      .max(MAX_IMPORT_LENGTH, `a file to import may hold at most ${MAX_IMPORT_LENGTH / 1048576} MB`)
  }),
  'notes:status': none,
  'import:file': z.strictObject({
    batchId,
    name: z.string().min(1).max(MAX_FILE_NAME_LENGTH),
    path: z.string().max(MAX_FILE_NAME_LENGTH).optional(),
    data: base64
  }),
  'import:cancel': z.strictObject({ batchId }),
  'library:edit': z.strictObject({
    id: articleId,
    details: z.strictObject({
      title: detail.min(1, 'a title may not be empty').optional(),
      author: detail.nullable().optional(),
      source: detail.nullable().optional(),
      date: z.iso.date('not a calendar date written YYYY-MM-DD').nullable().optional(),
      language: z
        .string()
        .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'not a language tag (like en or pt-BR)')
        .nullable()
        .optional(),
      url: z
        .url({ protocol: /^https?$/, error: 'not a web address (http or https)' })
        .max(MAX_URL_LENGTH)
        .nullable()
        .optional()
    })
  }),
  'library:remove': z.strictObject({ id: articleId }),
  'library:restore': z.strictObject({ id: articleId }),
  'library:removed': z.strictObject({ ids: z.array(articleId).max(MAX_REMOVED_IDS) }),
  'library:page-text': z.strictObject({ id: articleId })
} satisfies Record<Channel, z.ZodType>
