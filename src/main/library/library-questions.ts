/**
 * What main asks of the library's articles without holding their texts. The index worker holds
 * them and answers (serve-index.ts); main answers the same questions from its own copy when it
 * has one (a cold start, while the worker builds the index, or after the worker failed).
 */
import type { ArticleView } from '@shared/model/article'
import type { VoiceQuote, VoiceSummary } from '@shared/model/quote'
import { quotesBySpeaker, summariseVoices } from '@shared/voices/voices'
import { contentHash } from '../import/content-hash'
import { foreignImport } from '../notes/foreign-import'
import { plainArticle } from './stored-article'

/** A quote of another tool's annotation to place in the library (see foreign-import.ts). */
export interface QuoteToLocate {
  quote: { exact: string; prefix: string; suffix: string }
  /** The article it names, or null for another source (a web page). */
  articleId: string | null
}

export interface Location {
  articleId: string
  start: number
  end: number
}

/** Each question's parameters and its answer. */
export interface LibraryQuestions {
  /** Whole articles, null for an unknown id. */
  articles: { ask: { ids: string[] }; answer: (ArticleView | null)[] }
  voices: { ask: object; answer: VoiceSummary[] }
  'by-speaker': { ask: { speaker: string }; answer: VoiceQuote[] }
  locate: { ask: { quotes: QuoteToLocate[] }; answer: (Location | null)[] }
  /** The bundled article with this content hash (content-hash.ts), if any. */
  duplicate: { ask: { contentHash: string }; answer: string | null }
}

export type LibraryQuestion = {
  [K in keyof LibraryQuestions]: { kind: K } & LibraryQuestions[K]['ask']
}[keyof LibraryQuestions]

export type AnswerTo<Q extends LibraryQuestion> = LibraryQuestions[Q['kind']]['answer']

/** Asks a question of whoever holds the texts. */
export type AskLibrary = <Q extends LibraryQuestion>(question: Q) => Promise<AnswerTo<Q>>

/**
 * Answers over the articles in `byId`, in library order. Call `changed` after changing the map:
 * the voices and the content hashes are computed once per version of it.
 */
export class LibraryAnswers {
  private voices: VoiceSummary[] | undefined
  private hashes: Map<string, string> | undefined

  constructor(private readonly byId: ReadonlyMap<string, ArticleView>) {}

  changed(): void {
    this.voices = undefined
    this.hashes = undefined
  }

  answer<Q extends LibraryQuestion>(question: Q): AnswerTo<Q> {
    return this.answerAny(question) as AnswerTo<Q>
  }

  private answerAny(question: LibraryQuestion): AnswerTo<LibraryQuestion> {
    switch (question.kind) {
      case 'articles':
        return question.ids.map((id) => {
          const article = this.byId.get(id)
          return article ? plainArticle(article) : null
        })
      case 'voices':
        return (this.voices ??= summariseVoices([...this.byId.values()]))
      case 'by-speaker':
        return quotesBySpeaker([...this.byId.values()], question.speaker)
      case 'locate': {
        const { locate } = foreignImport(this.byId, new Date())
        return question.quotes.map(({ quote, articleId }) => locate(quote, articleId))
      }
      case 'duplicate':
        if (!this.hashes) {
          this.hashes = new Map()
          for (const article of this.byId.values())
            if (!article.imported) this.hashes.set(contentHash(article), article.id)
        }
        return this.hashes.get(question.contentHash) ?? null
    }
  }
}
