/**
 * The index worker's work, apart from the process it runs in: load the library (from the
 * parsed-library cache where it matches), load or build its index (reporting progress), then
 * answer searches. index-worker.ts runs it in a child process; tests run it over a
 * MessageChannel in their own thread.
 */
import { join } from 'node:path'
import { summaryOf, type ArticleSummary, type ArticleView } from '@shared/model/article'
import type { LibraryForward } from '@shared/search/library-forward'
import { LiveSearch } from '@shared/search/live-search'
import type { SearchEngine } from '@shared/search/lunr-engine'
import { readCachedList, type CachedList } from './cached-list'
import type {
  FromIndexWorker,
  IndexWorkerData,
  IndexWorkerPort,
  ToIndexWorker
} from './index-worker-protocol'
import { LIBRARY_CACHE_FILE, readLibraryCache } from './library-cache'
import {
  buildEngine,
  INDEX_FILE,
  indexFileProblem,
  openCheckedIndex,
  type IndexOrigin
} from './library-index'
import { LibraryAnswers } from './library-questions'
import { loadLibrary, type Library } from './load-library'
import { readBinaryFiles, type ReadBinary } from './read-checked'

/**
 * Share of the progress bar given to reading the articles; the index takes the rest. Parsing
 * Markdown is about as slow as loading a prebuilt index, and reading the parsed-library cache
 * about as quick, so half each is honest enough.
 */
const ARTICLES_SHARE = 0.5
/** Smallest progress step worth a message: a hundred updates at most. */
const PROGRESS_STEP = 0.01
/**
 * Articles per message to main. Main deserialises each message in one go: 100 articles of
 * ~800 words take a few milliseconds there, far below the 50 ms a stall may last. The next batch
 * waits for main's receipt: Node drains every queued message in one turn of main's event loop,
 * so a library sent all at once would stall main for as long as all of it takes.
 */
const ARTICLE_BATCH = 250

/**
 * The search the app runs over its library: articles and the quotations in them. The bench
 * builds it here too, so it measures what the app answers with.
 */
export function librarySearch(
  articles: readonly ArticleView[],
  engine: SearchEngine,
  forward?: LibraryForward
): LiveSearch {
  return new LiveSearch(articles, engine, forward)
}

/** Runs until the port closes. Never throws: a failure is reported as a `failed` message. */
export async function serveIndex(port: IndexWorkerPort, data: IndexWorkerData): Promise<void> {
  let reported = 0
  const progress = (fraction: number): void => {
    if (fraction - reported < PROGRESS_STEP && fraction < 1) return
    reported = fraction
    port.postMessage({ type: 'progress', progress: Math.min(1, fraction) })
  }
  const log = (message: string): void => port.postMessage({ type: 'log', message })
  // The library in library order (bundled, then imported as main sends them): the one copy of
  // the article texts. Main asks for what it needs (library-questions.ts).
  const byId = new Map<string, ArticleView>()
  let answers: LibraryAnswers | null = null
  let service: LiveSearch | null = null
  /** Questions and updates that came before the library was read. */
  const early: ToIndexWorker[] = []
  /** Updates that came before the index was ready: applied to it once it is. */
  const unindexed: { added: ArticleView[]; removed: string[] }[] = []
  let received: (() => void) | null = null
  const receive = (message: ToIndexWorker): void => {
    if (message.type === 'articles-received') {
      received?.()
    } else if (message.type === 'ask' || message.type === 'update') {
      if (!answers) {
        early.push(message)
      } else if (message.type === 'ask') {
        port.postMessage({
          type: 'answer',
          id: message.id,
          answer: answers.answer(message.question)
        })
      } else {
        for (const id of message.removed) byId.delete(id)
        for (const article of message.added) byId.set(article.id, article)
        answers.changed()
        if (service) service.update(message.added, message.removed)
        else unindexed.push(message)
        port.postMessage({ type: 'updated', id: message.id })
      }
    } else if (!service) {
      // Main forwards searches only once told the index is ready; nothing to answer before.
    } else if (message.type === 'search') {
      const response = service.search(message.query, message.limit, message.cursor)
      port.postMessage({ type: 'search', id: message.id, response })
    } else {
      const ranges = service.matches(message.articleId, message.query)
      port.postMessage({ type: 'matches', id: message.id, ranges })
    }
  }
  port.on('message', receive)
  try {
    // Both shipped files are read (and checksummed) on a thread of their own from the start,
    // the cache first: this thread lists the library meanwhile.
    const [cacheBytes = null, indexBytes = null] = data.rebuild
      ? []
      : readBinaryFiles(
          [LIBRARY_CACHE_FILE, INDEX_FILE].map((name) => join(data.resourcesDir, name))
        )
    // Each list is sent in full before the next long stretch of work (reading the cache, opening
    // the index), which holds this thread for a while.
    const send = (message: FromIndexWorker): Promise<void> =>
      new Promise<void>((sent) => port.postMessage(message, sent))
    const listed = data.rebuild
      ? null
      : await readCachedList(data.resourcesDir, join(data.resourcesDir, 'articles'))
    if (listed) await send({ type: 'summaries', summaries: listed.summaries, skipped: [] })
    const library = await readArticles(data, log, cacheBytes, listed?.stamps, (done) =>
      progress(done * ARTICLES_SHARE)
    )
    const { articles, skipped } = library
    for (const article of articles) byId.set(article.id, article)
    answers = new LibraryAnswers(byId)
    if (!listed) await send({ type: 'summaries', summaries: articles.map(summaryOf), skipped })
    else if (skipped.length > 0 || !sameSummaries(listed.summaries, articles)) {
      const summaries = articles.map(summaryOf)
      // The cache's list disagreed with its own articles (a damaged body, parsed afresh).
      log('[dossier] The library cache listed articles that differ from its own: list corrected')
      await send({ type: 'list-corrected', summaries, skipped })
    }
    for (const message of early.splice(0)) receive(message)
    const sendArticles = async (): Promise<void> => {
      for (let at = 0; at === 0 || at < articles.length; at += ARTICLE_BATCH) {
        const receipt = new Promise<void>((resolve) => (received = resolve))
        port.postMessage({
          type: 'articles',
          articles: articles.slice(at, at + ARTICLE_BATCH),
          skipped: at === 0 ? skipped : [],
          done: at + ARTICLE_BATCH >= articles.length
        })
        await receipt
      }
    }
    const ready = (engine: SearchEngine, origin: IndexOrigin, forward?: LibraryForward): void => {
      service = librarySearch(articles, engine, forward)
      for (const { added, removed } of unindexed.splice(0)) service.update(added, removed)
      port.postMessage({ type: 'ready', origin, articles: articles.length })
      // Prefix and fuzzy terms need lunr's TokenSet; build it now, not on the first such query.
      setImmediate(() => service?.warm())
    }
    // Judged by the file's header alone, then opened (which checks its hash).
    const problem = indexBytes ? indexFileProblem(await indexBytes, library) : 'rebuild'
    const prebuilt =
      problem === null
        ? openCheckedIndex(data.resourcesDir, (await indexBytes) as ReadBinary)
        : null
    if (prebuilt && 'engine' in prebuilt) {
      // Opening the shipped index takes a fraction of a second; main asks for the texts it
      // needs meanwhile and after.
      ready(prebuilt.engine, 'prebuilt', prebuilt.forward)
    } else {
      // Building takes long and holds this thread: main gets its own copy of the articles
      // first, so the reader works meanwhile (it lets go of it once the index is ready).
      const reason =
        prebuilt?.reason ??
        (data.rebuild
          ? null
          : `[dossier] Rebuilding the search index: ${problem} (${join(data.resourcesDir, INDEX_FILE)})`)
      if (reason) log(reason)
      await sendArticles()
      const toOverall = (fraction: number): void =>
        progress(ARTICLES_SHARE + fraction * (1 - ARTICLES_SHARE))
      ready(buildEngine(articles, toOverall), 'rebuilt')
    }
  } catch (error) {
    port.postMessage({ type: 'failed', message: (error as Error).message })
  }
}

/**
 * The library, from the parsed-library cache where it still matches the files, and says what it
 * had to parse. The retry after a failed worker trusts nothing prebuilt: it parses everything.
 */
async function readArticles(
  data: IndexWorkerData,
  log: (message: string) => void,
  cacheBytes: Promise<ReadBinary | Error> | null,
  stamps: CachedList['stamps'] | undefined,
  onProgress: (fraction: number) => void
): Promise<Library> {
  const dir = join(data.resourcesDir, 'articles')
  if (!cacheBytes) return loadLibrary(dir, { onProgress })
  const { cache, problem } = await readLibraryCache(data.resourcesDir, cacheBytes)
  const library = await loadLibrary(dir, { onProgress, cache, ...(stamps ? { stamps } : {}) })
  const parsed = library.articles.length - library.cached
  const reason = problem ?? (parsed > 0 ? 'they changed since it was built' : null)
  if (reason !== null) {
    const path = join(data.resourcesDir, LIBRARY_CACHE_FILE)
    log(
      `[dossier] Parsed ${parsed} of ${library.articles.length} articles instead of reading them from the library cache: ${reason} (${path})`
    )
  }
  return library
}

const SUMMARY_FIELDS = Object.keys(summaryOf({} as ArticleSummary)) as (keyof ArticleSummary)[]

/**
 * Whether the list sent early is the articles' own: field by field, as JSON would compare
 * them (every field is a string, number, boolean or null), for a fraction of the time.
 */
function sameSummaries(
  listed: readonly ArticleSummary[],
  articles: readonly ArticleView[]
): boolean {
  if (listed.length !== articles.length) return false
  for (let i = 0; i < listed.length; i++) {
    const a = listed[i]!
    const b = articles[i]!
    for (const field of SUMMARY_FIELDS) if (a[field] !== b[field]) return false
  }
  return true
}
