import { describe, expect, it } from 'vitest'
import { findInText, foldForFind } from '@shared/search/find-in-text'

/** Whether `offset` falls between the two halves of a surrogate pair. */
const splitsPair = (text: string, offset: number): boolean =>
  /[\uD800-\uDBFF]/.test(text.charAt(offset - 1)) && /[\uDC00-\uDFFF]/.test(text.charAt(offset))

/** What each match covers in the original text: easier to read than offsets. */
const found = (text: string, needle: string): string[] =>
  findInText(text, needle).map((range) => text.slice(range.start, range.end))

describe('find in text', () => {
  it.each([
    ['ignores case', 'Pyongyang said PYONGYANG', 'pyongyang', ['Pyongyang', 'PYONGYANG']],
    [
      'folds diacritics in the text',
      'Pyŏngyang and Pyongyang',
      'pyongyang',
      ['Pyŏngyang', 'Pyongyang']
    ],
    ['folds diacritics in the needle', 'a café by the cafe', 'CAFÉ', ['café', 'cafe']],
    ['reads a curly apostrophe as a straight one', 'Trump’s demand', "trump's", ['Trump’s']],
    ['reads a straight apostrophe as a curly one', "Trump's demand", 'trump’s', ["Trump's"]],
    ['finds part of a word, as a browser does', 'the North Korean side', 'korea', ['Korea']],
    [
      'matches a hyphen as a space',
      'Kim Jong-un met Kim Jong Un',
      'jong un',
      ['Jong-un', 'Jong Un']
    ],
    ['matches a space as a hyphen', 'Kim Jong Un', 'Jong-Un', ['Jong Un']],
    ['matches words across a line break', 'North\nKorea', 'north korea', ['North\nKorea']],
    ['matches words across several spaces', 'North   Korea', 'north korea', ['North   Korea']],
    ['ignores spaces around the needle', 'North Korea', '  korea ', ['Korea']],
    ['keeps matches apart', 'aaaa', 'aa', ['aa', 'aa']],
    ['finds nothing for an empty needle', 'North Korea', '', []],
    ['finds nothing for a needle of spaces', 'North Korea', '   ', []],
    ['finds nothing that is not there', 'North Korea', 'south', []],
    ['finds punctuation as typed', 'the U.S. and the US', 'u.s.', ['U.S.']],
    ['does not match across a sentence end', 'in Korea. The talks', 'korea the', []],
    [
      'looks through a soft hyphen',
      'denuclear\u00ADization',
      'denuclearization',
      ['denuclear\u00ADization']
    ]
  ])('%s', (_behaviour, text, needle, expected) => {
    expect(found(text, needle)).toEqual(expected)
  })

  it('covers a decomposed accent with the letter it sits on', () => {
    const text = 'cafe\u0301 society'
    expect(found(text, 'cafe')).toEqual(['cafe\u0301'])
    expect(found(text, 'café')).toEqual(['cafe\u0301'])
  })

  it('covers a stack of combining marks in full', () => {
    const text = 'Z\u0351\u036B\u0343 zone'
    expect(found(text, 'z')).toEqual(['Z\u0351\u036B\u0343', 'z'])
  })

  it('maps offsets correctly after characters that fold to a different length', () => {
    // "ﬁ" folds to two letters and "é" to one: later offsets must still land on "Korea".
    const text = 'ﬁnal café, Korea'
    const [range] = findInText(text, 'korea')
    expect(range).toEqual({ start: text.indexOf('Korea'), end: text.length })
  })

  it('finds within an expanded ligature by covering the whole ligature', () => {
    expect(found('ﬁnal', 'fin')).toEqual(['ﬁn'])
  })

  it.each([
    ['an emoji before the match', '👍🏽 Korea', 'korea', ['Korea']],
    ['an emoji as the needle', 'talks 🤝 summit 🤝', '🤝', ['🤝', '🤝']],
    ['an emoji with a variation selector', 'I ❤️ Seoul', '❤️', ['❤️']],
    ['a flag', 'flags 🇰🇵 and 🇰🇷', '🇰🇷', ['🇰🇷']]
  ])('never splits a surrogate pair: %s', (_case, text, needle, expected) => {
    const ranges = findInText(text, needle)
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(expected)
    for (const { start, end } of ranges) {
      expect(splitsPair(text, start) || splitsPair(text, end)).toBe(false)
    }
  })

  it('folds a text once so that several needles can be looked up in it', () => {
    const folded = foldForFind('Trump’s  Pyŏngyang')
    expect(folded.folded).toBe("trump's pyongyang")
    expect(folded.starts.length).toBe(folded.folded.length)
    expect(folded.ends.length).toBe(folded.folded.length)
  })
})
