/**
 * An article from the parsed-library cache whose text and blocks stay stored until something
 * reads them: what the index worker holds for each bundled article. Start-up needs neither (the
 * list, the index and the quotations do not), and at 10,000 articles they are most of the
 * cache: 62 MiB of text, and 140,000 blocks whose parsing took longer than the rest.
 */
import type { ArticleView, Block, Extraction } from '@shared/model/article'
import type { Quote } from '@shared/model/quote'

/** An article without its text and blocks: what the cache's JSON part holds per article. */
export type Unstored = Omit<ArticleView, 'text' | 'blocks'>

/** Where stored articles read their text and blocks, by their number in the cache. */
export interface StoredParts {
  text(index: number): string
  blocks(index: number): Block[]
}

/**
 * Shaped like a parsed article, every field its own, but `text` and `blocks` getters on the
 * class. Getters are not copied: structured cloning (messages to main) and spreading leave them
 * out, so what leaves the worker goes through `plainArticle`. The parts and the index are
 * private fields, so no copy carries them either.
 */
export class StoredArticle implements ArticleView {
  readonly #parts: StoredParts
  readonly #index: number
  /** Kept once read: the reader and each search's snippets read them again and again. */
  #blocks: Block[] | undefined
  id: string
  title: string
  author: string | null
  standfirst: string | null
  source: string | null
  date: string | null
  url: string | null
  language: string | null
  dir: 'ltr' | 'rtl' | null
  imported: boolean
  words: number
  readingMinutes: number
  quotes: Quote[]
  extraction: Extraction | null

  constructor(unstored: Unstored, parts: StoredParts, index: number) {
    this.#parts = parts
    this.#index = index
    // Every field named, in one order: all stored articles share one hidden class. A spread
    // gave V8 a new one for almost every article past the first few dozen, and reading one
    // field of each of 10,000 (as a search for a common word does) took 100 times as long.
    this.id = unstored.id
    this.title = unstored.title
    this.author = unstored.author
    this.standfirst = unstored.standfirst
    this.source = unstored.source
    this.date = unstored.date
    this.url = unstored.url
    this.language = unstored.language
    this.dir = unstored.dir
    this.imported = unstored.imported
    this.words = unstored.words
    this.readingMinutes = unstored.readingMinutes
    this.quotes = unstored.quotes
    this.extraction = unstored.extraction
  }

  get text(): string {
    return this.#parts.text(this.#index)
  }

  get blocks(): Block[] {
    return (this.#blocks ??= this.#parts.blocks(this.#index))
  }
}

/** `article` as a plain object with its text: what can be sent to another process. */
export function plainArticle(article: ArticleView): ArticleView {
  return article instanceof StoredArticle
    ? { ...article, text: article.text, blocks: article.blocks }
    : article
}
