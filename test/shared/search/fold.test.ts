import { describe, expect, it } from 'vitest'
import { foldWord, stripPossessive } from '@shared/search/fold'
import { analyseWord } from '@shared/search/lunr-engine'
import { tokenize } from '@shared/search/tokenize'

describe('folding', () => {
  it.each([
    ['Trump', 'trump'],
    ['TRUMP’S', "trump's"],
    ['Trump‘s', "trump's"],
    ['Trumpʼs', "trump's"],
    ['café', 'cafe'],
    ['Pyŏngyang', 'pyongyang'],
    ['naïve', 'naive'],
    ['Ｔｒｕｍｐ', 'trump']
  ])('folds %s to %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded)
  })

  it.each([
    ["trump's", 'trump'],
    ["growers'", 'growers'],
    ["don't", "don't"],
    ['korea', 'korea']
  ])('reads the possessive of %s as %s', (word, stripped) => {
    expect(stripPossessive(word)).toBe(stripped)
  })
})

describe('analysis shared by index and query', () => {
  it.each([
    ['talk', 'talks'],
    ['talks', 'talking'],
    ['Talked', 'talk'],
    ["Trump's", 'Trump’s'],
    ['Trump', 'Trump’s'],
    ['CAFÉ', 'cafe']
  ])('analyses %s and %s alike', (a, b) => {
    expect(analyseWord(a)).toBe(analyseWord(b))
  })

  it('treats stop words as nothing to search for', () => {
    expect(analyseWord('the')).toBeNull()
    expect(analyseWord('and')).toBeNull()
  })
})

describe('tokenize', () => {
  it('keeps apostrophes inside words and reports UTF-16 offsets', () => {
    const text = "Kim’s “fool’s errand” — 🙂 don't"
    expect(tokenize(text).map((t) => [t.text, text.slice(t.start, t.end)])).toEqual([
      ['Kim’s', 'Kim’s'],
      ['fool’s', 'fool’s'],
      ['errand', 'errand'],
      ["don't", "don't"]
    ])
  })

  it('keeps combining marks with their letters', () => {
    const decomposed = 'Pyo\u0306ngyang'
    expect(tokenize(decomposed).map((t) => t.text)).toEqual([decomposed])
  })
})
