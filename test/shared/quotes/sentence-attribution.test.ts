import { describe, expect, it } from 'vitest'
import { speechInSentence } from '@shared/quotes/sentence-attribution'
import { TokenIndex } from '@shared/quotes/tokens'

/** The speaker phrase of a whole sentence that reports speech, as written. */
function speechOf(text: string): [string, boolean] | null {
  const found = speechInSentence(new TokenIndex(text), [0, text.length])
  return found ? [found.phrase.map((t) => t.text).join(' '), found.sentenceSubject] : null
}

describe('speechInSentence', () => {
  it.each([
    ['a closing ", he said"', 'The vote was fair, he said.', 'he'],
    ['a closing ", said X"', 'The vote was fair, said Dora Penn.', 'Dora Penn'],
    ['an opening "X said"', 'Dora Penn said the vote was fair.', 'Dora Penn'],
    [
      'a name before an aside and its verb',
      'Sen. Dora Penn, who lost the primary, said the vote was fair.',
      'Sen. Dora Penn'
    ]
  ])('reads %s', (_case, text, phrase) => {
    expect(speechOf(text)).toEqual([phrase, false])
  })

  it('finds nothing in a sentence that reports no speech', () => {
    expect(speechOf('The vote was fair, and the count was quick.')).toBeNull()
  })
})
