import type { Handlers } from '@shared/ipc/contract'
import type { VoiceSummary } from '@shared/model/quote'
import { quotesBySpeaker, summariseVoices, type QuotedArticle } from '@shared/voices/voices'
import { NotFoundError } from './dispatcher'

/** The Voices channels, over the library's parsed articles (their quotations come with them). */
export function createQuoteHandlers(
  articles: readonly QuotedArticle[]
): Pick<Handlers, 'quotes:voices' | 'quotes:by-speaker'> {
  // The library does not change while the app runs: its voices are counted once, when asked.
  let voices: VoiceSummary[] | undefined
  return {
    'quotes:voices': () => ({ voices: (voices ??= summariseVoices(articles)) }),
    'quotes:by-speaker': ({ speaker }) => {
      const quotes = quotesBySpeaker(articles, speaker)
      if (quotes.length === 0) throw new NotFoundError(`Nobody called "${speaker}" is quoted`)
      return { speaker, quotes }
    }
  }
}
