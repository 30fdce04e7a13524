/**
 * Direct quotations as a search provider: `speaker:esper` finds what Esper said, and plain
 * words find quotations by their words or their speaker's name. Each quotation is read with the
 * same analysis as articles (forward-index.ts), so phrases, prefixes, stemming and folding mean
 * the same here. Scare quotes are left to the article results: they are nobody's words.
 *
 * A quotation is a result when its words or its speaker match every group of the query and no
 * excluded term; `title:`, `source:` and `author:` terms only narrow quotations down to the
 * articles they name, so `source:ndtv` alone lists NDTV's articles, not every quote in them.
 *
 * A library of 10,000 articles holds some 100,000 quotations, and a keystroke must not read
 * them all. Which quotations match is decided on sets (one byte per quotation) filled from
 * postings (word → quotations holding it) and from the few distinct speakers and article
 * fields; only phrases are verified word by word, and only where every other group already
 * holds. Then, as the article provider does, a cheap first order (groups matched through the
 * speaker, then date) picks the candidates that are read closely for proximity and excerpts.
 */
import type { ArticleView, Block } from '../model/article'
import type { Quote } from '../model/quote'
import type { TextRange } from '../model/range'
import type { SearchResult } from '../model/search'
import {
  findForwardOccurrences,
  forwardText,
  matchersFor,
  Vocabulary,
  type ForwardText,
  type WordMatcher
} from './forward-index'
import type { ProviderAnswer, SearchProvider } from './providers'
import type { ParsedQuery, QueryTerm } from './query-parser'
import { compareRanked, proximityTier, rankScore, type PositionedMatch } from './ranking'
import { makeSnippet, type SnippetMatch } from './snippet'

/**
 * How many candidates, best first by the cheap order, are read closely (proximity measured,
 * words counted) for one query: five pages of results, as for articles (RERANK_DEPTH there).
 */
export const QUOTE_RERANK_DEPTH = 100

/**
 * The most quotations one article may put among the results of a search for words. An article
 * full of speech (or a hostile one, a megabyte of quotation marks) could otherwise fill the page
 * with its own quotes and push the articles, and every other speaker, out of sight. A search by
 * `speaker:` asks for that person's quotations and is not capped.
 */
export const MAX_QUOTES_PER_ARTICLE = 3

/** Candidates read closely per article, to choose its best MAX_QUOTES_PER_ARTICLE from. */
const READ_PER_ARTICLE = 20

/** One searchable quotation. */
interface Unit {
  article: ArticleView
  quote: Quote
  /** The quotation's words; offsets relative to `quote.start`. */
  words: ForwardText
  /** The article's blocks clipped to the quotation, relative to `quote.start`. */
  blocks: TextRange[]
}

/**
 * The distinct values of one field (speakers, titles, sources, authors), each read once, the
 * quotations having each, and postings from words to values.
 */
class Values {
  private readonly byValue = new Map<string, number>()
  private readonly entries: { words: ForwardText; blocks: TextRange[]; units: number[] }[] = []
  private readonly postings = new Map<number, number[]>()

  constructor(private readonly vocabulary: Vocabulary) {}

  add(value: string, unit: number): void {
    let index = this.byValue.get(value)
    if (index === undefined) {
      index = this.entries.length
      this.byValue.set(value, index)
      const blocks = [{ start: 0, end: value.length }]
      const words = forwardText(value, blocks, this.vocabulary)
      this.entries.push({ words, blocks, units: [] })
      for (const id of new Set(words.termIds)) push(this.postings, id, index)
    }
    const units = this.entries[index]!.units
    if (units[units.length - 1] !== unit) units.push(unit)
  }

  /** Marks in `into` the units whose value holds the words side by side. */
  mark(matchers: readonly WordMatcher[], into: Uint8Array): void {
    for (const index of this.candidates(matchers)) {
      const entry = this.entries[index]!
      if (findForwardOccurrences(entry.words, entry.blocks, this.vocabulary, matchers).length === 0)
        continue
      for (const unit of entry.units) into[unit] = 1
    }
  }

  /** Values holding the first word (a value is a few words: verifying them all is cheap). */
  private candidates(matchers: readonly WordMatcher[]): Set<number> {
    const found = new Set<number>()
    const first = matchers[0]
    if (!first) return found
    for (const id of first.ids) for (const index of this.postings.get(id) ?? []) found.add(index)
    return found
  }
}

const ARTICLE_FIELDS = ['title', 'source', 'author'] as const

/** How one group of the query holds for every unit (one byte per unit). */
interface GroupSets {
  /** Through the quotation's words. */
  words: Uint8Array
  /** Through the speaker's name. */
  speaker: Uint8Array
  /** Through the article's title, source or author: narrows, never selects. */
  article: Uint8Array
}

/** A candidate read closely: its score and the matches its excerpt shows. */
interface Read {
  unit: number
  score: number
  date: string | null
  matches: SnippetMatch[]
}

/** Quotation marks a quotation's range opens and closes with. */
const MARK = /["'\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u00AB\u00BB]/
/** The comma (or colon, semicolon) before the attribution: `"…," she said`. */
const LEAD_IN = /\s*[,;:]$/

export class QuoteProvider implements SearchProvider {
  readonly kind = 'quote' as const
  private readonly vocabulary = new Vocabulary()
  private readonly units: Unit[] = []
  /** For each vocabulary id, the units whose words hold it, ascending. */
  private readonly postings: Uint32Array[] = []
  private readonly speakers = new Values(this.vocabulary)
  private readonly fields = {
    title: new Values(this.vocabulary),
    source: new Values(this.vocabulary),
    author: new Values(this.vocabulary)
  }
  /** Units in the order results tie-break in: newest article first (undated last), then library order. */
  private readonly byDate: Uint32Array
  /** The byte-per-unit sets of a search. */
  private readonly pool: SetPool

  constructor(articles: readonly ArticleView[]) {
    const postings = new Map<number, number[]>()
    for (const article of articles) {
      for (const quote of article.quotes) {
        const speaker = quote.speaker?.trim()
        if (quote.kind !== 'direct' || !speaker || quote.end <= quote.start) continue
        const index = this.units.length
        const blocks = clipBlocks(article.blocks, quote)
        const words = forwardText(
          article.text.slice(quote.start, quote.end),
          blocks,
          this.vocabulary
        )
        this.units.push({ article, quote, words, blocks })
        this.speakers.add(speaker, index)
        for (const field of ARTICLE_FIELDS) {
          const value = article[field]
          if (value) this.fields[field].add(value, index)
        }
        for (const id of words.termIds) {
          const list = postings.get(id)
          if (!list) postings.set(id, [index])
          else if (list[list.length - 1] !== index) list.push(index)
        }
      }
    }
    for (const [id, list] of postings) this.postings[id] = Uint32Array.from(list)
    const order = Array.from({ length: this.units.length }, (_, i) => i)
    const date = (i: number) => this.units[i]!.article.date ?? ''
    order.sort((a, b) => date(b).localeCompare(date(a)) || a - b)
    this.byDate = Uint32Array.from(order)
    this.pool = new SetPool(this.units.length)
  }

  /** How many quotations are searchable. */
  get size(): number {
    return this.units.length
  }

  search(query: ParsedQuery, limit: number): ProviderAnswer {
    const count = this.units.length
    if (query.groups.length === 0 || count === 0) return { results: [], fuzzy: false }
    const matchers = new Map<QueryTerm, WordMatcher[]>()
    const matchersOf = (term: QueryTerm): WordMatcher[] => {
      let found = matchers.get(term)
      if (!found) matchers.set(term, (found = matchersFor(this.vocabulary, term.words)))
      return found
    }

    // Units satisfying every group so far; a later group verifies phrases only among them.
    this.pool.reset()
    const alive = this.pool.take().fill(1)
    const groups: GroupSets[] = []
    for (const group of query.groups) {
      const sets: GroupSets = {
        words: this.pool.take(),
        speaker: this.pool.take(),
        article: this.pool.take()
      }
      for (const term of group) this.mark(term, matchersOf(term), sets, alive)
      let any = false
      for (let u = 0; u < count; u++) {
        if (!sets.words[u] && !sets.speaker[u] && !sets.article[u]) alive[u] = 0
        else if (alive[u]) any = true
      }
      if (!any) return { results: [], fuzzy: false }
      groups.push(sets)
    }
    for (const term of query.excluded) {
      const sets: GroupSets = {
        words: this.pool.take(),
        speaker: this.pool.take(),
        article: this.pool.take()
      }
      this.mark(term, matchersOf(term), sets, alive, true)
      for (let u = 0; u < count; u++)
        if (sets.words[u] || sets.speaker[u] || sets.article[u]) alive[u] = 0
    }

    // First order: groups matched through the speaker's name (the quotation's heading, as a
    // title is an article's), then date. A unit matched only by its article's fields is none.
    const buckets: number[][] = groups.map(() => [])
    buckets.push([])
    for (const u of this.byDate) {
      if (!alive[u]) continue
      let bySpeaker = 0
      let own = false
      for (const sets of groups) {
        if (sets.speaker[u]) bySpeaker++
        if (sets.words[u] || sets.speaker[u]) own = true
      }
      if (own) buckets[bySpeaker]!.push(u)
    }
    const depth = Math.max(limit, QUOTE_RERANK_DEPTH)
    const bySpeakerQuery = query.groups.some((group) => group.some((t) => t.field === 'speaker'))
    const perArticle = bySpeakerQuery ? Infinity : READ_PER_ARTICLE
    const shownPerArticle = bySpeakerQuery ? Infinity : MAX_QUOTES_PER_ARTICLE
    const read: Read[] = []
    const readOf = new Map<ArticleView, number>()
    reading: for (let b = buckets.length - 1; b >= 0; b--)
      for (const u of buckets[b]!) {
        const { article } = this.units[u]!
        const already = readOf.get(article) ?? 0
        if (already >= perArticle) continue
        const close = this.readClosely(u, query, groups, matchersOf)
        if (!close) continue
        read.push(close)
        readOf.set(article, already + 1)
        if (read.length >= depth) break reading
      }
    read.sort(compareRanked)
    const shownOf = new Map<ArticleView, number>()
    const shown = read.filter(({ unit }) => {
      const { article } = this.units[unit]!
      const count = shownOf.get(article) ?? 0
      shownOf.set(article, count + 1)
      return count < shownPerArticle
    })
    return { results: shown.slice(0, limit).map((r) => this.result(r)), fuzzy: false }
  }

  /** Marks the units a term matches, and through what. */
  private mark(
    term: QueryTerm,
    matchers: readonly WordMatcher[],
    sets: GroupSets,
    alive: Uint8Array,
    exact = false
  ): void {
    if (term.field === null) this.markWords(matchers, sets.words, alive, exact)
    if (term.field === null || term.field === 'speaker') this.speakers.mark(matchers, sets.speaker)
    if (term.field === 'title' || term.field === 'source' || term.field === 'author')
      this.fields[term.field].mark(matchers, sets.article)
  }

  /**
   * Units whose words may hold the term: every one of its words, as the postings say. Whether a
   * phrase's words stand side by side is read later, and only in the candidates read closely
   * (as the article provider does); `exact` reads it now, among the units still alive, for an
   * excluded phrase, where a false match would wrongly hide a quotation.
   */
  private markWords(
    matchers: readonly WordMatcher[],
    into: Uint8Array,
    alive: Uint8Array,
    exact: boolean
  ): void {
    const holding = matchers.map((matcher) => this.unitsHolding(matcher))
    if (holding.length === 1) {
      for (const u of holding[0]!) into[u] = 1
      return
    }
    // Count, per unit, the words held: each word's units once, rarest first to stop early.
    holding.sort((a, b) => a.length - b.length)
    const held = this.pool.take()
    for (const [index, units] of holding.entries())
      for (const u of units) if (held[u] === index) held[u] = index + 1
    for (const u of holding[0]!) {
      if (held[u] !== holding.length || !alive[u] || into[u]) continue
      if (exact) {
        const unit = this.units[u]!
        if (findForwardOccurrences(unit.words, unit.blocks, this.vocabulary, matchers).length === 0)
          continue
      }
      into[u] = 1
    }
  }

  /** The units holding any word the matcher accepts (repeats possible across words). */
  private unitsHolding(matcher: WordMatcher): number[] {
    const units: number[] = []
    for (const id of matcher.ids) {
      const list = this.postings[id]
      if (list) for (const u of list) units.push(u)
    }
    return units
  }

  /**
   * A candidate's place on the shared scale, or null when a phrase it seemed to hold is not
   * there side by side: groups matched through the speaker's name count as title terms,
   * proximity is measured in its words, and how often the query's words occur in it stands for
   * the engine's relevance.
   */
  private readClosely(
    u: number,
    query: ParsedQuery,
    groups: readonly GroupSets[],
    matchersOf: (term: QueryTerm) => WordMatcher[]
  ): Read | null {
    const unit = this.units[u]!
    const positioned: PositionedMatch[] = []
    const matches: SnippetMatch[] = []
    let bySpeaker = 0
    for (const [index, group] of query.groups.entries()) {
      const sets = groups[index]!
      if (sets.speaker[u]) bySpeaker++
      if (!sets.words[u]) continue
      let found = false
      for (const term of group) {
        if (term.field !== null) continue
        const matchers = matchersOf(term)
        for (const o of findForwardOccurrences(
          unit.words,
          unit.blocks,
          this.vocabulary,
          matchers
        )) {
          found = true
          positioned.push({ term: index, first: o.first, last: o.last })
          const start = unit.quote.start
          matches.push({ start: start + o.start, end: start + o.end, word: index })
        }
      }
      if (!found && !sets.speaker[u] && !sets.article[u]) return null
    }
    matches.sort((a, b) => a.start - b.start || b.end - a.end)
    const tier = proximityTier(positioned, query.groups.length)
    return {
      unit: u,
      score: rankScore(bySpeaker, tier, matches.length),
      date: unit.article.date,
      matches
    }
  }

  private result({ unit: u, score, matches }: Read): SearchResult {
    const { article, quote, blocks } = this.units[u]!
    return {
      kind: 'quote',
      articleId: article.id,
      title: article.title,
      source: article.source,
      date: article.date,
      score,
      snippet: quoteSnippet(article.text, quote, blocks, matches),
      matchCount: matches.length,
      firstMatch: matches[0]?.start ?? quote.start,
      speaker: quote.speaker?.trim() ?? '',
      passage: { start: quote.start, end: quote.end }
    }
  }
}

/** Sets a search keeps for reuse by the next: more are made, and dropped, as a query needs. */
const POOLED_SETS = 16

/**
 * Byte-per-unit sets for one search at a time, kept for the next and zeroed when taken again,
 * rather than a fresh buffer outside the heap for each set of each search.
 */
class SetPool {
  private readonly sets: Uint8Array[] = []
  private taken = 0

  constructor(private readonly size: number) {}

  /** A new search: every set taken before may be taken again. */
  reset(): void {
    this.taken = 0
  }

  /** An all-zero set, until the next `reset`. */
  take(): Uint8Array {
    if (this.taken >= POOLED_SETS) return new Uint8Array(this.size)
    let set = this.sets[this.taken]
    if (set) set.fill(0)
    else this.sets.push((set = new Uint8Array(this.size)))
    this.taken++
    return set
  }
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** The article's blocks that a quotation spans, clipped to it, relative to its start. */
function clipBlocks(blocks: readonly Block[], quote: TextRange): TextRange[] {
  const clipped: TextRange[] = []
  for (const block of blocks) {
    if (block.end <= quote.start) continue
    if (block.start >= quote.end) break
    const start = Math.max(block.start, quote.start)
    const end = Math.min(block.end, quote.end)
    if (end > start) clipped.push({ start: start - quote.start, end: end - quote.start })
  }
  return clipped
}

/**
 * An excerpt of the quotation's words, without its outer quotation marks (the results list
 * draws its own) and without the comma that led into the attribution.
 */
function quoteSnippet(
  text: string,
  quote: Quote,
  blocks: readonly TextRange[],
  matches: SnippetMatch[]
): SearchResult['snippet'] {
  // The words between the marks (each one UTF-16 unit), as paragraphs.
  const inner = {
    start: quote.start + (MARK.test(text[quote.start] ?? '') ? 1 : 0),
    end: quote.end - (MARK.test(text[quote.end - 1] ?? '') ? 1 : 0)
  }
  const paragraphs: Block[] = blocks
    .map((block) => ({
      kind: 'paragraph' as const,
      start: Math.max(inner.start, quote.start + block.start),
      end: Math.min(inner.end, quote.start + block.end),
      marks: []
    }))
    .filter((block) => block.end > block.start)
  const snippet = makeSnippet(text, paragraphs, matches)
  const words = snippet.text.replace(LEAD_IN, '')
  return {
    text: words,
    highlights: snippet.highlights.filter((range) => range.end <= words.length)
  }
}
