/**
 * Scores quotation extraction against the hand-labelled fixtures in test/fixtures/quotes/:
 * precision, recall and F1 of quotation spans (exact start and end), and speaker accuracy over
 * the spans found. Shared by the fixture test (which asserts the targets) and the quotes bench
 * (which prints the table docs/quotes.md records), so the published figures are reproducible.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArticle } from '@shared/content/parse-article'
import type { Quote } from '@shared/model/quote'

/** One labelled quotation. */
export interface LabelledQuote {
  start: number
  end: number
  kind: Quote['kind']
  speaker: string | null
  /** What stands between the marks, for a reader of the fixture (checked against the offsets). */
  text: string
}

/** One fixture: an article's canonical text and every quotation in it. */
export interface QuoteFixture {
  name: string
  text: string
  notes: string[]
  quotes: LabelledQuote[]
}

/** Counts for one fixture (or all of them added up). */
export interface Score {
  name: string
  labelled: number
  found: number
  /** Spans found with exactly the labelled start and end. */
  matched: number
  /** Of the matched spans, those whose speaker (null for scare quotes) equals the label. */
  speakerRight: number
  /** Of the matched spans, those whose kind equals the label. */
  kindRight: number
  /** What went wrong, one line each, for a failing test's message. */
  misses: string[]
}

/** The repository root, as seen from this file (the bench passes its own when bundled). */
export const REPO_ROOT = resolve(__dirname, '../../..')

/**
 * Loads every fixture. A fixture names a bundled article (`article`: its id under
 * resources/articles, whose canonical text parseArticle gives) or holds its own text
 * (`paragraphs`: title first, joined by blank lines as canonical text is).
 */
export function loadFixtures(root = REPO_ROOT): QuoteFixture[] {
  const dir = join(root, 'test/fixtures/quotes')
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        article?: string
        paragraphs?: string[]
        notes?: string[]
        quotes: LabelledQuote[]
      }
      let text: string
      if (raw.article) {
        const source = readFileSync(join(root, 'resources/articles', `${raw.article}.md`), 'utf8')
        text = parseArticle(raw.article, source).text
      } else if (raw.paragraphs) {
        text = raw.paragraphs.join('\n\n')
      } else {
        throw new Error(`${file} has neither "article" nor "paragraphs"`)
      }
      return { name: file.replace(/\.json$/, ''), text, notes: raw.notes ?? [], quotes: raw.quotes }
    })
}

/** Compares extracted quotations with the labels of one fixture. */
export function scoreFixture(fixture: QuoteFixture, found: Quote[]): Score {
  const key = (q: { start: number; end: number }): string => `${q.start}:${q.end}`
  const foundByKey = new Map(found.map((q) => [key(q), q]))
  const labelledKeys = new Set(fixture.quotes.map(key))
  const score: Score = {
    name: fixture.name,
    labelled: fixture.quotes.length,
    found: found.length,
    matched: 0,
    speakerRight: 0,
    kindRight: 0,
    misses: []
  }
  const show = (q: { start: number; end: number }): string =>
    JSON.stringify(fixture.text.slice(q.start, q.end).slice(0, 60))
  for (const label of fixture.quotes) {
    const got = foundByKey.get(key(label))
    if (!got) {
      score.misses.push(`missed ${show(label)} at ${key(label)}`)
      continue
    }
    score.matched++
    if (got.speaker === label.speaker) score.speakerRight++
    else score.misses.push(`speaker of ${show(label)}: got ${got.speaker}, want ${label.speaker}`)
    if (got.kind === label.kind) score.kindRight++
    else score.misses.push(`kind of ${show(label)}: got ${got.kind}, want ${label.kind}`)
  }
  for (const got of found) {
    if (!labelledKeys.has(key(got))) score.misses.push(`extra ${show(got)} at ${key(got)}`)
  }
  return score
}

/** Adds scores up (micro-average: every quotation counts once). */
export function total(scores: Score[]): Score {
  return scores.reduce(
    (sum, s) => ({
      name: 'all fixtures',
      labelled: sum.labelled + s.labelled,
      found: sum.found + s.found,
      matched: sum.matched + s.matched,
      speakerRight: sum.speakerRight + s.speakerRight,
      kindRight: sum.kindRight + s.kindRight,
      misses: [...sum.misses, ...s.misses.map((miss) => `${s.name}: ${miss}`)]
    }),
    {
      name: 'all fixtures',
      labelled: 0,
      found: 0,
      matched: 0,
      speakerRight: 0,
      kindRight: 0,
      misses: []
    } as Score
  )
}

/** Precision, recall and F1 of exact spans; speaker and kind accuracy over matched spans. */
export function rates(score: Score): {
  precision: number
  recall: number
  f1: number
  speakerAccuracy: number
  kindAccuracy: number
} {
  const precision = score.found === 0 ? 1 : score.matched / score.found
  const recall = score.labelled === 0 ? 1 : score.matched / score.labelled
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  const speakerAccuracy = score.matched === 0 ? 1 : score.speakerRight / score.matched
  const kindAccuracy = score.matched === 0 ? 1 : score.kindRight / score.matched
  return { precision, recall, f1, speakerAccuracy, kindAccuracy }
}

/** The Markdown table docs/quotes.md records: one row per fixture, then the total. */
export function scoreTable(scores: Score[]): string {
  const row = (s: Score): string => {
    const r = rates(s)
    const pct = (value: number): string => value.toFixed(3)
    return `| ${s.name} | ${s.labelled} | ${s.found} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} | ${pct(r.speakerAccuracy)} | ${pct(r.kindAccuracy)} |`
  }
  return [
    '| Fixture | Labelled | Found | Precision | Recall | Span F1 | Speaker acc. | Kind acc. |',
    '|---|---|---|---|---|---|---|---|',
    ...scores.map(row),
    row({ ...total(scores), name: '**all fixtures**' })
  ].join('\n')
}
