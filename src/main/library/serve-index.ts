/**
 * The index worker's work, apart from the thread it runs on: load the library, load or build
 * its index (reporting progress), then answer searches. index-worker.ts runs it in a Worker;
 * tests run it over a MessageChannel in their own thread.
 */
import { join } from 'node:path'
import { SearchService } from '@shared/search/search-service'
import type { IndexWorkerData, IndexWorkerPort } from './index-worker-protocol'
import { buildEngine, loadOrBuildIndex } from './library-index'
import { loadLibrary } from './load-library'

/**
 * Share of the progress bar given to reading the articles; the index takes the rest. Parsing
 * Markdown is about as slow as loading a prebuilt index, so half each is honest enough.
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
const ARTICLE_BATCH = 100

/** Runs until the port closes. Never throws: a failure is reported as a `failed` message. */
export async function serveIndex(port: IndexWorkerPort, data: IndexWorkerData): Promise<void> {
  let reported = 0
  const progress = (fraction: number): void => {
    if (fraction - reported < PROGRESS_STEP && fraction < 1) return
    reported = fraction
    port.postMessage({ type: 'progress', progress: Math.min(1, fraction) })
  }
  const log = (message: string): void => port.postMessage({ type: 'log', message })
  let service: SearchService | null = null
  let received: (() => void) | null = null
  port.on('message', (message) => {
    if (message.type === 'articles-received') {
      received?.()
    } else if (!service) {
      // Main forwards searches only once told the index is ready; nothing to answer before.
    } else if (message.type === 'search') {
      const response = service.search(message.query, message.limit, message.cursor)
      port.postMessage({ type: 'search', id: message.id, response })
    } else {
      const ranges = service.matches(message.articleId, message.query)
      port.postMessage({ type: 'matches', id: message.id, ranges })
    }
  })
  try {
    const library = await loadLibrary(join(data.resourcesDir, 'articles'), (done) =>
      progress(done * ARTICLES_SHARE)
    )
    const { articles, skipped } = library
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
    const toOverall = (fraction: number): void =>
      progress(ARTICLES_SHARE + fraction * (1 - ARTICLES_SHARE))
    const { engine, origin } = data.rebuild
      ? { engine: buildEngine(library.articles, toOverall), origin: 'rebuilt' as const }
      : await loadOrBuildIndex(data.resourcesDir, library.articles, log, toOverall)
    service = new SearchService(library.articles, engine)
    port.postMessage({ type: 'ready', origin, articles: library.articles.length })
    // Prefix and fuzzy terms need lunr's TokenSet; build it now, not on the first such query.
    setImmediate(() => engine.warm())
  } catch (error) {
    port.postMessage({ type: 'failed', message: (error as Error).message })
  }
}
