import { describe, expect, it } from 'vitest'
import type { Range } from '@shared/quotes/sentences'
import { castOf } from './cast-of'

describe('pronoun resolution', () => {
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
