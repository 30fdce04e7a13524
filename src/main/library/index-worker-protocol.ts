/**
 * Messages between main and the index worker. Main keeps the library and reader responsive;
 * the worker owns everything slow: parsing the articles (sent to main in batches), checking the
 * prebuilt index's hash, loading or building it, answering queries.
 */
import type { ArticleSummary, ArticleView, SkippedFile } from '@shared/model/article'
import type { TextRange } from '@shared/model/range'
import type { SearchResponse } from '@shared/model/search'
import type { IndexOrigin } from './library-index'

/** What the worker is started with (its last command-line argument, as JSON). */
export interface IndexWorkerData {
  resourcesDir: string
  /** Skip the prebuilt index: the retry after a worker that failed while loading it. */
  rebuild?: boolean
}

export type ToIndexWorker =
  /** Main has taken in a batch of articles: the next may come (one batch per event-loop turn). */
  | { type: 'articles-received' }
  | { type: 'search'; id: number; query: string; limit?: number; cursor?: number }
  | { type: 'matches'; id: number; articleId: string; query: string }
  /** Articles imported, edited (same id) or removed since the library loaded. */
  | { type: 'update'; id: number; added: ArticleView[]; removed: string[] }

export type FromIndexWorker =
  /**
   * The library's list, sent first and at once (small: no texts), so main can show the library
   * before the articles themselves are in; `skipped` are the files that could not be loaded.
   */
  | { type: 'summaries'; summaries: ArticleSummary[]; skipped: SkippedFile[] }
  /** The parsed library, in batches (the last has `done`), while the index is read. */
  | { type: 'articles'; articles: ArticleView[]; skipped: SkippedFile[]; done: boolean }
  | { type: 'progress'; progress: number }
  | { type: 'ready'; origin: IndexOrigin; articles: number }
  | { type: 'failed'; message: string }
  | { type: 'log'; message: string }
  | { type: 'search'; id: number; response: SearchResponse }
  | { type: 'matches'; id: number; ranges: TextRange[] | null }
  /** The update is searchable. */
  | { type: 'updated'; id: number }

/**
 * Main's hold on a running worker: a child process in the app (forked-index-worker.ts,
 * utility-index-worker.ts), the same code in-process in tests (in-process-index-worker.ts).
 */
export interface IndexWorkerHandle {
  postMessage(message: ToIndexWorker): void
  on(event: 'message', listener: (message: FromIndexWorker) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  /** `how` is the exit code, or the name of the signal that ended the process. */
  on(event: 'exit', listener: (how: number | string) => void): unknown
  terminate(): unknown
  /** The child process's id, where there is one (the bench reads its memory). */
  readonly pid?: number
}

/** The worker's end of the channel: its parent process (index-worker-port.ts), or a MessagePort in tests. */
export interface IndexWorkerPort {
  /**
   * @param sent called once the message has left this process (a large message to a forked
   *   parent goes out over several turns of the event loop, which synchronous work would hold up).
   */
  postMessage(message: FromIndexWorker, sent?: () => void): void
  on(event: 'message', listener: (message: ToIndexWorker) => void): unknown
}
