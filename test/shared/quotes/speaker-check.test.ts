import { describe, expect, it } from 'vitest'
import { plausibleSpeaker } from '@shared/quotes/speaker-check'

describe('plausibleSpeaker', () => {
  it.each([
    'Mark Esper',
    'Kim Kye Gwan',
    'a Trump loyalist',
    'State Affairs Commission',
    'officials',
    'the mayor of Brightwater'
  ])('accepts %s', (speaker) => {
    expect(plausibleSpeaker(speaker)).toBe(true)
  })

  it.each([
    'that',
    'in an analysis',
    'last week',
    'Trump Wednesday',
    'the time said he’d',
    'a copy of the letter reviewed by The',
    'Trump Stands Tall On Proposal For Border Wall',
    'VOTERS CARE MORE ABOUT CANDIDATES',
    'They'
  ])('rejects the fragment %s', (speaker) => {
    expect(plausibleSpeaker(speaker)).toBe(false)
  })

  it('rejects a town but lets a country speak for its government', () => {
    expect(plausibleSpeaker('Springfield', 'place')).toBe(false)
    expect(plausibleSpeaker('North Korea', 'place')).toBe(true)
  })
})
