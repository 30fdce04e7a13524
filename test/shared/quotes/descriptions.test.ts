import { describe, expect, it } from 'vitest'
import { TokenIndex } from '@shared/quotes/tokens'
import { castOf } from './cast-of'

/** The tokens of `phrase` where it first occurs in `text`. */
function phraseIn(text: string, phrase: string): { tokens: TokenIndex; at: number } {
  return { tokens: new TokenIndex(text), at: text.indexOf(phrase) }
}

describe('descriptions', () => {
  const describe_ = (text: string, phrase: string): string | null => {
    const { tokens, at } = phraseIn(text, phrase)
    return castOf(text).byDescription(tokens.between(at, at + phrase.length), at)
  }

  it.each([
    [
      'a statement, to the body that released it',
      'A statement released by the State Affairs Commission followed. Then the statement said more.',
      'the statement',
      'State Affairs Commission'
    ],
    [
      'an unnamed spokesman, to the body he speaks for',
      'Talks ended. An unnamed North Korean foreign ministry spokesman spoke.',
      'An unnamed North Korean foreign ministry spokesman',
      'North Korean foreign ministry'
    ],
    [
      'a role, to the person the article gave it',
      'Kim Kye Gwan, a veteran diplomat and Foreign Ministry adviser, spoke. A senior adviser to Kim agreed.',
      'A senior adviser to Kim',
      'Kim Kye Gwan'
    ],
    [
      'the council, to the council named',
      'The Harbury District Council closed the pool. The council said so.',
      'The council',
      'Harbury District Council'
    ],
    [
      'the department, to the "Department of …" named',
      'The Department of Health published figures. The department said so.',
      'The department',
      'Department of Health'
    ],
    [
      'an unknown person, to the phrase as written',
      'A Trump loyalist said so.',
      'A Trump loyalist',
      'a Trump loyalist'
    ]
  ])('resolves %s', (_case, text, phrase, expected) => {
    expect(describe_(text, phrase)).toBe(expected)
  })
})
