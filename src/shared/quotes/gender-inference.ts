/**
 * The gender of each person the article names, for "he" and "she" to find them.
 */
import type { Entity, Mention } from './entity-registry'
import { genderOfGivenName } from './given-names'
import { PRONOUN_GENDER } from './lexicon'
import type { Range } from './sentences'

/**
 * Gender from, in order: honorific or gendered title (already read), a given name, then the
 * article's own pronouns right after sentences where the entity is the only person named.
 */
export function inferGenders(
  entities: Entity[],
  allMentions: Mention[],
  text: string,
  sentences: Range[]
): void {
  const votes = new Map<Entity, { m: number; f: number }>()
  const bySentence = new Map<number, Mention[]>()
  for (const mention of allMentions) {
    if (mention.quoted) continue
    const list = bySentence.get(mention.sentence) ?? []
    list.push(mention)
    bySentence.set(mention.sentence, list)
  }
  for (const [sentence, mentions] of bySentence) {
    const people = new Set(
      mentions
        .filter((m) => m.entity.kind !== 'organisation' && m.entity.kind !== 'place')
        .map((m) => m.entity)
    )
    if (people.size !== 1) continue
    const [entity] = people
    const next = sentences[sentence + 1]
    // The next sentence speaks of the same person only when it names no one else; and a
    // pronoun attributing a quotation there is what this is meant to help resolve, not a cue.
    const nextPeople = bySentence
      .get(sentence + 1)
      ?.filter((m) => m.entity.kind === 'person' && m.entity !== entity)
    const nextQuotes = next !== undefined && /["“”‘’]/.test(text.slice(next[0], next[1]))
    const start = mentions.find((m) => m.entity === entity)!.end
    const end = next && !nextPeople?.length && !nextQuotes ? next[1] : sentences[sentence]![1]
    const tally = votes.get(entity!) ?? { m: 0, f: 0 }
    // A pronoun before the name ("she said, … Derek Lowe, came to her door") shows someone
    // else of that gender is about: later pronouns of that gender prove nothing.
    const earlier = text.slice(sentences[sentence]![0], start)
    const taken = {
      m: /\b(?:he|him|his)\b/i.test(earlier),
      f: /\b(?:she|her|hers)\b/i.test(earlier)
    }
    for (const match of text.slice(start, end).matchAll(/\b(he|him|his|she|her|hers)\b/gi)) {
      const gender = PRONOUN_GENDER[match[1]!.toLowerCase()]
      if (gender === 'm' && !taken.m) tally.m++
      else if (gender === 'f' && !taken.f) tally.f++
    }
    votes.set(entity!, tally)
  }
  for (const entity of entities) {
    if (entity.kind !== 'person' && entity.kind !== 'other') continue
    if (entity.gender) continue
    const given =
      entity.words.length > 1 || entity.kind === 'other'
        ? genderOfGivenName(entity.words[0]!)
        : null
    if (given) {
      entity.gender = given
      // "Larry, a retired welder, said": a given name alone is a person.
      entity.kind = 'person'
      continue
    }
    const tally = votes.get(entity)
    if (tally && tally.m !== tally.f && Math.max(tally.m, tally.f) >= 1) {
      entity.gender = tally.m > tally.f ? 'm' : 'f'
      if (entity.kind === 'other') entity.kind = 'person'
    }
  }
}
