import { describe, expect, it } from 'vitest'
import { TokenIndex, tokenize } from '@shared/quotes/tokens'

const shown = (text: string): string[] =>
  tokenize(text, 0, text.length).map((t) => `${t.text}${t.possessive ? "'s" : ''}`)

describe('tokenize', () => {
  it('keeps contractions, hyphens and abbreviations whole; splits off a sentence’s full stop', () => {
    expect(shown("Don't ask Kim Jong-un about the U.S. today.")).toEqual([
      "Don't",
      'ask',
      'Kim',
      'Jong-un',
      'about',
      'the',
      'U.S.',
      'today',
      '.'
    ])
  })

  it('reads an abbreviation’s possessive at the very end of the text as it does mid-text', () => {
    expect(shown('talks with the E.U.’s')).toEqual(shown('talks with the E.U.’s own').slice(0, 4))
    expect(shown("in Washington D.C.'s")).toEqual(shown("in Washington D.C.'s mayor").slice(0, 3))
  })

  it('marks possessives with straight and curly apostrophes, singular and plural', () => {
    const text = "Korea's Holloway’s Growers' talks"
    const tokens = tokenize(text, 0, text.length + 10)
    expect(tokens.map((t) => [t.text, t.possessive])).toEqual([
      ['Korea', true],
      ['Holloway', true],
      ['Growers', true],
      ['talks', false]
    ])
  })

  it('skips quotation marks and emoji, keeps punctuation and CJK words, in UTF-16 offsets', () => {
    const text = '“Yes,” 😀 北朝鮮 — said Ann.'
    expect(tokenize(text, 0, text.length).map((t) => [t.text, t.start])).toEqual([
      ['Yes', 1],
      [',', 4],
      ['北朝鮮', 10],
      ['—', 14],
      ['said', 16],
      ['Ann', 21],
      ['.', 24]
    ])
  })

  it('reads any range of a text tokenised once, whole tokens only', () => {
    const text = 'Ann Lee said it was fine.'
    const index = new TokenIndex(text)
    expect(index.between(4, 12).map((t) => t.text)).toEqual(['Lee', 'said'])
    expect(index.between(5, 12).map((t) => t.text)).toEqual(['said'])
  })
})
