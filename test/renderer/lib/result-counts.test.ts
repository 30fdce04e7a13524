import { describe, expect, it } from 'vitest'
import { describeResultCounts } from '../../../src/renderer/src/lib/result-counts'

describe('describeResultCounts', () => {
  it('counts each kind present, articles first, in the singular where it is one', () => {
    const kinds = (...k: ('article' | 'quote' | 'note')[]) => k.map((kind) => ({ kind }))
    expect(describeResultCounts(kinds('quote', 'article', 'quote', 'article'))).toBe(
      '2 articles · 2 quotes'
    )
    expect(describeResultCounts(kinds('quote'))).toBe('1 quote')
    expect(describeResultCounts(kinds('note', 'article'))).toBe('1 article · 1 note')
    expect(describeResultCounts([])).toBe('')
  })
})
