import { describe, expect, it } from 'vitest'
import { castOf } from './cast-of'

describe('finding the entity a later name refers to', () => {
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

  it('lists mentions in order of start, and finds those starting in a stretch', () => {
    const text = 'Lawrence Haas met Ann Lee. Later Haas left.'
    const cast = castOf(text)
    expect(cast.mentions.map((m) => [m.entity.name, m.start])).toEqual([
      ['Lawrence Haas', 0],
      ['Ann Lee', 18],
      ['Lawrence Haas', 33]
    ])
    expect(cast.mentionsBetween(1, 33).map((m) => m.start)).toEqual([18])
  })
})
