/**
 * The library's voices: every speaker quoted directly, how often and where, and all of one
 * speaker's quotations. Pure aggregation over the parsed articles, computed where the texts
 * are (the index worker; see main/library/library-questions.ts).
 */
import type { ArticleView } from '../model/article'
import type { Quote, VoiceQuote, VoiceSummary } from '../model/quote'
import { speakerKey } from './speaker-key'

/** What aggregation reads of an article. */
export type QuotedArticle = Pick<ArticleView, 'id' | 'title' | 'source' | 'date' | 'quotes'>

interface Tally {
  key: string
  /** How often each spelling is used, in the order first seen. */
  spellings: Map<string, number>
  quoteCount: number
  articles: { id: string; title: string }[]
}

/** The direct quotations of an article with a speaker, in reading order. */
function attributed(article: QuotedArticle): (Quote & { speaker: string })[] {
  return article.quotes
    .filter((quote): quote is Quote & { speaker: string } => {
      return quote.kind === 'direct' && quote.speaker !== null && quote.speaker.trim() !== ''
    })
    .sort((a, b) => a.start - b.start || b.end - a.end)
}

/** The spelling used most often; on a tie, the one seen first. */
function displayName(spellings: Map<string, number>): string {
  let best = ''
  let bestCount = 0
  for (const [spelling, count] of spellings)
    if (count > bestCount) {
      best = spelling
      bestCount = count
    }
  return best
}

/**
 * Every speaker quoted directly in the library, most quoted first (ties alphabetically), with
 * the articles quoting them in library order. Spellings of one name are one voice, shown as
 * the library spells it most often. Scare quotes have no speaker and are not counted.
 */
export function summariseVoices(articles: readonly QuotedArticle[]): VoiceSummary[] {
  const tallies = new Map<string, Tally>()
  for (const article of articles) {
    for (const quote of attributed(article)) {
      const key = speakerKey(quote.speaker)
      if (key === '') continue
      let tally = tallies.get(key)
      if (!tally) {
        tally = { key, spellings: new Map(), quoteCount: 0, articles: [] }
        tallies.set(key, tally)
      }
      const spelling = quote.speaker.trim()
      tally.spellings.set(spelling, (tally.spellings.get(spelling) ?? 0) + 1)
      tally.quoteCount++
      if (tally.articles.at(-1)?.id !== article.id)
        tally.articles.push({ id: article.id, title: article.title })
    }
  }
  return [...tallies.values()]
    .map((tally) => ({
      speaker: displayName(tally.spellings),
      quoteCount: tally.quoteCount,
      articles: tally.articles
    }))
    .sort((a, b) => b.quoteCount - a.quoteCount || a.speaker.localeCompare(b.speaker, 'en'))
}

/**
 * Every direct quotation of one speaker (any spelling of the name), in library order and in
 * reading order within an article, each with the article it came from.
 */
export function quotesBySpeaker(articles: readonly QuotedArticle[], speaker: string): VoiceQuote[] {
  const key = speakerKey(speaker)
  if (key === '') return []
  const found: VoiceQuote[] = []
  for (const article of articles)
    for (const quote of attributed(article))
      if (speakerKey(quote.speaker) === key)
        found.push({
          articleId: article.id,
          title: article.title,
          source: article.source,
          date: article.date,
          quote
        })
  return found
}

/**
 * The voices whose name contains `text` (case, accents and hyphens ignored, as search does),
 * in the order given; everything for an empty filter.
 */
export function filterVoices(voices: readonly VoiceSummary[], text: string): VoiceSummary[] {
  const wanted = speakerKey(text)
  if (wanted === '') return [...voices]
  return voices.filter((voice) => speakerKey(voice.speaker).includes(wanted))
}
