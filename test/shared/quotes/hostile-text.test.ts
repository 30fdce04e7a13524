import { describe, expect, it } from 'vitest'
import { extractQuotes } from '@shared/quotes'
import type { Quote } from '@shared/model/quote'

const MARKS = ['"', "'", '“', '”', '‘', '’', '«', '»', '„', '「', '」', '『', '』']
const WORDS = ['said', 'Ann', 'Lee', 'he', 'she', 'the', 'statement', 'North', 'Korea', ',', '.']

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

function hostile(seed: number, length: number): string {
  const next = random(seed)
  let text = ''
  while (text.length < length) {
    const roll = next()
    if (roll < 0.3) text += MARKS[Math.floor(next() * MARKS.length)]
    else if (roll < 0.35) text += '\n\n'
    else if (roll < 0.4) text += '😀'
    else if (roll < 0.45) text += '北朝鮮'
    else text += `${WORDS[Math.floor(next() * WORDS.length)]} `
  }
  return text
}

/** Every quotation is well formed: in bounds, ordered, its text what its offsets hold. */
function expectWellFormed(text: string, quotes: Quote[]): void {
  const problems: string[] = []
  let previousStart = -1
  for (const quote of quotes) {
    const inner = [
      text.slice(quote.start + 1, quote.end - 1),
      text.slice(quote.start + 1, quote.end)
    ]
    if (quote.start < previousStart) problems.push(`out of order at ${quote.start}`)
    if (quote.end <= quote.start || quote.end > text.length)
      problems.push(`bad end at ${quote.start}`)
    if (!inner.includes(quote.text)) problems.push(`text does not match at ${quote.start}`)
    if (quote.kind === 'scare' && quote.speaker !== null)
      problems.push(`scare with speaker at ${quote.start}`)
    previousStart = quote.start
  }
  // One assertion for the lot: a 1 MB text holds tens of thousands of quotations.
  expect(problems).toEqual([])
}

describe('extractQuotes on hostile text', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'never throws on random marks, words, emoji and CJK (seed %i)',
    (seed) => {
      const text = hostile(seed, 5000)
      const quotes = extractQuotes(text)
      expectWellFormed(text, quotes)
    }
  )

  it('never throws when the text ends in an abbreviation’s possessive', () => {
    for (const text of ['Ann Lee said "no" to the E.U.’s', '"Yes," said the mayor of D.C.\'s']) {
      const quotes = extractQuotes(text)
      expectWellFormed(text, quotes)
      expect(quotes).toHaveLength(1)
    }
  })

  it('never lets an unclosed quotation cross a blank line', () => {
    for (let seed = 10; seed < 30; seed++) {
      const text = hostile(seed, 2000)
      for (const quote of extractQuotes(text)) {
        const inside = text.slice(quote.start, quote.end)
        // Only a quotation the next paragraph reopens may span paragraphs.
        for (const match of inside.matchAll(/\n\s*\n\s*(\S)/g)) {
          expect(match[1]).toMatch(/["“„«「]/)
        }
      }
    }
  })

  it('handles a 1 MB paragraph of stray marks in linear time', () => {
    const unit = 'He said "no\' and “yes” ‘maybe "x. 😀 北朝鮮「」 Ann Lee, the statement said: '
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000)
    const started = performance.now()
    const quotes = extractQuotes(text)
    const elapsed = performance.now() - started
    expectWellFormed(text, quotes)
    expect(quotes.length).toBeGreaterThan(1000)
    // Linear work, not quadratic: a quadratic pass here would take minutes.
    expect(elapsed).toBeLessThan(15_000)
  }, 30_000)

  it('handles a 1 MB paragraph with no quotation mark at all', () => {
    const text = 'Ann Lee said the talks would resume. '.repeat(30_000)
    expect(extractQuotes(text)).toEqual([])
  })

  it.each([
    'The statement from the council of ministers said “no” today.',
    '“No,” the statement by the ministers of the council said.'
  ])('reads a statement by an owner written in lower case, with only "of" between (%s)', (text) => {
    // The owner's words hold a connector ("of") but no capital: no name to read, and once a
    // crash that made the whole article fail to load.
    expectWellFormed(text, extractQuotes(text))
    expect(extractQuotes(text)).toHaveLength(1)
  })

  it('handles marks alone, marks at the very ends and a text of one mark', () => {
    for (const text of ['"', '“', "'", '""', '“”', '"a', 'a"', '«»', '\n\n"\n\n', '"\u0000"']) {
      expectWellFormed(text, extractQuotes(text))
    }
  })

  it('reads quotation marks around emoji and CJK with offsets in UTF-16 code units', () => {
    const text = 'Fans 😀 wrote 「北朝鮮」 and “😀 great 😀,” said Ann Lee.'
    const quotes = extractQuotes(text)
    expect(quotes.map((q) => text.slice(q.start, q.end))).toEqual(['「北朝鮮」', '“😀 great 😀,”'])
    expect(quotes[1]!.speaker).toBe('Ann Lee')
  })
})
