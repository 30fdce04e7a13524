/**
 * Quotation extraction on real news: PolNeAR `dev`, read in place from ../shared/corpora/quotes/
 * (never copied into the repository). Skipped when the corpus is absent. The floors are the
 * issue's goals (span F1 0.95, speakers 0.90 by last name), which the rules now reach
 * (docs/quotes.md gives the figures), and a coverage just under today's.
 */
import { describe, expect, it } from 'vitest'
import { extractQuotes } from '@shared/quotes'
import { loadSplit, polnearRates, scoreSplit } from './polnear'

const dev = loadSplit('dev')

describe.skipIf(!dev)('quotations in PolNeAR dev (real news)', () => {
  const rates = polnearRates(scoreSplit(dev ?? [], extractQuotes))

  it('finds direct quotations with span F1 of at least 0.95 (exact start and end)', () => {
    expect(rates.f1).toBeGreaterThanOrEqual(0.95)
  })

  it('names a speaker for at least 94% of them, right by last name for at least 90% of those', () => {
    expect(rates.coverage).toBeGreaterThanOrEqual(0.94)
    expect(rates.speakerLastName).toBeGreaterThanOrEqual(0.9)
  })
})
