import { beforeEach, describe, expect, it, vi } from 'vitest'
import { makeArticle } from '../article-fixture'

vi.mock('../../../src/renderer/src/lib/api', () => ({ call: vi.fn() }))

const { reader } = await import('../../../src/renderer/src/state/reader.svelte')
const { find } = await import('../../../src/renderer/src/state/find.svelte')

const korea = makeArticle(
  [
    { kind: 'title', text: 'North Korea snubs Trump' },
    { kind: 'paragraph', text: 'Trump’s offer to North Korea. Pyŏngyang said no to Trump.' }
  ],
  { id: 'korea' }
)
const other = makeArticle([{ kind: 'title', text: 'Trump and Trump again' }], { id: 'other' })

/** The text each find match covers, and which one is current. */
const state = () => ({
  found: find.hits.map((hit) => korea.text.slice(hit.start, hit.end)),
  current: find.current
})

beforeEach(() => {
  find.close()
  reader.article = korea
})

describe('find in the open article', () => {
  it('finds nothing until the bar is open', () => {
    find.setNeedle('trump')
    expect(find.hits).toEqual([])
  })

  it('finds every match with search’s folding, the first one current', () => {
    find.show()
    find.setNeedle("trump's")
    expect(state()).toEqual({ found: ['Trump’s'], current: 0 })
    find.setNeedle('pyongyang')
    expect(state()).toEqual({ found: ['Pyŏngyang'], current: 0 })
  })

  it('draws matches in their own layer, numbered in reading order', () => {
    find.show('north korea')
    expect(find.hits.map((hit) => [hit.layer, hit.id])).toEqual([
      ['find', '0'],
      ['find', '1']
    ])
  })

  it('steps forward and back, wrapping round at either end', () => {
    find.show('trump')
    expect(find.hits).toHaveLength(3)
    const seen = [find.current]
    for (const step of [1, 1, 1, -1, -1] as const) {
      find.step(step)
      seen.push(find.current)
    }
    expect(seen).toEqual([0, 1, 2, 0, 2, 1])
  })

  it('keeps its place when the needle is refined', () => {
    find.show('trum')
    find.step(1)
    find.step(1)
    find.setNeedle('trump')
    expect(find.current).toBe(2)
  })

  it('asks for the current match to be shown each time it changes', () => {
    find.show('trump')
    const before = find.scrollRequest
    find.step(1)
    find.setNeedle('trum')
    expect(find.scrollRequest).toBe(before + 2)
  })

  it('starts from the first match in another article', () => {
    find.show('trump')
    find.step(1)
    reader.article = other
    expect(find.hits).toHaveLength(2)
    expect(find.current).toBe(0)
  })

  it('forgets the needle and its marks on closing', () => {
    find.show('trump')
    find.close()
    expect(find.open).toBe(false)
    expect(find.needle).toBe('')
    expect(find.hits).toEqual([])
  })

  it('has no current match when nothing matches', () => {
    find.show('xylophone')
    expect(find.hits).toEqual([])
    expect(find.current).toBe(-1)
  })
})
