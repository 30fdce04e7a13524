import { describe, expect, it } from 'vitest'
import { foldWord, isAcronym, stripPossessive } from '@shared/search/fold'
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
    ['Ｔｒｕｍｐ', 'trump'],
    ['U.S.', 'us'],
    ['D.P.R.K.', 'dprk']
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
    ['CAFÉ', 'cafe'],
    ['U.S.', 'US'],
    ['U.S', 'US'],
    ['D.P.R.K.', 'DPRK'],
    ['DPRK’s', 'dprk'],
    ['Pyŏngyang', 'Pyongyang'],
    ['1', '1']
  ])('analyses %s and %s alike', (a, b) => {
    expect(analyseWord(a)).toBe(analyseWord(b))
  })

  it('treats stop words as nothing to search for', () => {
    expect(analyseWord('the')).toBeNull()
    expect(analyseWord('and')).toBeNull()
    expect(analyseWord('us')).toBeNull()
  })

  it.each(['US', 'U.S.', 'IT'])(
    'keeps the acronym %s although its letters spell a stop word',
    (word) => {
      expect(analyseWord(word)).toBe(foldWord(word))
    }
  )

  it.each([
    ['US', true],
    ['U.S.', true],
    ['D.P.R.K.', true],
    ['DPRK’s', true],
    ['us', false],
    ['u.s.', false],
    ['Us', false],
    ['I', false]
  ])('reads %s as an acronym: %s', (word, acronym) => {
    expect(isAcronym(word)).toBe(acronym)
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

  it.each([
    ['the U.S. envoy', ['the', 'U.S.', 'envoy']],
    ['a U.S.-Ukraine deal', ['a', 'U.S.', 'Ukraine', 'deal']],
    ['the DPRK-U.S. dialogue', ['the', 'DPRK', 'U.S.', 'dialogue']],
    ['the D.P.R.K. said', ['the', 'D.P.R.K.', 'said']],
    ['typing U.S', ['typing', 'U.S']],
    ['Kim Jong-un met', ['Kim', 'Jong', 'un', 'met']],
    ['the Phase 1 deal', ['the', 'Phase', '1', 'deal']],
    ['end.Next a.Bcd', ['end', 'Next', 'a', 'Bcd']]
  ])('splits %j into %j', (text, words) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(words)
  })

  it('reads each text from its start, whatever was read before', () => {
    // One expression serves every call (tokenize.ts): no state may leak from one text to the next.
    tokenize('a longer text, read before the short one')
    expect(tokenize('ab cd').map((t) => [t.text, t.start, t.end])).toEqual([
      ['ab', 0, 2],
      ['cd', 3, 5]
    ])
    expect(tokenize('')).toEqual([])
    expect(tokenize('ab cd').map((t) => t.text)).toEqual(['ab', 'cd'])
  })

  it('keeps combining marks with their letters', () => {
    const decomposed = 'Pyo\u0306ngyang'
    expect(tokenize(decomposed).map((t) => t.text)).toEqual([decomposed])
  })

  it.each([
    ['中国外交部发言人', ['中', '国', '外', '交', '部', '发', '言', '人']],
    ['東京都では、ストライキ。', ['東', '京', '都', 'で', 'は', 'ス', 'ト', 'ラ', 'イ', 'キ']],
    ['ラーメン々', ['ラ', 'ー', 'メ', 'ン', '々']],
    ['서울에서 파업을', ['서', '울', '에', '서', '파', '업', '을']],
    ['the Port of 東京, 「港」', ['the', 'Port', 'of', '東', '京', '港']],
    ['abc東京def', ['abc', '東', '京', 'def']]
  ])('makes each Han, kana and Hangul character of %j a word of its own', (text, words) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(words)
  })

  it('keeps a kana voicing mark written apart with its character', () => {
    const text = 'カ\u3099ス'
    expect(tokenize(text).map((t) => t.text)).toEqual(['カ\u3099', 'ス'])
  })

  it.each([
    ['inter\u00ADnational', ['inter\u00ADnational']],
    ['می\u200Cخواهم', ['می\u200Cخواهم']],
    ['क्\u200Dष', ['क्\u200Dष']],
    ['well\u2060known', ['well\u2060known']],
    ['zero\u200Bwidth', ['zero', 'width']],
    ['a\u202Ereversed\u202C b', ['a', 'reversed', 'b']],
    ['🎉celebration🎉 👩‍💻coder', ['celebration', 'coder']],
    ['love\u200D❤️', ['love']]
  ])(
    'keeps joiners and soft hyphens inside a word, and splits on other controls: %j',
    (text, words) => {
      expect(tokenize(text).map((t) => t.text)).toEqual(words)
    }
  )
})

describe('folding of other scripts and invisible characters', () => {
  it.each([
    ['inter\u00ADnational', 'international'],
    ['می\u200Cخواهم', 'میخواهم'],
    ['المُفاوَضات', 'المفاوضات'],
    ['ｽﾄﾗｲｷ', 'ストライキ'],
    ['ＦＵＬＬ', 'full'],
    ['Z\u0351\u0358\u0362a\u0334\u035Bl\u0315g\u0360o\u0489', 'zalgo']
  ])('folds %j to %j', (word, folded) => {
    expect(foldWord(word)).toBe(folded)
  })

  it('keeps the kana voicing marks that tell one word from another (ガス "gas", カス "dregs")', () => {
    expect(foldWord('ガ')).not.toBe(foldWord('カ'))
    expect(foldWord('ガ')).toBe(foldWord('カ\u3099'))
    expect(foldWord('ｶﾞ')).toBe(foldWord('ガ'))
  })
})
