/**
 * What the words around a name say about what it names: its roles (an apposition, a
 * lowercase title before it) and its kind (", which" follows a thing, "in Millbrook" is a
 * place, "its" follows an organisation).
 */
import type { Entity, Mention } from './entity-registry'
import { genderOfGivenName } from './given-names'
import { DETERMINERS, GENDERED_NOUNS, TITLE_MODIFIERS, TITLES } from './lexicon'
import type { TokenIndex } from './tokens'

/** Apposition heads that make the named thing an organisation ("Pellham Lettings, the agency"). */
const ORGANISATION_APPOSITIONS = new Set(
  `agency company firm group charity organisation organization business union association club
  body regulator council ministry department bank insurer retailer broadcaster newspaper
  publisher landlord developer operator consultancy partnership cooperative society trust
  institute`.split(/\s+/)
)

/** Prepositions after which a lone capitalised word names a place ("in Millbrook"). */
const PLACE_PREPOSITIONS = new Set([
  'in',
  'at',
  'from',
  'near',
  'outside',
  'across',
  'around',
  'to',
  'into'
])

/** "Kim Kye Gwan, a veteran diplomat and Foreign Ministry adviser," gives Kim his roles. */
export function readRolesAndKinds(mentions: Mention[], text: string, tokens: TokenIndex): void {
  // A word the article makes a sentence's subject ("Rubio wrote") is not a place, whatever
  // preposition it follows elsewhere ("tying the bill to Rubio").
  const subjects = new Set(mentions.filter((m) => m.subject).map((m) => m.entity))
  for (const mention of mentions) {
    // "Keller Structural Engineering, which said": a relative "which" follows things, not people.
    if (
      !mention.possessive &&
      mention.entity.kind !== 'place' &&
      /^,\s+which\b/.test(text.slice(mention.end, mention.end + 8))
    )
      mention.entity.kind = 'organisation'
    const before = tokens.between(Math.max(0, mention.start - 80), mention.start)
    const previous = before[before.length - 1]?.lower ?? ''
    // "In Millbrook", "near Lindfield": a single word after a preposition of place is a place.
    if (
      mention.entity.kind === 'other' &&
      mention.entity.words.length === 1 &&
      PLACE_PREPOSITIONS.has(previous) &&
      !subjects.has(mention.entity)
    )
      mention.entity.kind = 'place'
    // "Harwick Foods lowered its forecast": named, then "its" at once, is an organisation.
    if (
      !mention.possessive &&
      (mention.entity.kind === 'person' || mention.entity.kind === 'other') &&
      mention.entity.roles.size === 0 &&
      !genderOfGivenName(mention.entity.words[0]!) &&
      text.slice(mention.end, mention.end + 40).includes(' its ') &&
      /^\s+(?:[\p{L}-]+\s+){0,2}its\b/u.test(text.slice(mention.end, mention.end + 60))
    )
      mention.entity.kind = 'organisation'
    if (mention.possessive || mention.entity.kind !== 'person') continue
    const after = text.slice(mention.end, mention.end + 160)
    // An apposition names a role when it opens with a determiner or a title
    // ("Smith, the mayor,", "Haas, a senior fellow"), not any clause after a comma.
    const apposition =
      /^,\s+(?:(a|an|the|his|her|its|their)\s+)?([^,.;:"“”]{2,120}?)(?:[,.;:]|$)/.exec(after)
    const firstWord = apposition?.[2]!.split(' ')[0]!.toLowerCase() ?? ''
    if (apposition && (apposition[1] || TITLES.has(firstWord) || TITLE_MODIFIERS.has(firstWord)))
      addRoles(mention.entity, apposition[2]!)
    const followedByComma = text[mention.end] === ','
    const last = before[before.length - 1]
    if (last?.text === ',' && followedByComma) {
      // "Its chair, Denise Achebe,", "The letting agency, Pellham Lettings,": the role first.
      const determiner = before.findLastIndex(
        (t, k) => k >= before.length - 6 && (DETERMINERS.has(t.lower) || t.possessive)
      )
      const role = before.slice(determiner + 1, -1)
      if (determiner >= 0 && role.length > 0 && role.every((t) => !t.punct))
        addRoles(mention.entity, role.map((t) => t.text).join(' '))
    } else {
      // "spokeswoman Jane Doe", "senior fellow Ann Lee": titles written in lowercase.
      const kept: string[] = []
      for (let k = before.length - 1; k >= 0 && kept.length < 3; k--) {
        const word = before[k]!.lower
        if (
          TITLES.has(word) ||
          TITLE_MODIFIERS.has(word) ||
          GENDERED_NOUNS[word] ||
          word === 'fellow'
        )
          kept.unshift(word)
        else break
      }
      if (kept.length > 0) addRoles(mention.entity, kept.join(' '))
    }
  }
}

function addRoles(entity: Entity, phrase: string): void {
  const words = phrase
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .filter((word) => word.length > 0)
  // "Pellham Lettings, the letting agency": an apposition headed by an organisation word.
  if (
    entity.kind !== 'place' &&
    words.length <= 4 &&
    ORGANISATION_APPOSITIONS.has(words[words.length - 1] ?? '')
  )
    entity.kind = 'organisation'
  for (const word of words) {
    if (word.length < 2 || DETERMINERS.has(word)) continue
    entity.roles.add(word)
    const gender = GENDERED_NOUNS[word]
    if (gender && !entity.gender) entity.gender = gender
  }
}
