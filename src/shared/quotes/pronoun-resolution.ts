/**
 * Who a third-person pronoun means: the candidates of the right kind in a short window before
 * it, each described by salience features (who spoke last, who is the subject, who was named
 * nearest and most often) for the trained ranker to score.
 */
import type { Entity, EntityRegistry, Gender } from './entity-registry'
import { PRONOUN_GENDER } from './lexicon'
import { rank } from './pronoun-ranker'
import { rangeIndexAt, type Range } from './sentences'

/** Something that spoke: who, where, in which paragraph and sentence (for salience). */
export interface SpeechEvent {
  /** The speaker's canonical name. */
  name: string
  /** The cast member, when the speaker is one (an unnamed "official" is not). */
  entity: Entity | null
  at: number
  paragraph: number
  sentence: number
}

/** What a pronoun must not resolve to: names inside the words being attributed. */
export interface PronounContext {
  /** Offsets whose mentions are excluded (the reported content of the same sentence). */
  exclude?: Range
  history: SpeechEvent[]
}

/** How many paragraphs back an earlier speaker still counts for a pronoun. */
const SPEAKER_MEMORY = 4

export class PronounResolver {
  constructor(
    private readonly sentences: Range[],
    private readonly paragraphs: Range[],
    private readonly registry: EntityRegistry
  ) {}

  /**
   * Resolves a third-person pronoun at `at` to the most salient entity of the right kind:
   * who spoke last, who is the subject of recent sentences, who was named most recently.
   */
  resolve(pronoun: string, at: number, context: PronounContext): Entity | null {
    const wanted = PRONOUN_GENDER[pronoun.toLowerCase()]
    if (!wanted) return null
    const sentence = rangeIndexAt(this.sentences, at)
    const paragraph = rangeIndexAt(this.paragraphs, at)
    // Two paragraphs back, and never more than a dozen sentences: salience fades fast.
    const windowStart = Math.max(
      this.paragraphs[Math.max(0, paragraph - 2)]![0],
      this.sentences[Math.max(0, sentence - 12)]![0],
      at - 4000
    )
    const signals = new Map<Entity, Signals>()
    const signalsOf = (entity: Entity): Signals => {
      let found = signals.get(entity)
      if (!found) {
        found = {
          mentions: 0,
          possessive: 0,
          nearness: 0,
          subjectNearness: 0,
          sameSentence: 0,
          sameParagraph: 0,
          lastSpeaker: 0,
          earlierSpeaker: 0,
          oblique: 0,
          latestOblique: 0
        }
        signals.set(entity, found)
      }
      return found
    }
    const { exclude } = context
    const topic = this.paragraphTopic(paragraph, at)
    for (const mention of this.registry.mentionsBetween(windowStart, at)) {
      if (mention.quoted || mention.modifier) continue
      if (exclude && mention.start >= exclude[0] && mention.end <= exclude[1]) continue
      if (kindFit(mention.entity, wanted) === 0) continue
      const distance = sentence - mention.sentence
      const s = signalsOf(mention.entity)
      s.mentions++
      if (mention.possessive) s.possessive++
      if (mention.oblique) s.oblique++
      s.latestOblique = mention.oblique ? 1 : 0
      s.nearness = Math.max(s.nearness, 1 / (1 + distance))
      if (mention.subject) s.subjectNearness = Math.max(s.subjectNearness, 1 / (1 + distance))
      if (distance === 0) s.sameSentence = 1
      if (mention.start >= this.paragraphs[paragraph]![0]) s.sameParagraph = 1
    }
    // Whoever spoke last is who a following "he said" most often means (news convention)…
    let recent: SpeechEvent | undefined
    for (let i = context.history.length - 1; i >= 0 && !recent; i--) {
      if (context.history[i]!.at < at) recent = context.history[i]
    }
    // …unless someone else of the same kind has since become the subject of a sentence
    // ("Ferreira saw it differently. '…,' he said").
    const interrupted =
      recent &&
      this.registry
        .mentionsBetween(Math.max(recent.at, windowStart), at)
        .some(
          (m) =>
            m.subject &&
            !m.quoted &&
            m.entity !== recent.entity &&
            kindFit(m.entity, wanted) >= 0.6 &&
            !(exclude && m.start >= exclude[0] && m.end <= exclude[1])
        )
    if (recent?.entity && paragraph - recent.paragraph <= 1 && kindFit(recent.entity, wanted) > 0)
      signalsOf(recent.entity).lastSpeaker = interrupted ? 2 : 1
    // Earlier speakers stay in play for a few paragraphs, fading: a profile's subject is
    // "she" long after her name was last written.
    for (let i = context.history.length - 1; i >= 0; i--) {
      const event = context.history[i]!
      if (event.at >= at || !event.entity) continue
      const distance = paragraph - event.paragraph
      if (distance > SPEAKER_MEMORY) break
      if (kindFit(event.entity, wanted) === 0) continue
      const s = signalsOf(event.entity)
      s.earlierSpeaker = Math.max(s.earlierSpeaker, 1 / (1 + distance))
    }
    const counts = wanted === 'm' || wanted === 'f' ? this.namedCounts(wanted, at) : null
    const mostNamed = counts ? bestOf(counts) : null
    // Nobody nearer fits: the person of that gender the article names most.
    if (mostNamed && signals.size === 0) signalsOf(mostNamed)
    const candidates = [...signals].map(([entity, s]) => ({
      item: entity,
      features: [
        s.mentions > 0 ? 1 : 0,
        s.nearness,
        s.subjectNearness,
        s.mentions > 0 && s.possessive === s.mentions ? 1 : 0,
        Math.log1p(s.mentions),
        s.sameSentence,
        s.sameParagraph,
        s.lastSpeaker === 1 ? 1 : 0,
        s.lastSpeaker === 2 ? 1 : 0,
        s.earlierSpeaker,
        kindFit(entity, wanted) === 1 ? 1 : 0,
        kindFit(entity, wanted) < 1 ? 1 : 0,
        Math.log1p(counts?.get(entity) ?? 0),
        entity === mostNamed ? 1 : 0,
        s.mentions > 0 && s.oblique === s.mentions ? 1 : 0,
        s.latestOblique,
        entity === topic ? 1 : 0
      ]
    }))
    return rank(at, candidates)
  }

  /**
   * Who the paragraph holding `at` is about: the subject of its first sentence that names
   * someone (before `at`), or of the paragraph before when it names no one before `at`.
   */
  private paragraphTopic(paragraph: number, at: number): Entity | null {
    for (let p = paragraph; p >= Math.max(0, paragraph - 1); p--) {
      const [start, end] = this.paragraphs[p]!
      // Bounded like the pronoun's window: a 1 MB paragraph costs no more than a short one.
      const subject = this.registry
        .mentionsBetween(Math.max(start, at - 4000), Math.min(end, at))
        .find((m) => m.subject && !m.quoted)
      if (subject) return subject.entity
    }
    return null
  }

  /** How often each person of that gender is named before `at` (outside quotations). */
  private namedCounts(gender: Gender, at: number): Map<Entity, number> {
    const counts = new Map<Entity, number>()
    for (const mention of this.registry.mentions) {
      if (mention.start >= at) break
      if (mention.quoted || mention.entity.gender !== gender) continue
      counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1)
    }
    return counts
  }
}

/** What `resolve` gathers about one candidate before the ranker scores it. */
interface Signals {
  mentions: number
  possessive: number
  nearness: number
  subjectNearness: number
  sameSentence: number
  sameParagraph: number
  /** 1: spoke last; 2: spoke last, but someone else has since been a sentence's subject. */
  lastSpeaker: number
  earlierSpeaker: number
  oblique: number
  /** The latest mention in the window is oblique. */
  latestOblique: number
}

/** The entity counted most (the first seen on a tie). */
function bestOf(counts: Map<Entity, number>): Entity | null {
  let best: Entity | null = null
  for (const [entity, count] of counts) if (!best || count > counts.get(best)!) best = entity
  return best
}

/** Whether an entity can be what a pronoun of this kind points at, and how well (0–1). */
function kindFit(entity: Entity, wanted: 'm' | 'f' | 'n' | 'p'): number {
  if (wanted === 'n') return entity.kind === 'organisation' || entity.kind === 'place' ? 1 : 0
  if (wanted === 'p') return entity.kind === 'organisation' || entity.kind === 'place' ? 1 : 0.3
  if (entity.kind === 'organisation' || entity.kind === 'place') return 0
  if (entity.gender === wanted) return 1
  // Unknown gender fits, but less well than a known match: "she" prefers a known woman.
  if (entity.gender === null)
    return entity.kind === 'person' ? 0.6 : entity.words.length > 1 ? 0.45 : 0
  return 0
}
