/**
 * Scores quotation extraction against PolNeAR (../shared/corpora/quotes/, read in place, never
 * copied: see its README). Only direct quotations are scored: a found quotation is a top-level
 * `direct` one; gold spans are mark spans inside a human-annotated attribution. Predictions
 * overlapping the corpus' `ambiguous` stretches are ignored; a direct prediction on an
 * `unannotated` span (mostly scare quotes and titles) counts as a false positive, so precision
 * is a lower bound. Speaker accuracy is over matched gold quotations whose speaker the corpus
 * resolved (`speakerScored` absent) that the extractor gave a speaker: a null speaker is
 * an abstention, not an error ("a wrong name is worse than none"), and coverage, the share of
 * matched gold quotations given a speaker, says how often it abstains. The share right among
 * all scored quotations (a null counting as wrong) is reported too. Shared by `npm run eval:quotes` and the
 * dev-split test.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Quote } from '@shared/model/quote'
import { REPO_ROOT } from './scoring'

export interface GoldQuote {
  start: number
  end: number
  speaker: string
  mention: string
  speakerFrom: 'mention' | 'coref' | 'org' | 'nominal' | 'multi'
  speakerScored?: false
  form: 'full' | 'partial'
}

export interface PolnearArticle {
  id: string
  text: string
  quotes: GoldQuote[]
  unannotated: [number, number][]
  ambiguous: [number, number][]
}

export type Split = 'train' | 'dev'

/** Where the corpus lives as seen from the repository root; null when it is absent. */
export function corpusDir(root = REPO_ROOT): string | null {
  const dir = join(root, '../shared/corpora/quotes')
  return existsSync(join(dir, 'polnear-dev.json')) ? dir : null
}

export function loadSplit(split: Split, root = REPO_ROOT): PolnearArticle[] | null {
  const dir = corpusDir(root)
  if (!dir) return null
  const raw = JSON.parse(readFileSync(join(dir, `polnear-${split}.json`), 'utf8')) as {
    articles: PolnearArticle[]
  }
  return raw.articles
}

export interface PolnearScore {
  gold: number
  found: number
  matched: number
  /** Gold spans found as a quotation of any kind (for kind accuracy). */
  spanSeen: number
  kindRight: number
  speakerScored: number
  speakerStrict: number
  speakerLastName: number
  /** Matched gold quotations (scored speaker or not) given a non-null speaker. */
  covered: number
  /** Scored quotations given a speaker, and of those the ones right exactly. */
  attributedScored: number
  attributedStrict: number
  misses: Map<string, number>
}

export function emptyScore(): PolnearScore {
  return {
    gold: 0,
    found: 0,
    matched: 0,
    spanSeen: 0,
    kindRight: 0,
    speakerScored: 0,
    speakerStrict: 0,
    speakerLastName: 0,
    covered: 0,
    attributedScored: 0,
    attributedStrict: 0,
    misses: new Map()
  }
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv'])

/** The last word of a name, lowercased, without suffixes or possessive: "Donald J. Trump" → trump. */
export function lastName(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 0 && !SUFFIXES.has(w))
  return words[words.length - 1] ?? ''
}

/** What kind of phrase the annotated source is, to group misses. */
function mentionKind(gold: GoldQuote): string {
  const m = gold.mention.trim().toLowerCase()
  if (/^(he|she|they|it|i|we|you|him|her)$/.test(m)) return 'pronoun'
  if (gold.speakerFrom === 'org') return 'organisation'
  if (gold.speakerFrom === 'coref') return 'description'
  return 'name'
}

const abridge = (quote: string): string =>
  quote.length <= 90 ? quote : `${quote.slice(0, 60)}…${quote.slice(-25)}`

const bump = (map: Map<string, number>, key: string): void => {
  map.set(key, (map.get(key) ?? 0) + 1)
}

/** Quotations inside another found quotation are nested: the gold lists only outer spans. */
function topLevel(found: Quote[]): Quote[] {
  const out: Quote[] = []
  let outerEnd = -1
  for (const q of found) {
    if (q.start < outerEnd) continue
    out.push(q)
    outerEnd = q.end
  }
  return out
}

/** Adds one article's counts to `score`; `log` receives one line per miss when given. */
export function scoreArticle(
  article: PolnearArticle,
  found: Quote[],
  score: PolnearScore,
  log?: (line: string) => void
): void {
  const key = (q: { start: number; end: number }): string => `${q.start}:${q.end}`
  const overlapsAmbiguous = (q: Quote): boolean =>
    article.ambiguous.some(([s, e]) => q.start < e && q.end > s)
  const top = topLevel(found).filter((q) => !overlapsAmbiguous(q))
  const byKey = new Map(top.map((q) => [key(q), q]))
  const goldKeys = new Set(article.quotes.map(key))
  const unannotated = new Set(article.unannotated.map(([s, e]) => `${s}:${e}`))
  const show = (q: { start: number; end: number }): string =>
    JSON.stringify(
      `${article.text.slice(Math.max(0, q.start - 90), q.start)}【${abridge(article.text.slice(q.start, q.end))}】${article.text.slice(q.end, q.end + 70)}`
    )
  for (const gold of article.quotes) {
    score.gold++
    const got = byKey.get(key(gold))
    if (!got) {
      bump(score.misses, `span not found (${gold.form})`)
      log?.(`MISS span ${show(gold)}`)
      continue
    }
    score.spanSeen++
    if (got.kind !== 'direct') {
      bump(score.misses, `called scare (${gold.form})`)
      log?.(`SCARE ${show(gold)} [${gold.mention}]`)
      continue
    }
    score.kindRight++
    score.matched++
    if (got.speaker) score.covered++
    if (gold.speakerScored === false) continue
    score.speakerScored++
    const kind = mentionKind(gold)
    if (got.speaker === gold.speaker) {
      score.speakerStrict++
      score.attributedStrict++
    }
    if (got.speaker && lastName(got.speaker) === lastName(gold.speaker)) {
      score.speakerLastName++
      score.attributedScored++
    } else if (got.speaker) {
      score.attributedScored++
      bump(score.misses, `wrong speaker (source is a ${kind})`)
      log?.(`WRONG ${show(gold)} got «${got.speaker}» want «${gold.speaker}» [${gold.mention}]`)
    } else {
      bump(score.misses, `no speaker (source is a ${kind})`)
      log?.(`NULL ${show(gold)} want «${gold.speaker}» [${gold.mention}]`)
    }
  }
  for (const got of top) {
    if (got.kind !== 'direct') continue
    score.found++
    if (goldKeys.has(key(got))) continue
    const why = unannotated.has(key(got)) ? 'unannotated span' : 'no gold span'
    bump(score.misses, `extra direct quotation (${why})`)
    log?.(`EXTRA ${show(got)} (${why}) speaker «${got.speaker}»`)
  }
}

export interface PolnearRates {
  precision: number
  recall: number
  f1: number
  kindAccuracy: number
  /** Of scored quotations given a speaker, the share right exactly and by last name. */
  speakerStrict: number
  speakerLastName: number
  coverage: number
  /** Of all scored quotations (a null speaker counting as wrong), the share right by last name. */
  speakerLastNameOverall: number
}

export function polnearRates(s: PolnearScore): PolnearRates {
  const div = (a: number, b: number): number => (b === 0 ? 1 : a / b)
  const precision = div(s.matched, s.found)
  const recall = div(s.matched, s.gold)
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    kindAccuracy: div(s.kindRight, s.spanSeen),
    speakerStrict: div(s.attributedStrict, s.attributedScored),
    speakerLastName: div(s.speakerLastName, s.attributedScored),
    coverage: div(s.covered, s.matched),
    speakerLastNameOverall: div(s.speakerLastName, s.speakerScored)
  }
}

/** Scores a whole split with `extract`. */
export function scoreSplit(
  articles: PolnearArticle[],
  extract: (text: string) => Quote[],
  log?: (line: string) => void
): PolnearScore {
  const score = emptyScore()
  for (const article of articles) {
    log?.(`# ${article.id}`)
    scoreArticle(article, extract(article.text), score, log)
  }
  return score
}
