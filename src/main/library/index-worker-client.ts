/**
 * Main's side of the index worker: the parsed library as it arrives, search status for the UI,
 * and searches forwarded to the worker once its index is ready. Until then a search waits
 * briefly, then answers with no results, so the library and reader stay usable while a large
 * index loads.
 */
import {
  sameSummaries,
  type ArticleSummary,
  type ArticleView,
  type SkippedFile
} from '@shared/model/article'
import type { TextRange } from '@shared/model/range'
import type { SearchResponse, SearchStatus } from '@shared/model/search'
import type {
  FromIndexWorker,
  IndexWorkerData,
  IndexWorkerHandle,
  ToIndexWorker
} from './index-worker-protocol'
import type { IndexOrigin } from './library-index'
import { LibraryAnswers, type AnswerTo, type LibraryQuestion } from './library-questions'

/** Starts a worker (a child process in the app, an in-process one in tests). */
export type StartIndexWorker = (data: IndexWorkerData) => IndexWorkerHandle

type Pending = (message: FromIndexWorker | null) => void

/** The library's list as the worker sent it. */
export interface LibraryList {
  summaries: ArticleSummary[]
  skipped: SkippedFile[]
}

/**
 * How long a search made while the index loads waits for it before answering empty. A small
 * library (the bundled one) is ready well within this, so its first search is not lost; a large
 * one answers empty after it and the search field shows the loading progress instead.
 */
export const WAIT_FOR_INDEX_MS = 1000

export class IndexWorkerClient {
  private current: SearchStatus
  private worker: IndexWorkerHandle | null = null
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private readonly readyWaiters: (() => void)[] = []
  private retried = false
  /**
   * Main's own copy of the articles, while it has one: sent by a worker that builds its index
   * (too busy to answer questions), let go once that index is ready.
   */
  private readonly articles: ArticleView[] = []
  private libraryDone = false
  private readonly libraryWaiters: (() => void)[] = []
  /** Whether the current worker has begun lending main the articles. */
  private lending = false
  /** The library as main read it itself, once the worker has failed for good. */
  private ownLibrary: Promise<ArticleView[]> | null = null
  /**
   * Articles imported (or edited) and removed since start-up, by id (null: removed). A worker
   * that becomes ready, the first or a replacement, is sent all of them.
   */
  private readonly changes = new Map<string, ArticleView | null>()
  private listed: LibraryList | null = null
  /** Whether `listed` is main's own early read, which the worker's first list confirms or corrects. */
  private provisional = false
  /** The hash of the cache's list section that `listed` was read from, while provisional. */
  private listedDigest: string | null = null
  private readonly listWaiters: ((list: LibraryList | null) => void)[] = []
  private readonly listCorrections: ((list: LibraryList) => void)[] = []
  /** Where the index came from, once ready. */
  origin: IndexOrigin | null = null

  /**
   * @param readLibrary reads the bundled library in main, for questions once the worker has
   *   failed for good.
   * @param imported the imported articles (main holds them), answered with its own copy.
   */
  constructor(
    private readonly start: StartIndexWorker,
    private readonly resourcesDir: string,
    private readonly log: (message: string) => void,
    private readonly waitForIndexMs = WAIT_FOR_INDEX_MS,
    private readonly readLibrary: () => Promise<ArticleView[]> = async () => [],
    private readonly imported: () => readonly ArticleView[] = () => []
  ) {
    this.current = { state: 'loading', progress: 0, articles: 0 }
    this.launch(false)
  }

  /** How many articles the library has, for the status (when main had to read them itself). */
  countArticles(articles: number): void {
    this.current.articles = articles
  }

  status(): SearchStatus {
    return { ...this.current }
  }

  /**
   * Answers a question about the articles where they are: in the worker, or in main's own copy
   * while it has one (a worker building its index, or none left).
   */
  async ask<Q extends LibraryQuestion>(question: Q): Promise<AnswerTo<Q>> {
    for (;;) {
      const own = await this.ownArticles()
      if (own) {
        const byId = new Map([...own, ...this.imported()].map((a) => [a.id, a]))
        return new LibraryAnswers(byId).answer(question)
      }
      const answer = await this.post({ type: 'ask', id: 0, question })
      // Null: the worker failed meanwhile; ask its successor, or main's own copy.
      if (answer?.type === 'answer') return answer.answer as AnswerTo<Q>
    }
  }

  /** Main's own copy of the articles when it has or is getting one; null to ask the worker. */
  private async ownArticles(): Promise<ArticleView[] | null> {
    if (this.libraryDone) return this.articles
    if (this.worker && this.lending) {
      await new Promise<void>((resolve) => this.libraryWaiters.push(resolve))
      return this.ownArticles()
    }
    if (this.worker) return null
    return (this.ownLibrary ??= this.readLibrary())
  }

  /**
   * The library's list (summaries, no texts): main's own early read of it (`offerList`), or the
   * worker's, whichever comes first; main shows the library as soon as it has it. Null when
   * there was neither and the worker failed.
   */
  list(): Promise<LibraryList | null> {
    if (this.listed) return Promise.resolve(this.listed)
    if (this.current.state === 'failed') return Promise.resolve(null)
    return new Promise((resolve) => this.listWaiters.push(resolve))
  }

  /**
   * The list as main read it itself from the cache (cached-list.ts), before the worker has
   * started: `list()` gives it at once. The worker's own list, when it comes, confirms it or
   * corrects it (heard through `onListCorrected`). Ignored once there is a list.
   * @param digest the hash of the cache's list section it was read from, which the worker
   *   vouches for when the articles are the cache's, unchanged.
   */
  offerList(list: LibraryList, digest: string | null = null): void {
    if (this.listed || this.current.state === 'failed') return
    this.listed = list
    this.provisional = true
    this.listedDigest = digest
    this.current.articles = list.summaries.length
    for (const wake of this.listWaiters.splice(0)) wake(list)
  }

  /**
   * Calls `listener` with the corrected list when the worker's list differs from the one main
   * read from the cache (`offerList`); `list()` then gives the corrected one.
   */
  onListCorrected(listener: (list: LibraryList) => void): void {
    this.listCorrections.push(listener)
  }

  /** Resolves once the index is ready or has failed for good. */
  settled(): Promise<SearchStatus> {
    if (this.current.state !== 'loading') return Promise.resolve(this.status())
    return new Promise((resolve) => this.readyWaiters.push(() => resolve(this.status())))
  }

  async search(query: string, limit?: number, cursor?: number): Promise<SearchResponse> {
    const answer = await this.askIndex({ type: 'search', id: 0, query, limit, cursor })
    return answer?.type === 'search' ? answer.response : { query, results: [], fuzzy: false }
  }

  async matches(articleId: string, query: string): Promise<TextRange[] | null> {
    const answer = await this.askIndex({ type: 'matches', id: 0, articleId, query })
    return answer?.type === 'matches' ? answer.ranges : []
  }

  /**
   * Makes added (or edited) articles searchable and removed ones not: resolves once the worker
   * has them in its index, or at once while it is still loading (it gets them when ready).
   */
  async update(added: readonly ArticleView[], removed: readonly string[]): Promise<void> {
    for (const article of added) this.changes.set(article.id, article)
    for (const id of removed) this.changes.set(id, null)
    // The worker's library takes them at once (its questions see them); its index once ready.
    const sent = this.post({ type: 'update', id: 0, added: [...added], removed: [...removed] })
    if (this.current.state === 'ready') await sent
  }

  /** Stops the worker; later searches answer empty. */
  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    this.settle({ state: 'failed', progress: 0, message: 'search was closed' })
    await worker?.terminate()
  }

  private async askIndex(
    message: Extract<ToIndexWorker, { id: number }>
  ): Promise<FromIndexWorker | null> {
    if (this.current.state === 'loading' && this.waitForIndexMs > 0) {
      let timer: NodeJS.Timeout | undefined
      await Promise.race([
        this.settled(),
        new Promise((resolve) => (timer = setTimeout(resolve, this.waitForIndexMs)))
      ])
      clearTimeout(timer)
    }
    if (this.current.state !== 'ready') return null
    return this.post(message)
  }

  /** Sends `message` to the current worker; resolves with its answer, null if it fails first. */
  private post(message: Extract<ToIndexWorker, { id: number }>): Promise<FromIndexWorker | null> {
    const worker = this.worker
    if (!worker) return Promise.resolve(null)
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve)
      worker.postMessage({ ...message, id })
    })
  }

  private launch(rebuild: boolean): void {
    let worker: IndexWorkerHandle
    try {
      worker = this.start({ resourcesDir: this.resourcesDir, ...(rebuild ? { rebuild } : {}) })
    } catch (error) {
      this.fail(`the index worker could not start (${(error as Error).message})`)
      return
    }
    this.worker = worker
    this.lending = false
    if (this.changes.size > 0) {
      // A replacement worker: every change since start-up, before anything else.
      const added = [...this.changes.values()].filter((a): a is ArticleView => a !== null)
      const removed = [...this.changes].filter(([, a]) => a === null).map(([id]) => id)
      worker.postMessage({ type: 'update', id: this.nextId++, added, removed })
    }
    worker.on('message', (message) => {
      if (this.worker === worker) this.receive(message)
    })
    worker.on('error', (error) => {
      if (this.worker === worker) this.fail(`the index worker failed (${error.message})`)
    })
    worker.on('exit', (how) => {
      const ended = typeof how === 'number' ? `exit code ${how}` : how
      if (this.worker === worker) this.fail(`the index worker stopped (${ended})`)
    })
  }

  private receive(message: FromIndexWorker): void {
    switch (message.type) {
      case 'summaries':
        if (this.provisional) {
          this.provisional = false
          const { summaries, skipped } = this.listed!
          if (skipped.length === 0 && message.skipped.length === 0)
            if (sameSummaries(summaries, message.summaries)) return
          this.log(
            '[dossier] The library as read differs from the list in the library cache: list corrected'
          )
          this.correctList(message)
          return
        }
        // A retried worker sends the list again: the first one stands.
        if (this.listed) return
        this.listed = { summaries: message.summaries, skipped: message.skipped }
        this.current.articles = message.summaries.length
        for (const wake of this.listWaiters.splice(0)) wake(this.listed)
        return
      case 'list-vouched':
        if (this.provisional && message.digest === this.listedDigest) {
          this.provisional = false
          return
        }
        // A retried worker vouches again: the first list stands.
        if (this.listed && !this.provisional) return
        this.worker?.postMessage({ type: 'send-list' })
        return
      case 'articles':
        this.worker?.postMessage({ type: 'articles-received' })
        // Lent while the worker builds its index: questions wait for the last batch.
        this.lending = true
        if (this.libraryDone) return
        for (const article of message.articles) this.articles.push(article)
        if (message.done) {
          this.libraryDone = true
          for (const wake of this.libraryWaiters.splice(0)) wake()
        }
        return
      case 'progress':
        if (this.current.state === 'loading') this.current.progress = message.progress
        return
      case 'log':
        this.log(message.message)
        return
      case 'ready':
        this.origin = message.origin
        // The worker answers questions again: main lets go of its copy of the texts.
        this.articles.length = 0
        this.libraryDone = false
        this.lending = false
        this.settle({ state: 'ready', progress: 1 })
        return
      case 'failed':
        this.fail(message.message)
        return
      default:
        this.pending.get(message.id)?.(message)
        this.pending.delete(message.id)
    }
  }

  private correctList({ summaries, skipped }: LibraryList): void {
    this.provisional = false
    this.listed = { summaries, skipped }
    this.current.articles = summaries.length
    for (const listener of this.listCorrections) listener(this.listed)
  }

  /**
   * The worker failed. While loading, try once more with a fresh worker that builds the index
   * instead of reading the prebuilt one (the likeliest culprit); after that, or once ready,
   * search is unavailable and says why, while the library and reader keep working.
   */
  private fail(message: string): void {
    const worker = this.worker
    this.worker = null
    for (const resolve of this.pending.values()) resolve(null)
    this.pending.clear()
    void worker?.terminate()
    this.log(`[dossier] Search index: ${message}`)
    if (this.current.state === 'loading' && !this.retried) {
      this.retried = true
      this.current.progress = 0
      // A batch of articles from the failed worker may be incomplete: the retry sends them all.
      if (!this.libraryDone) this.articles.length = 0
      this.launch(true)
      return
    }
    this.settle({ state: 'failed', progress: 0, message })
    // Questions waiting for the articles turn to main's own copy.
    for (const wake of this.libraryWaiters.splice(0)) wake()
    for (const wake of this.listWaiters.splice(0)) wake(null)
  }

  private settle(update: Omit<SearchStatus, 'articles'>): void {
    this.current = { articles: this.current.articles, ...update }
    for (const wake of this.readyWaiters.splice(0)) wake()
  }
}
