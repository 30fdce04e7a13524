/**
 * Who a "he"/"she"/"they" speaker pronoun means: each candidate the article offers is
 * described by a few numbers (how recently and how prominently it was named, whether it spoke
 * last, how well its gender fits), and a conditional logit model learnt from PolNeAR `train`
 * (`npm run train:quotes` rebuilds pronoun-weights.json) turns them into probabilities. The
 * likeliest candidate wins when its probability clears the threshold; otherwise the speaker
 * stays unknown.
 */
import weights from './pronoun-weights.json'

/** The signals about one candidate, in the order of `FEATURES`. */
export type Features = number[]

/** Feature names, in order: the JSON weights are keyed by them. */
export const FEATURES = [
  'mentioned',
  'nearness',
  'subjectNearness',
  'possessiveOnly',
  'mentions',
  'sameSentence',
  'sameParagraph',
  'lastSpeaker',
  'lastSpeakerInterrupted',
  'earlierSpeaker',
  'genderKnown',
  'genderUnknown',
  'articleMentions',
  'firstNamed',
  'obliqueOnly',
  'latestOblique',
  'paragraphTopic'
] as const

export type FeatureName = (typeof FEATURES)[number]

export interface Candidate<T> {
  item: T
  features: Features
}

interface Weights {
  threshold: number
  weights: Record<FeatureName, number>
}

const model = weights as Weights
const vector = FEATURES.map((name) => model.weights[name] ?? 0)

/** The model's score of one candidate: a weighted sum of its features. */
export function score(features: Features, w: readonly number[] = vector): number {
  let z = 0
  for (let i = 0; i < w.length; i++) z += w[i]! * (features[i] ?? 0)
  return z
}

/**
 * Each candidate's probability of being the one meant: a softmax of the scores over the
 * candidates (a conditional logit, as train.ts fits it).
 */
export function probabilities(candidates: Features[], w: readonly number[] = vector): number[] {
  const scores = candidates.map((f) => score(f, w))
  const top = Math.max(...scores)
  const exps = scores.map((s) => Math.exp(s - top))
  const sum = exps.reduce((a, b) => a + b, 0)
  return exps.map((e) => e / sum)
}

type Trace = (at: number, candidates: { name: string; features: Features }[]) => void

/** The trace a training run installs to see every decision; null in the product. */
let trace: Trace | null = null

/** Installs (or removes, with null) the training trace. */
export function tracePronouns(fn: Trace | null): void {
  trace = fn
}

/** The best candidate, or null when there is none or the model is unsure. */
export function rank<T extends { name: string }>(at: number, candidates: Candidate<T>[]): T | null {
  if (trace)
    trace(
      at,
      candidates.map((c) => ({ name: c.item.name, features: c.features }))
    )
  if (candidates.length === 0) return null
  const p = probabilities(candidates.map((c) => c.features))
  let best = 0
  for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k
  return p[best]! >= model.threshold ? candidates[best]!.item : null
}
