/**
 * The IPC contract, written once: every channel with its request and response types.
 * Main implements it (a missing handler fails to compile), the preload forwards only these
 * channels, and the renderer takes its types from here. Runtime schemas live in ./schemas.
 * This file must stay free of runtime dependencies: the sandboxed preload bundles it.
 */
import type {
  Annotation,
  AnnotationView,
  ExportFormat,
  ExportedNotes,
  HighlightColor,
  ImportReport,
  NotesStatus
} from '../model/annotation'
import type { ArticleSummary, ArticleView, SkippedFile } from '../model/article'
import type { PageBlock } from '../model/page-text'
import type { VoiceQuote, VoiceSummary } from '../model/quote'
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
  /** Every speaker quoted in the library, most quoted first. */
  'quotes:voices': { request: void; response: { voices: VoiceSummary[] } }
  /** Every direct quotation of one speaker, in library order. */
  'quotes:by-speaker': {
    request: { speaker: string }
    response: { speaker: string; quotes: VoiceQuote[] }
  }
  /** One article's annotations in reading order (orphans last), or every annotation. */
  'notes:list': { request: { articleId?: string }; response: { annotations: AnnotationView[] } }
  /**
   * A highlight of [start, end) of the article's canonical text (main takes the quote and its
   * context from its own copy of the text), or with `kind: 'article-note'` a note on the
   * whole article. Answered once it is on disk.
   */
  'notes:create': {
    request: {
      articleId: string
      kind: Annotation['kind']
      start?: number
      end?: number
      color?: HighlightColor
      note?: string
      tags?: string[]
    }
    response: AnnotationView
  }
  'notes:update': {
    request: { id: string; note?: string; tags?: string[]; color?: HighlightColor }
    response: AnnotationView
  }
  /** Answers the deleted annotation, so the UI can offer to undo. */
  'notes:delete': { request: { id: string }; response: { deleted: Annotation } }
  /** Puts back an annotation exactly as it was (undo of a delete). */
  'notes:restore': { request: { annotation: Annotation }; response: AnnotationView }
  /** One article's notes, or all of them, as a file's content for the UI to save. */
  'notes:export': {
    request: { articleId?: string; format: ExportFormat }
    response: ExportedNotes
  }
  /** A W3C Web Annotation file's content; all or nothing. */
  'notes:import': { request: { content: string }; response: ImportReport }
  'notes:status': { request: void; response: NotesStatus }
  /**
   * One file of an import batch. `data` is the file's bytes as base64 (the preview's bridge is
   * JSON); `path` is its path within a dropped folder, to pair a saved page with its `_files`.
   * Answered once the article is stored and searchable (or within a second after).
   */
  'import:file': {
    request: { batchId: string; name: string; path?: string; data: string }
    response: ArticleImportRow
  }
  /** Stops a batch: an extraction in flight is killed, later files answer failed "Cancelled.". */
  'import:cancel': { request: { batchId: string }; response: { cancelled: boolean } }
  /** Corrects an imported article's details; it is re-indexed. */
  'library:edit': { request: { id: string; details: ArticleDetails }; response: ArticleSummary }
  /** Moves an imported article to the trash; its notes are kept. */
  'library:remove': {
    request: { id: string }
    response: { removed: ArticleSummary; notes: number }
  }
  /** Undoes a remove. */
  'library:restore': { request: { id: string }; response: ArticleSummary }
  /**
   * The removed (not yet restored) imported articles among `ids`, from the trash: what notes
   * whose article left the library were written on.
   */
  'library:removed': { request: { ids: string[] }; response: { articles: ArticleSummary[] } }
  /**
   * The whole page's text as plain blocks (headings, paragraphs, list items), from the kept
   * original (offered when extraction was thin).
   */
  'library:page-text': { request: { id: string }; response: { blocks: PageBlock[] } }
}

/** What the user may correct about an imported article; an absent key is left as it is. */
export interface ArticleDetails {
  title?: string
  author?: string | null
  source?: string | null
  date?: string | null
  language?: string | null
  url?: string | null
}

/** The outcome of one imported file, with a reason a person understands. */
export interface ArticleImportRow {
  name: string
  status: 'imported' | 'duplicate' | 'failed'
  reason: string
  article?: ArticleSummary
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
  'reading:save-position',
  'quotes:voices',
  'quotes:by-speaker',
  'notes:list',
  'notes:create',
  'notes:update',
  'notes:delete',
  'notes:restore',
  'notes:export',
  'notes:import',
  'notes:status',
  'import:file',
  'import:cancel',
  'library:edit',
  'library:remove',
  'library:restore',
  'library:removed',
  'library:page-text'
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
