import type { Handlers } from '@shared/ipc/contract'
import type { AskLibrary } from '../library/library-questions'
import { NotFoundError } from './dispatcher'

/**
 * The Voices channels, answered where the articles are (their quotations come with them): the
 * index worker, or main's own copy (library-questions.ts).
 */
export function createQuoteHandlers(
  ask: AskLibrary
): Pick<Handlers, 'quotes:voices' | 'quotes:by-speaker'> {
  return {
    'quotes:voices': async () => ({ voices: await ask({ kind: 'voices' }) }),
    'quotes:by-speaker': async ({ speaker }) => {
      const quotes = await ask({ kind: 'by-speaker', speaker })
      if (quotes.length === 0) throw new NotFoundError(`Nobody called "${speaker}" is quoted`)
      return { speaker, quotes }
    }
  }
}
