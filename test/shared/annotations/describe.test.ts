import { describe, expect, it } from 'vitest'
import { CONTEXT_LENGTH, describeRange } from '@shared/annotations/describe'

const TEXT = 'The summit in Hanoi ended early. Neither side would say what went wrong at the table.'

describe('describeRange', () => {
  it('keeps the passage, its position and up to 32 characters of context on each side', () => {
    const start = TEXT.indexOf('Neither')
    const end = TEXT.indexOf(' would')
    expect(describeRange(TEXT, start, end)).toEqual({
      position: { type: 'TextPositionSelector', start, end },
      quote: {
        type: 'TextQuoteSelector',
        exact: 'Neither side',
        prefix: TEXT.slice(start - CONTEXT_LENGTH, start),
        suffix: TEXT.slice(end, end + CONTEXT_LENGTH)
      }
    })
  })

  it('has an empty prefix at the very start and an empty suffix at the very end', () => {
    expect(describeRange(TEXT, 0, 3).quote.prefix).toBe('')
    expect(describeRange(TEXT, TEXT.length - 6, TEXT.length).quote.suffix).toBe('')
  })

  it('never cuts an emoji in half, in the passage or its context', () => {
    const text = '🌱'.repeat(20) + ' seedlings ' + '🌿'.repeat(20)
    const inside = text.indexOf(' seedlings')
    // Both ends fall between the halves of a surrogate pair.
    const target = describeRange(text, 1, inside + 12)
    expect(target.position).toMatchObject({ start: 0, end: inside + 13 })
    for (const part of [target.quote.exact, target.quote.prefix, target.quote.suffix])
      expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/)
    const middle = describeRange(text, inside + 1, inside + 10)
    expect(middle.quote.prefix).not.toMatch(/^[\uDC00-\uDFFF]/)
    expect(middle.quote.suffix).not.toMatch(/[\uD800-\uDBFF]$/)
  })

  it.each([
    [-1, 3],
    [3, 3],
    [5, 2],
    [0, TEXT.length + 1],
    [0.5, 3]
  ])('refuses the range %d–%d', (start, end) => {
    expect(() => describeRange(TEXT, start, end)).toThrow(RangeError)
  })
})
