import { describe, expect, it } from 'vitest'
import { findMarkSpans } from '@shared/quotes/marks'
import { Cast } from '@shared/quotes/people'
import { splitParagraphs, splitSentences, type Range } from '@shared/quotes/sentences'
import { TokenIndex } from '@shared/quotes/tokens'

function castOf(text: string): Cast {
  const paragraphs = splitParagraphs(text)
  const quotes = findMarkSpans(text, paragraphs)
    .filter((s) => s.depth === 0)
    .map((s): Range => [s.start, s.end])
  return new Cast(text, splitSentences(text, paragraphs), paragraphs, quotes, new TokenIndex(text))
}

/** The tokens of `phrase` where it first occurs in `text`. */
function phraseIn(text: string, phrase: string): { tokens: TokenIndex; at: number } {
  return { tokens: new TokenIndex(text), at: text.indexOf(phrase) }
}

describe('Cast: names', () => {
  it.each([
    ['strips titles before a name', 'Defense Secretary Mark Esper spoke.', 'Mark Esper'],
    [
      'strips a nationality and a title',
      'Turkish President Recep Tayyip Erdogan came.',
      'Recep Tayyip Erdogan'
    ],
    ['strips an honorific', 'Judge Miriam Castell retired. Mr. Ian Hale stayed.', 'Miriam Castell'],
    [
      'strips a job title written before the name',
      'Singer Paul Kerrigan, now 61, agreed.',
      'Paul Kerrigan'
    ]
  ])('%s', (_case, text, name) => {
    expect(castOf(text).entities.map((e) => e.name)).toContain(name)
  })

  it('ties a later surname, or a hyphenated spelling, to the full name first given', () => {
    const cast = castOf(
      'Lawrence Haas spoke first. Later Haas spoke again. Kim Jong Un waited; Kim Jong-un left.'
    )
    expect(cast.byName('Haas', 40)?.name).toBe('Lawrence Haas')
    expect(cast.byName('Kim Jong-un', 80)?.name).toBe('Kim Jong Un')
  })

  it('picks the most recently mentioned of two people sharing a name', () => {
    const text = 'Kim Jong Un met Kim Kye Gwan. Then Kim Kye Gwan left, and later Kim spoke.'
    expect(castOf(text).byName('Kim', text.lastIndexOf('Kim'))?.name).toBe('Kim Kye Gwan')
  })

  it('does not take a capitalised word that opens a sentence for a name', () => {
    const names = castOf('Talks stalled. Between the lines, Ann Lee smiled.').entities.map(
      (e) => e.name
    )
    expect(names).toEqual(['Ann Lee'])
  })

  it('tells organisations and places from people', () => {
    const cast = castOf(
      'The State Affairs Commission met in North Korea. Keller Structural Engineering, which did the work, agreed. Harwick Foods lowered its forecast. In Millbrook, Dana Whitlock waited.'
    )
    const kinds = Object.fromEntries(cast.entities.map((e) => [e.name, e.kind]))
    expect(kinds).toMatchObject({
      'State Affairs Commission': 'organisation',
      'North Korea': 'place',
      'Keller Structural Engineering': 'organisation',
      'Harwick Foods': 'organisation',
      Millbrook: 'place',
      'Dana Whitlock': 'person'
    })
  })
})

describe('Cast: gender', () => {
  it.each([
    ['an honorific', 'Mrs. Ann Quill spoke.', 'Ann Quill', 'f'],
    ['a gendered title in apposition', 'Pat Orr, the chairwoman, spoke.', 'Pat Orr', 'f'],
    ['a given name', 'Margaret Holloway spoke.', 'Margaret Holloway', 'f'],
    ['the article’s own pronouns', 'Tomasz Brenner lost half his crop.', 'Tomasz Brenner', 'm']
  ])('reads gender from %s', (_case, text, name, gender) => {
    expect(castOf(text).entities.find((e) => e.name === name)?.gender).toBe(gender)
  })

  it('does not take a pronoun about someone else for a cue', () => {
    const text = 'When it failed, she said, the manager, Derek Lowe, came to her door.'
    expect(castOf(text).entities.find((e) => e.name === 'Derek Lowe')?.gender).toBeNull()
  })
})

describe('Cast: pronouns', () => {
  it('prefers the person of the right gender', () => {
    const text =
      'Margaret Holloway walked. Her neighbour, Tomasz Brenner, lost his crop. She said so.'
    const cast = castOf(text)
    expect(cast.byPronoun('she', text.indexOf('She'), { history: [] })?.name).toBe(
      'Margaret Holloway'
    )
    expect(cast.byPronoun('he', text.indexOf('She'), { history: [] })?.name).toBe('Tomasz Brenner')
  })

  it('prefers whoever spoke last, unless someone else has since become the subject', () => {
    const text =
      'Stefan Varga spoke. Luis Ferreira listened. Ferreira saw it differently. He said so.'
    const cast = castOf(text)
    const varga = cast.entities.find((e) => e.name === 'Stefan Varga')!
    const history = [{ name: varga.name, entity: varga, at: 19, paragraph: 0, sentence: 0 }]
    expect(cast.byPronoun('he', text.indexOf('He said'), { history })?.name).toBe('Luis Ferreira')
  })

  it('never resolves a pronoun to someone named only in the words it attributes', () => {
    const text = 'Lawrence Haas spoke. Kim Kye Gwan may be bluffing, he said.'
    const cast = castOf(text)
    const at = text.indexOf('he said')
    const exclude: Range = [text.indexOf('Kim'), at]
    expect(cast.byPronoun('he', at, { exclude, history: [] })?.name).toBe('Lawrence Haas')
  })
})

describe('Cast: descriptions', () => {
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
