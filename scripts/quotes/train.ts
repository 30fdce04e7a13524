/**
 * `npm run train:quotes`: learns the pronoun ranker's weights (src/shared/quotes/
 * pronoun-weights.json) from PolNeAR `train` (../shared/corpora/quotes/, read in place).
 * Every "he said"-style speaker pronoun the extractor resolves near a gold quotation whose
 * annotated source is that pronoun gives one decision: its candidates, each labelled by whether
 * its last name is the gold speaker's. A conditional logit over the candidates' features is
 * fitted by gradient descent; the threshold below which the speaker stays unknown is the one
 * that maximises right answers minus a quarter of the wrong ones on train (so a wrong name costs more
 * than no name).
 * Only numbers derived from the data are written; no corpus text.
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { extractQuotes } from '@shared/quotes'
import {
  FEATURES,
  probabilities,
  tracePronouns,
  type Features
} from '@shared/quotes/pronoun-ranker'
import shipped from '@shared/quotes/pronoun-weights.json'
import { lastName, loadSplit } from '../../test/shared/quotes/polnear'

const root = resolve(__dirname, '../..')
const articles = loadSplit('train', root)
if (!articles) {
  console.log('../shared/corpora/quotes/ is absent: nothing to learn from')
  process.exit(0)
}

interface Decision {
  features: Features[]
  labels: number[]
}

const PRONOUNS = /^(?:he|she|they|it)$/i
const decisions: Decision[] = []
let traces: { at: number; candidates: { name: string; features: Features }[] }[] = []
tracePronouns((at, candidates) => traces.push({ at, candidates }))
for (const article of articles) {
  traces = []
  extractQuotes(article.text)
  const used = new Set<number>()
  for (const gold of article.quotes) {
    if (gold.speakerScored === false || !PRONOUNS.test(gold.mention.trim())) continue
    // The pronoun decision nearest the quotation: just after it, or leading into it.
    let best = -1
    let bestDistance = Infinity
    traces.forEach((trace, k) => {
      const distance =
        trace.at >= gold.end
          ? trace.at - gold.end
          : trace.at <= gold.start
            ? gold.start - trace.at
            : 0
      if (distance < bestDistance && distance <= 120) {
        best = k
        bestDistance = distance
      }
    })
    if (best < 0 || used.has(best)) continue
    used.add(best)
    const trace = traces[best]!
    const want = lastName(gold.speaker)
    const labels = trace.candidates.map((c) => (lastName(c.name) === want ? 1 : 0))
    decisions.push({ features: trace.candidates.map((c) => c.features), labels })
  }
}
tracePronouns(null)

const answerable = decisions.filter((d) => d.labels.some((l) => l === 1))
console.log(
  `${decisions.length} pronoun decisions, ${answerable.length} with the gold speaker among the candidates`
)

// A conditional logit: the softmax of the candidates' scores, fitted to put the probability on
// the gold speaker (on whichever candidates carry the gold last name).
const dims = FEATURES.length
const w = new Array<number>(dims).fill(0)
const LEARNING_RATE = 0.5
const L2 = 0.001
const before = FEATURES.map((name) => (shipped.weights as Record<string, number>)[name] ?? 0)
/** The constants of the salience rules the model replaced, as weights of the same features. */
const HAND_SET: Partial<Record<(typeof FEATURES)[number], number>> = {
  nearness: 3,
  subjectNearness: 3,
  possessiveOnly: -1,
  lastSpeaker: 6,
  earlierSpeaker: 1,
  genderUnknown: -1,
  firstNamed: 0.1
}
const handSet = FEATURES.map((name) => HAND_SET[name] ?? 0)
for (let epoch = 0; epoch < 2000; epoch++) {
  const grad = new Array<number>(dims).fill(0)
  for (const d of answerable) {
    const p = probabilities(d.features, w)
    const positive = p.reduce((sum, pk, k) => sum + (d.labels[k] ? pk : 0), 0)
    d.features.forEach((f, k) => {
      const q = d.labels[k] ? p[k]! / positive : 0
      for (let i = 0; i < dims; i++) grad[i]! += (p[k]! - q) * f[i]!
    })
  }
  for (let i = 0; i < dims; i++)
    w[i] = w[i]! - LEARNING_RATE * (grad[i]! / answerable.length + L2 * w[i]!)
}

/** Each decision's likeliest candidate under weights `v`: its probability and whether it is right. */
const choose = (v: number[]): { p: number; right: boolean }[] =>
  decisions.map((d) => {
    const p = probabilities(d.features, v)
    let best = 0
    for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k
    return { p: p[best]!, right: d.labels[best] === 1 }
  })
const rightOf = (v: number[]): number => choose(v).filter((c) => c.right).length
console.log(
  `right at threshold 0: hand-set salience ${rightOf(handSet)}, shipped weights ${rightOf(before)}, learnt ${rightOf(w)} (of ${decisions.length})`
)

// How a threshold trades right answers for unknowns, over all decisions. A wrong name costs
// a quarter more than no name (an unknown costs 1 right answer, a wrong one 1.25).
const WRONG_COST = 0.25
const choices = choose(w)
let threshold = 0
let bestNet = -Infinity
for (let t = 0; t <= 0.9; t += 0.05) {
  const kept = choices.filter((c) => c.p >= t)
  const right = kept.filter((c) => c.right).length
  const net = right - WRONG_COST * (kept.length - right)
  console.log(
    `threshold ${t.toFixed(2)}: ${right} right, ${kept.length - right} wrong, ${choices.length - kept.length} unknown`
  )
  if (net > bestNet) {
    bestNet = net
    threshold = t
  }
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4
const out = {
  threshold: round(threshold),
  weights: Object.fromEntries(FEATURES.map((name, i) => [name, round(w[i]!)]))
}
const file = resolve(root, 'src/shared/quotes/pronoun-weights.json')
writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`)
console.log(`wrote ${file}: threshold ${out.threshold}`)
