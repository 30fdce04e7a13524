import { describe, expect, it } from 'vitest'
import { castOf } from './cast-of'

describe('gender', () => {
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
