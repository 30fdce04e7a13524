import { describe, expect, it } from 'vitest'
import { FEATURES, probabilities, rank } from '@shared/quotes/pronoun-ranker'

const features = (values: Partial<Record<(typeof FEATURES)[number], number>>): number[] =>
  FEATURES.map((name) => values[name] ?? 0)

describe('the pronoun ranker', () => {
  it('gives probabilities over the candidates that add up to one', () => {
    const p = probabilities([features({ lastSpeaker: 1 }), features({ nearness: 0.2 })])
    expect(p[0]! + p[1]!).toBeCloseTo(1)
  })

  it('prefers who spoke last, named as a sentence subject, over a passing mention', () => {
    const speaker = { name: 'A' }
    const passing = { name: 'B' }
    const chosen = rank(0, [
      {
        item: passing,
        features: features({ mentioned: 1, nearness: 0.5, possessiveOnly: 1, genderUnknown: 1 })
      },
      {
        item: speaker,
        features: features({
          mentioned: 1,
          nearness: 1,
          subjectNearness: 1,
          lastSpeaker: 1,
          genderKnown: 1
        })
      }
    ])
    expect(chosen).toBe(speaker)
  })

  it('gives nobody when there is no candidate', () => {
    expect(rank(0, [])).toBeNull()
  })
})
