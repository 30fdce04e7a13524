import { describe, expect, it } from 'vitest'
import { describeRange } from '@shared/annotations/describe'
import { matchExactQuote, matchQuote, MIN_SCORE, similarity } from '@shared/annotations/match-quote'

const TEXT =
  'Officials in Hanoi said the talks had stalled over sanctions relief on Thursday. ' +
  'In Washington, aides said the talks had stalled over tariffs on steel imports.'

function contextOf(text: string, quote: string) {
  const at = text.indexOf(quote)
  const { prefix, suffix } = describeRange(text, at, at + quote.length).quote
  return { prefix, suffix, hint: at }
}

describe('matchQuote', () => {
  it('finds an edited quote where its context still agrees', () => {
    const quote = 'the talks had stalled over sanctions relief'
    const context = contextOf(TEXT, quote)
    const edited = TEXT.replace('had stalled over sanctions relief', 'stalled over sanction relief')
    const found = matchQuote(edited, quote, context)
    expect(found && edited.slice(found.start, found.end)).toBe(
      'the talks stalled over sanction relief'
    )
    expect(found!.score).toBeGreaterThan(MIN_SCORE)
  })

  it('answers null for a look-alike passage in an unrelated place', () => {
    // The Hanoi sentence is gone; the Washington one is close in words but not in context.
    const quote = 'the talks had stalled over sanctions relief'
    const context = contextOf(TEXT, quote)
    const text = TEXT.slice(TEXT.indexOf('In Washington'))
    expect(matchQuote(text, quote, context)).toBeNull()
  })

  it('answers null when nothing is within half the quote of edits', () => {
    expect(
      matchQuote(TEXT, 'a completely different sentence', { prefix: '', suffix: '', hint: 0 })
    ).toBeNull()
    expect(matchQuote('', 'quote', { prefix: '', suffix: '', hint: 0 })).toBeNull()
  })
})

describe('matchExactQuote', () => {
  it('picks the repeat whose context agrees, wherever the old position was', () => {
    const quote = 'the talks had stalled over'
    const second = TEXT.lastIndexOf(quote)
    const { prefix, suffix } = describeRange(TEXT, second, second + quote.length).quote
    expect(matchExactQuote(TEXT, quote, { prefix, suffix, hint: 0 })).toMatchObject({
      start: second
    })
  })

  it('uses the old position when repeats have the same context', () => {
    const text = 'ab. the talks. ab. the talks. ab. the talks. ab.'
    const third = text.lastIndexOf('the talks')
    const { prefix, suffix } = describeRange(text, third, third + 9).quote
    // Contexts clipped to the same words: only the distance tells them apart.
    expect(
      matchExactQuote(text, 'the talks', {
        prefix: prefix.slice(-4),
        suffix: suffix.slice(0, 4),
        hint: third
      })
    ).toMatchObject({ start: third })
  })

  it('answers null for a quote that does not occur', () => {
    expect(matchExactQuote(TEXT, 'Pyongyang', { prefix: '', suffix: '', hint: 0 })).toBeNull()
  })
})

describe('similarity', () => {
  it.each([
    ['', '', 1],
    ['abc', 'abc', 1],
    ['abc', '', 0],
    ['abcd', 'abce', 0.75],
    ['kitten', 'sitting', 1 - 3 / 7]
  ])('of %j and %j is %d', (a, b, expected) => {
    expect(similarity(a, b)).toBeCloseTo(expected)
  })
})
