/**
 * Runtime validation for every channel's request. The renderer is untrusted: main checks each
 * payload against these before a handler sees it. Limits are generous for real use and small
 * enough that an absurd payload is refused before it costs anything.
 */
import { z } from 'zod'
import { FONT_SIZE, LINE_WIDTH, THEMES } from '../model/settings'
import type { Channel } from './contract'

/** Article ids are file-name slugs; this also keeps them from being paths. */
export const articleId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,127}$/, 'not an article id')

/** A search query longer than this is not a query a person typed. */
export const MAX_QUERY_LENGTH = 1000

const query = z.string().max(MAX_QUERY_LENGTH)
const none = z.undefined()

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
    lastArticleId: articleId.nullable().optional()
  }),
  'reading:save-position': z.strictObject({ articleId, position: z.number().min(0).max(1) })
} satisfies Record<Channel, z.ZodType>
