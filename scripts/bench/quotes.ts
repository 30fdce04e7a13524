/**
 * The quotes part of `npm run bench` (alone: `npm run bench -- --only=quotes`): extraction
 * scores against the hand-labelled fixtures (the table docs/quotes.md records) and extraction
 * speed on a 2,000-word article, the bundled library and a hostile 1 MB paragraph.
 */
import { extractQuotes } from '@shared/quotes'
import {
  loadFixtures,
  rates,
  scoreFixture,
  scoreTable,
  total
} from '../../test/shared/quotes/scoring'
import { percentile, time } from './samples'

/** The article length the issue sets the speed target at. */
const TARGET_WORDS = 2000

const median = (samples: number[]): number => percentile(samples, 50)
const p95 = (samples: number[]): number => percentile(samples, 95)

const wordCount = (text: string): number => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0

/**
 * A 2,000-word article made of the fixtures' own paragraphs (real news prose with its real
 * density of quotations and names), cut at the first paragraph boundary past 2,000 words.
 */
function articleOf(words: number, texts: string[]): string {
  const paragraphs = texts.flatMap((text) => text.split('\n\n'))
  const kept: string[] = []
  let count = 0
  for (let i = 0; count < words; i++) {
    const paragraph = paragraphs[i % paragraphs.length]!
    kept.push(paragraph)
    count += wordCount(paragraph)
  }
  return kept.join('\n\n')
}

/** Runs the measurements and returns them as Markdown. */
export function quotesReport(root: string): string {
  const fixtures = loadFixtures(root)
  const scores = fixtures.map((fixture) => scoreFixture(fixture, extractQuotes(fixture.text)))
  const overall = rates(total(scores))

  const article = articleOf(
    TARGET_WORDS,
    fixtures.map((f) => f.text)
  )
  // Warm-up: the first few hundred runs are slower while the JIT settles.
  for (let i = 0; i < 300; i++) extractQuotes(article)
  const articleSamples = time(300, () => void extractQuotes(article))
  const quotesFound = extractQuotes(article).length

  const bundled = fixtures.filter((f) => f.name.includes('north-korea')).map((f) => f.text)
  const librarySamples = time(300, () => bundled.forEach((text) => void extractQuotes(text)))

  const hostile =
    `${'He said "no\' and \u201cyes\u201d \u2018maybe "x. 😀 北朝鮮「」 '.repeat(20_000)}`.slice(
      0,
      1_000_000
    )
  const hostileMs = time(3, () => void extractQuotes(hostile))

  return [
    '### Quotation extraction',
    '',
    `Scores against ${fixtures.length} hand-labelled fixtures (test/fixtures/quotes): span F1 ${overall.f1.toFixed(3)} (target ≥ 0.95), speaker accuracy ${overall.speakerAccuracy.toFixed(3)} (target ≥ 0.90).`,
    '',
    scoreTable(scores),
    '',
    // The fastest run shows the cost with the core to itself, on a machine shared with others.
    '| What | Median (ms) | p95 (ms) | Fastest (ms) |',
    '|---|---|---|---|',
    `| Extract from a ${wordCount(article).toLocaleString('en')}-word article (${quotesFound} quotations) | ${median(articleSamples).toFixed(2)} | ${p95(articleSamples).toFixed(2)} | ${Math.min(...articleSamples).toFixed(2)} |`,
    `| Extract from both bundled articles | ${median(librarySamples).toFixed(2)} | ${p95(librarySamples).toFixed(2)} | ${Math.min(...librarySamples).toFixed(2)} |`,
    `| Extract from a hostile 1 MB paragraph (stray marks, emoji, CJK) | ${median(hostileMs).toFixed(0)} | | ${Math.min(...hostileMs).toFixed(0)} |`
  ].join('\n')
}
