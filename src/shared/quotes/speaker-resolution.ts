/**
 * Turns a speaker phrase into a canonical speaker: a pronoun through the cast and the speakers
 * so far, a name, a role and then a name, a description, or the subject of the sentence; and a
 * phrase that cannot be a speaker into none.
 */
import type { Attribution } from './attribution'
import type { Cast } from './cast'
import type { Entity } from './entity-registry'
import {
  CLAUSE_BOUNDARIES,
  DETERMINERS,
  PREPOSITIONS,
  SELF_PRONOUNS,
  SUBJECT_PRONOUNS,
  VERB_MODIFIERS
} from './lexicon'
import type { SpeechEvent } from './pronoun-resolution'
import { plausibleSpeaker, TIME_WORDS } from './speaker-check'
import { rangeIndexAt, SENTENCE_WINDOW, type Range } from './sentences'
import type { Token, TokenIndex } from './tokens'

export class SpeakerResolver {
  constructor(
    private readonly text: string,
    private readonly tokens: TokenIndex,
    private readonly sentences: Range[],
    private readonly cast: Cast,
    /** Who has spoken so far, in reading order: the reader adds to it as it goes. */
    private readonly history: SpeechEvent[]
  ) {}

  /** The canonical name of a speaker phrase, or nothing when that cannot be a speaker. */
  resolve(attribution: Attribution, at: number): { speaker: string | null; entity: Entity | null } {
    const resolved = this.resolvePhrase(attribution, at)
    if (resolved.speaker && !plausibleSpeaker(resolved.speaker, resolved.entity?.kind))
      return { speaker: null, entity: null }
    return resolved
  }

  /**
   * The one person named (outside quotations) in the sentence before `at`, if only one is,
   * or whom the pronoun opening a sentence that names nobody stands for.
   */
  loneSubject(at: number): Entity | null {
    const start = Math.max(
      this.sentences[rangeIndexAt(this.sentences, at)]![0],
      at - SENTENCE_WINDOW
    )
    const named = new Set(
      this.cast
        .mentionsBetween(start, at)
        .filter((m) => !m.quoted)
        .map((m) => m.entity)
    )
    const [only] = named
    if (named.size === 1)
      return only!.kind === 'person' && plausibleSpeaker(only!.name) ? only! : null
    if (named.size > 0) return null
    // "He expressed amusement that … "…"": a sentence naming nobody, led by a pronoun.
    const first = this.tokens.between(start, Math.min(at, start + 12))[0]
    if (!first || (first.lower !== 'he' && first.lower !== 'she')) return null
    return this.cast.byPronoun(first.lower, first.start, { history: this.history })
  }

  /** Turns a speaker phrase into the canonical name (and cast member, when there is one). */
  private resolvePhrase(
    attribution: Attribution,
    at: number
  ): { speaker: string | null; entity: Entity | null } {
    // "Trump Wednesday said", "said Pence Thursday": the day is not part of the name.
    let phrase = attribution.phrase
    while (phrase.length > 1 && TIME_WORDS.has(phrase[phrase.length - 1]!.lower))
      phrase = phrase.slice(0, -1)
    if (attribution.sentenceSubject || phrase.length === 0) {
      const subject = this.subjectOfSentence(at)
      return subject ? { speaker: subject.name, entity: subject } : { speaker: null, entity: null }
    }
    const first = phrase[0]!
    if (phrase.length === 1 && SUBJECT_PRONOUNS.has(first.lower)) {
      const entity = this.cast.byPronoun(first.lower, first.start, {
        exclude: attribution.reported ?? undefined,
        history: this.history
      })
      return { speaker: entity?.name ?? null, entity }
    }
    if (phrase.length === 1 && SELF_PRONOUNS.has(first.lower))
      return { speaker: null, entity: null }
    // "her campaign manager Jeff Weaver", "River Trust President Dana Penn's aide Tom Hale":
    // a role, then the person named at the end of the phrase.
    const afterRole = this.personAfterRole(phrase)
    if (afterRole) return { speaker: afterRole.name, entity: afterRole }
    const described =
      DETERMINERS.has(first.lower) &&
      !(first.lower === 'the' && phrase.slice(1).every((t) => t.capital))
    const lastWord = phrase[phrase.length - 1]!
    if (
      !described &&
      phrase.some((t) => t.capital) &&
      (lastWord.capital || lastWord.possessive === false)
    ) {
      const surface = this.text.slice(first.start, lastWord.start + lastWord.text.length)
      const entity = this.cast.byName(surface, first.start)
      if (entity) return { speaker: entity.name, entity }
      if (
        !phrase.some(
          (t) => !t.capital && !['of', 'the', 'de', 'van', 'von', 'bin', 'al'].includes(t.lower)
        )
      ) {
        return { speaker: surface.replace(/^the\s+/i, ''), entity: null }
      }
    }
    const named = this.cast.byDescription(phrase, first.start)
    const entity = named ? (this.cast.entities.find((e) => e.name === named) ?? null) : null
    return { speaker: named, entity }
  }

  /**
   * The entity a sentence is about, up to `at`: its first name, after an opening clause
   * ("Asked about Stott's remarks, Okafor …") when the sentence starts with one.
   */
  private subjectOfSentence(at: number): Entity | null {
    const start = Math.max(
      this.sentences[rangeIndexAt(this.sentences, at)]![0],
      at - SENTENCE_WINDOW
    )
    const mentions = this.cast.mentionsBetween(start, at).filter((m) => !m.quoted)
    const opening = /^\W*(\p{L}+)/u.exec(this.text.slice(start, start + 40))?.[1]
    const lower = opening?.toLowerCase() ?? ''
    let from = start
    if (CLAUSE_BOUNDARIES.has(lower) || PREPOSITIONS.has(lower) || /(?:ed|ing)$/.test(lower)) {
      const comma = this.text.slice(start, at).indexOf(',')
      if (comma >= 0) from = start + comma + 1
    }
    // "She was defending the group against Republican nominee Donald Trump, but admitted …",
    // "Asked which county he liked, he demurred:": a pronoun before any name is the subject,
    // past an opening adverb ("Later she …").
    const lead = this.tokens
      .between(from, Math.min(at, from + 60))
      .find((t) => !t.punct && !VERB_MODIFIERS.has(t.lower) && !/ly$/.test(t.lower))
    // The cast marks a person after a role as the subject (`Clinton's campaign manager Robby
    // Mook said`), not the owner named first.
    const firstName =
      mentions.find((m) => m.start >= from && m.subject) ?? mentions.find((m) => m.start >= from)
    if (
      lead &&
      (lead.lower === 'he' || lead.lower === 'she') &&
      (!firstName || lead.start < firstName.start)
    )
      return this.cast.byPronoun(lead.lower, lead.start, { history: this.history })
    // A sentence whose only names sit in its opening clause has those for subject.
    return (firstName ?? mentions[0])?.entity ?? null
  }

  /**
   * The person a phrase ends with when a role of lowercase words stands before the name (`his
   * campaign manager Jeff Weaver`): the name, when the article knows it as a person.
   */
  private personAfterRole(phrase: Token[]): Entity | null {
    let start = phrase.length
    while (start > 0 && phrase[start - 1]!.capital && !phrase[start - 1]!.possessive) start--
    const role = phrase[start - 1]
    if (start === phrase.length || start < 2 || !role || role.punct || role.capital) return null
    if (DETERMINERS.has(role.lower) || PREPOSITIONS.has(role.lower)) return null
    const last = phrase[phrase.length - 1]!
    const entity = this.cast.byName(
      this.text.slice(phrase[start]!.start, last.start + last.text.length),
      phrase[start]!.start
    )
    return entity?.kind === 'person' ? entity : null
  }
}
