import { describe, expect, it } from 'vitest'
import { castOf } from './cast-of'

describe('roles and kinds from the words around a name', () => {
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

  it('reads roles from an apposition and from a role written before the name', () => {
    const cast = castOf(
      'Kim Kye Gwan, a veteran diplomat, spoke. Its chair, Denise Achebe, agreed. The letting agency, Pellham Lettings, said no.'
    )
    const roles = Object.fromEntries(cast.entities.map((e) => [e.name, [...e.roles]]))
    expect(roles).toMatchObject({
      'Kim Kye Gwan': ['veteran', 'diplomat'],
      'Denise Achebe': ['chair'],
      'Pellham Lettings': ['letting', 'agency']
    })
    expect(cast.entities.find((e) => e.name === 'Pellham Lettings')?.kind).toBe('organisation')
  })
})
