/**
 * Which name each sentence is about (its likely subject), and which names only modify the
 * person after them ("Obama adviser Jo Ames"): what pronoun resolution weighs a mention by.
 */
import type { Mention } from './entity-registry'
import { CLAUSE_BOUNDARIES, DETERMINERS, PREPOSITIONS, SPEECH_VERBS, TITLES } from './lexicon'
import type { Range } from './sentences'

/**
 * `Washington Post columnist Michael Gerson`, `Clinton's top aide Jake Sullivan`,
 * `Democratic candidate Hillary Clinton`: a body, a possessive or a modifier, then a role of
 * a few lowercase words, then the person; the person is the one the sentence is about.
 */
export function personAfterRole(mentions: Mention[], index: number, text: string): Mention | null {
  const mention = mentions[index]!
  // A person's name as a modifier ("Obama consultant Cornell Belcher") only before a
  // title-like noun: after a name, a lowercase word is more often a verb ("Cruz beat Kasich").
  const person = mention.entity.kind === 'person' && !mention.possessive
  const next = mentions[index + 1]
  if (!next || next.sentence !== mention.sentence || next.quoted) return null
  if (next.entity.kind !== 'person') return null
  const gap = text.slice(mention.end, next.start).trim().split(/\s+/)
  const role = (word: string): boolean =>
    /^[a-z][a-z-]*$/.test(word) &&
    !/(?:ed|[^s]s)$/.test(word) &&
    !SPEECH_VERBS.has(word) &&
    !DETERMINERS.has(word) &&
    !PREPOSITIONS.has(word) &&
    !CLAUSE_BOUNDARIES.has(word)
  if (person && !(TITLES.has(gap[gap.length - 1]!) && gap.length <= 3)) return null
  return gap.length <= 4 && gap.every(role) ? next : null
}

/**
 * The first name in each sentence is taken for its subject, after an opening phrase or
 * clause ("In Millbrook, Dana Whitlock watched…": Whitlock, not Millbrook). `mentions` must be
 * in order of start.
 */
export function markSubjects(mentions: Mention[], text: string, sentences: Range[]): void {
  let lastSentence = -1
  let marked = false
  let clauseEnd = -1
  for (const [index, mention] of mentions.entries()) {
    if (mention.quoted) continue
    if (mention.sentence !== lastSentence) {
      lastSentence = mention.sentence
      marked = false
      const [start, end] = sentences[mention.sentence]!
      const opening = /^\W*(\p{L}+)/u.exec(text.slice(start, start + 40))?.[1]?.toLowerCase()
      const opens =
        opening !== undefined &&
        (PREPOSITIONS.has(opening) || CLAUSE_BOUNDARIES.has(opening) || /(?:ed|ing)$/.test(opening))
      const comma = opens ? text.slice(start, Math.min(end, start + 300)).indexOf(',') : -1
      clauseEnd = comma >= 0 ? start + comma : -1
    }
    if (marked || mention.start < clauseEnd) continue
    ;(personAfterRole(mentions, index, text) ?? mention).subject = true
    marked = true
  }
  // A sentence whose only names sit in its opening clause has those for subject after all.
  let sentence = -1
  let any = false
  for (let i = 0; i <= mentions.length; i++) {
    const mention = mentions[i]
    if (!mention || mention.sentence !== sentence) {
      if (!any && sentence >= 0) {
        const first = mentions.find((m) => m.sentence === sentence && !m.quoted)
        if (first) first.subject = true
      }
      if (!mention) break
      sentence = mention.sentence
      any = false
    }
    if (mention.subject) any = true
  }
}

/** Marks the body or owner before a role and a person ("Obama adviser Jo Ames") a modifier. */
export function markModifiers(mentions: Mention[], text: string): void {
  mentions.forEach((mention, index) => {
    if (personAfterRole(mentions, index, text)) mention.modifier = true
  })
}
