import { describe, expect, it } from 'vitest'
import { nameWithApposition, phraseAfterVerb } from '@shared/quotes/speaker-phrase'
import { tokenize } from '@shared/quotes/tokens'

const words = (text: string): ReturnType<typeof tokenize> => tokenize(text, 0, text.length)
const shown = (tokens: { text: string }[] | null): string | null =>
  tokens?.map((t) => t.text).join(' ') ?? null

describe('phraseAfterVerb', () => {
  it.each([
    ['a name up to its apposition', 'said Kim Kye Gwan, a veteran diplomat', 'Kim Kye Gwan'],
    [
      'the person after a body and a role',
      'said Pentagon spokesman Navy Capt. Jeff Davis on Monday',
      'Navy Capt. Jeff Davis'
    ],
    ['a name after a role set off by commas', 'says Lee’s partner, Sam Ortiz, later', 'Sam Ortiz'],
    ['a description as written', 'said a senior adviser to Kim', 'a senior adviser to Kim']
  ])('reads %s', (_case, text, phrase) => {
    expect(shown(phraseAfterVerb(words(text), 1))).toBe(phrase)
  })

  it('finds no speaker when a preposition follows the verb', () => {
    expect(phraseAfterVerb(words('said on Friday'), 1)).toBeNull()
  })
})

describe('nameWithApposition', () => {
  const isSaid = (t: { lower: string }): boolean => t.lower === 'said'

  it('takes the name before an apposition and its verb', () => {
    const text = 'Elaine Kamarck, a senior fellow at the Brookings Institution, said it was over'
    expect(shown(nameWithApposition(words(text), isSaid))).toBe('Elaine Kamarck')
  })

  it('takes nothing when the clause opens with a determiner or the verb never comes', () => {
    expect(nameWithApposition(words('The mayor, a farmer, said no'), isSaid)).toBeNull()
    expect(nameWithApposition(words('Elaine Kamarck, a senior fellow, left'), isSaid)).toBeNull()
  })
})
