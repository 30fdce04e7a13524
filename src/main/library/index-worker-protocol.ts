/**
 * Messages between main and the index worker. Main keeps the library and reader responsive;
 * the worker owns everything slow: parsing the articles (sent to main in batches), checking the
 * prebuilt index's hash, loading or building it, answering queries.
 */
import type { ArticleSummary, ArticleView, SkippedFile } from '@shared/model/article'
import type { TextRange } from '@shared/model/range'
import type { SearchResponse } from '@shared/model/search'
import type { IndexOrigin } from './library-index'
import type { LibraryQuestion } from './library-questions'

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
  /**
   * Articles imported, edited (same id) or removed since the library loaded: answered with
   * `updated` at once, searchable from then if the index is ready, else once it is.
   */
  | { type: 'update'; id: number; added: ArticleView[]; removed: string[] }
  /** A question about the articles (library-questions.ts), answered once they are read. */
  | { type: 'ask'; id: number; question: LibraryQuestion }
  /** Main needs the whole list after all (`list-vouched` did not vouch for its own). */
  | { type: 'send-list' }

export type FromIndexWorker =
  /**
   * The library's list as the articles read turned out (small: no texts), sent before the index
   * is opened; `skipped` are the files that could not be loaded. Main has usually shown the
   * cache's own list before (cached-list.ts): this one confirms or corrects it.
   */
  | { type: 'summaries'; summaries: ArticleSummary[]; skipped: SkippedFile[] }
  /**
   * Instead of `summaries` when the articles read are exactly the cache's, unchanged: the
   * list is then the cache's own list section, named by its hash, which main read itself. At
   * 10,000 articles the whole list is 2 MB: sent over the pipe, it held up the `ready` behind it
   * by a few hundred milliseconds. Main answers `send-list` if it has no list of that hash.
   */
  | { type: 'list-vouched'; digest: string }
  /**
   * The parsed library, in batches (the last has `done`), lent to main before the index is
   * built, which holds the worker too long to answer questions.
   */
  | { type: 'articles'; articles: ArticleView[]; skipped: SkippedFile[]; done: boolean }
  | { type: 'progress'; progress: number }
  | { type: 'ready'; origin: IndexOrigin; articles: number }
  | { type: 'failed'; message: string }
  | { type: 'log'; message: string }
  | { type: 'search'; id: number; response: SearchResponse }
  | { type: 'matches'; id: number; ranges: TextRange[] | null }
  /** The update is in the worker's library (and its index, once ready). */
  | { type: 'updated'; id: number }
  | { type: 'answer'; id: number; answer: unknown }

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
