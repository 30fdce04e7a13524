/**
 * The IPC contract, written once: every channel with its request and response types.
 * Main implements it (a missing handler fails to compile), the preload forwards only these
 * channels, and the renderer takes its types from here. Runtime schemas live in ./schemas.
 * This file must stay free of runtime dependencies: the sandboxed preload bundles it.
 */
import type { ArticleSummary, ArticleView, SkippedFile } from '../model/article'
import type { MatchesResponse, SearchResponse, SearchStatus } from '../model/search'
import type { Settings, SettingsPatch } from '../model/settings'
import type { Result } from './result'

export interface Contract {
  'library:list': {
    request: void
    response: { articles: ArticleSummary[]; skipped: SkippedFile[] }
  }
  'library:get': { request: { id: string }; response: ArticleView }
  'search:query': {
    /** `cursor`: caret position in `query`; the word under it is a prefix (default: the end). */
    request: { query: string; limit?: number; cursor?: number }
    response: SearchResponse
  }
  'search:matches': { request: { articleId: string; query: string }; response: MatchesResponse }
  'search:status': { request: void; response: SearchStatus }
  'settings:get': { request: void; response: Settings }
  'settings:update': { request: SettingsPatch; response: Settings }
  'reading:save-position': { request: { articleId: string; position: number }; response: Settings }
}

export type Channel = keyof Contract
export type RequestOf<C extends Channel> = Contract[C]['request']
export type ResponseOf<C extends Channel> = Contract[C]['response']

export const CHANNELS = [
  'library:list',
  'library:get',
  'search:query',
  'search:matches',
  'search:status',
  'settings:get',
  'settings:update',
  'reading:save-position'
] as const satisfies readonly Channel[]

// A channel added to Contract but not to CHANNELS is a compile error here.
type Missing = Exclude<Channel, (typeof CHANNELS)[number]>
const _allListed: Missing extends never ? true : never = true
void _allListed

export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)

/** The one object the preload exposes on `window.dossier`. */
export interface DossierBridge {
  invoke<C extends Channel>(
    channel: C,
    ...request: RequestOf<C> extends void ? [] : [RequestOf<C>]
  ): Promise<Result<ResponseOf<C>>>
}

/** Main-side implementation of the contract: validated request in, value out (or a thrown error). */
export type Handlers = {
  [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>
}
