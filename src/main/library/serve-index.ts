/**
 * The index worker's work, apart from the process it runs in: load the library (from the
 * parsed-library cache where it matches), load or build its index (reporting progress), then
 * answer searches. index-worker.ts runs it in a child process; tests run it over a
 * MessageChannel in their own thread.
 */
import { join } from 'node:path'
import { summaryOf, type ArticleView } from '@shared/model/article'
import type { LibraryForward } from '@shared/search/library-forward'
import { LiveSearch } from '@shared/search/live-search'
import type { SearchEngine } from '@shared/search/lunr-engine'
import type {
  FromIndexWorker,
  IndexWorkerData,
  IndexWorkerPort,
  ToIndexWorker
} from './index-worker-protocol'
import { LIBRARY_CACHE_FILE, readLibraryCache, type ParsedCache } from './library-cache'
import {
  buildEngine,
  INDEX_FILE,
  INDEX_FORMAT,
  indexFileProblem,
  openCheckedIndex,
  type IndexOrigin
} from './library-index'
import { readIndexWordsEarly } from './index-words'
import { LibraryAnswers } from './library-questions'
import { cachedLibrary, loadLibrary, type Library } from './load-library'
import { readShippedFiles, type ReadBinary, type ShippedReading } from './read-checked'
import { plainArticle } from './stored-article'

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

/**
 * Runs until the port closes. Never throws: a failure is reported as a `failed` message.
 * @param reading the shipped files as already being read, and the article files checked
 *   (`readShippedFiles`), if they are.
 */
export async function serveIndex(
  port: IndexWorkerPort,
  data: IndexWorkerData,
  reading?: ShippedReading
): Promise<void> {
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
  /** The library as read at start-up (without later updates): what its list is of. */
  let library: Library | null = null
  let service: LiveSearch | null = null
  /** Questions and updates that came before the library was read. */
  const early: ToIndexWorker[] = []
  /** Updates that came before the index was ready: applied to it once it is. */
  const unindexed: { added: ArticleView[]; removed: string[] }[] = []
  let received: (() => void) | null = null
  const receive = (message: ToIndexWorker): void => {
    if (message.type === 'articles-received') {
      received?.()
    } else if (message.type === 'send-list') {
      if (library) port.postMessage(listOf(library))
      else early.push(message)
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
    // The cache and the index are read (and checksummed) each on a thread of its own, and the
    // article files checked against the cache, all started by the worker's entry before this
    // code was even loaded (index-worker.ts).
    const shipped = data.rebuild ? null : (reading ?? readShippedFiles(data.resourcesDir))
    const indexBytes = shipped?.index ?? null
    // Made as soon as the index's first sections are in, while the thread reads the rest and
    // this one waits for the cache or the files' check, whichever comes first.
    const words = indexBytes && readIndexWordsEarly(indexBytes, INDEX_FORMAT)
    const read = await readArticles(data, log, shipped, (done) => progress(done * ARTICLES_SHARE))
    library = read
    const { articles, skipped } = read
    for (const article of articles) byId.set(article.id, article)
    answers = new LibraryAnswers(byId)
    // Main has shown the list from the cache meanwhile (cached-list.ts): this confirms or
    // corrects it, so it is not waited for.
    port.postMessage(
      read.listDigest ? { type: 'list-vouched', digest: read.listDigest } : listOf(read)
    )
    for (const message of early.splice(0)) receive(message)
    const sendArticles = async (): Promise<void> => {
      for (let at = 0; at === 0 || at < articles.length; at += ARTICLE_BATCH) {
        const receipt = new Promise<void>((resolve) => (received = resolve))
        port.postMessage({
          type: 'articles',
          articles: articles.slice(at, at + ARTICLE_BATCH).map(plainArticle),
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
    const problem = indexBytes ? indexFileProblem(await indexBytes, read) : 'rebuild'
    const prebuilt =
      problem === null
        ? openCheckedIndex(data.resourcesDir, (await indexBytes) as ReadBinary, await words)
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

/** The library's list as the articles read turned out. */
function listOf({ articles, skipped }: Library): FromIndexWorker {
  return { type: 'summaries', summaries: articles.map(summaryOf), skipped }
}

/**
 * The library, from the parsed-library cache where it still matches the files, and says what it
 * had to parse. The retry after a failed worker trusts nothing prebuilt: it parses everything.
 */
async function readArticles(
  data: IndexWorkerData,
  log: (message: string) => void,
  shipped: ShippedReading | null,
  onProgress: (fraction: number) => void
): Promise<Library & { listDigest: string | null }> {
  const dir = join(data.resourcesDir, 'articles')
  if (!shipped) return { ...(await loadLibrary(dir, { onProgress })), listDigest: null }
  const read = await readLibraryCache(data.resourcesDir, shipped.cache, log)
  const { cache, problem, listDigest } = read
  // The files checked by the cache's thread meanwhile, against this very cache.
  const unchanged =
    problem === null && listDigest != null && (await shipped.unchanged) === listDigest
  const library = unchanged ? cachedLibrary(cache) : await loadLibrary(dir, { onProgress, cache })
  const parsed = library.articles.length - library.cached
  const reason = problem ?? (parsed > 0 ? 'they changed since it was built' : null)
  if (reason !== null) {
    const path = join(data.resourcesDir, LIBRARY_CACHE_FILE)
    log(
      `[dossier] Parsed ${parsed} of ${library.articles.length} articles instead of reading them from the library cache: ${reason} (${path})`
    )
  }
  return { ...library, listDigest: listDigest && sameFiles(library, cache) ? listDigest : null }
}

/** Whether `library` is every file of `cache` in its order, each read from it and none skipped. */
function sameFiles({ files, cached, skipped }: Library, cache: ParsedCache): boolean {
  if (cached !== files.length || skipped.length > 0 || files.length !== cache.size) return false
  let i = 0
  for (const name of cache.keys()) if (files[i++]!.file !== name) return false
  return true
}
