/**
 * What a name is made of: titles to strip ("Defense Secretary"), the kind of thing a
 * capitalised run names (person, organisation, place), the keys names are matched by, and the
 * head of a descriptive phrase. Pure functions over tokens; cast.ts keeps the cast.
 */
import { genderOfGivenName } from './given-names'
import {
  HONORIFIC_GENDER,
  NAME_PARTICLES,
  ORGANISATION_HEADS,
  PLACE_WORDS,
  TITLE_MODIFIERS,
  TITLES,
  UNNAMED_MODIFIERS
} from './lexicon'
import type { Token } from './tokens'

export type EntityKind = 'person' | 'organisation' | 'place' | 'other'

/** Words ending like a nationality ("Turkish", "Korean"): a modifier before a title. */
const DEMONYM = /(?:ean|ian|ese|ish|ican|ani|i|ch)$/

/** Lowercase words that may sit inside a capitalised name (Ministry of Health, bin Laden). */
export const CONNECTORS = new Set(['of', ...NAME_PARTICLES])

/** Splits leading titles from a name: "Defense Secretary Mark Esper" → Mark Esper. */
export function stripTitles(tokens: Token[]): { titles: Token[]; rest: Token[] } {
  let lastTitle = -1
  for (let i = 0; i < tokens.length - 1; i++) {
    const lower = tokens[i]!.lower
    if (TITLES.has(lower) || HONORIFIC_GENDER[lower]) lastTitle = i
    else if (TITLE_MODIFIERS.has(lower) || (DEMONYM.test(lower) && !genderOfGivenName(lower)))
      continue
    else if (lower === 'of' && lastTitle === i - 1 && i + 2 < tokens.length) {
      lastTitle = i + 1 // Secretary of State Mike Pompeo
      i++
    } else break
  }
  if (lastTitle < 0) lastTitle = titleAfterPlace(tokens)
  return { titles: tokens.slice(0, lastTitle + 1), rest: tokens.slice(lastTitle + 1) }
}

/**
 * "New Jersey Gov. Chris Christie", "Fox News Chairman Roger Ailes": a place or body, then a
 * title, then the person (two words at least, so "General Motors" stays whole). The index of
 * the title, or -1.
 */
function titleAfterPlace(tokens: Token[]): number {
  for (let i = 1; i <= 3 && i < tokens.length - 2; i++) {
    const lower = tokens[i]!.lower
    if (!TITLES.has(lower) && !HONORIFIC_GENDER[lower]) continue
    const rest = tokens.slice(i + 1)
    // "Martin Luther King Jr. Day": what follows must read as a name, not a suffix.
    if (/\.$|^[IVX]+$/.test(rest[0]!.text)) return -1
    if (rest.some((t) => TITLES.has(t.lower) || ORGANISATION_HEADS.has(t.lower))) return -1
    return tokens.slice(0, i).every((t) => t.capital && !t.possessive) ? i : -1
  }
  return -1
}

/** What a capitalised run names, from its words and the titles it came with. */
export function classify(rest: Token[], titles: Token[]): EntityKind {
  if (rest.some(isOrganisationWord)) return 'organisation'
  if (rest.length === 1 && isAcronym(rest[0]!)) return 'organisation'
  const words = rest.map((t) => t.lower)
  const directional = new Set(['north', 'south', 'east', 'west', 'united', 'new', 'republic', 'of'])
  if (
    words.some((w) => PLACE_WORDS.has(w)) &&
    words.every((w) => PLACE_WORDS.has(w) || directional.has(w) || w === 'the')
  )
    return 'place'
  if (titles.length > 0) return 'person'
  const lastWord = words[words.length - 1]!
  if (DEMONYM.test(lastWord) && !genderOfGivenName(words[0]!) && rest.length <= 2) return 'other'
  if (rest.length === 1 && /^(?:\p{L}\.)+$/u.test(rest[0]!.text)) return 'place' // U.S., U.K.
  if (/\./.test(lastWord) || /\d/.test(lastWord)) return 'other'
  return rest.length > 1 ? 'person' : 'other'
}

/** A word that heads an organisation's name (Commission, Council, House). */
export function isOrganisationWord(token: Token): boolean {
  return ORGANISATION_HEADS.has(token.lower) || token.lower === 'house' || token.lower === 'nations'
}

/** NATO, BBC, KCNA: an acronym names an organisation. */
export function isAcronym(token: Token): boolean {
  return /^\p{Lu}{2,6}$/u.test(token.text)
}

/** A name word for matching: lowercase, one kind of apostrophe. */
export function normaliseWord(token: Token): string {
  return token.lower.includes('’') ? token.lower.replace(/’/g, "'") : token.lower
}

/** A whole name for matching: hyphens as spaces (Kim Jong-un = Kim Jong Un). */
export function keyOf(tokens: Token[]): string {
  let key = ''
  for (const token of tokens) key += (key ? ' ' : '') + normaliseWord(token)
  return key.includes('-') ? key.replace(/-/g, ' ') : key
}

/** Whether `words` ends with `tail` (a surname). */
export function endsWith(words: string[], tail: string[]): boolean {
  return tail.every((word, i) => words[words.length - tail.length + i] === word)
}

/** Whether `words` starts with `head` (a given name, or Kim of Kim Jong Un). */
export function startsWith(words: string[], head: string[]): boolean {
  return head.every((word, i) => words[i] === word)
}

/**
 * The head noun of a noun phrase: the last word before a preposition or the end
 * ("a senior adviser to Kim" → adviser; "the company's chief executive" → executive).
 */
export function headOf(words: Token[]): { token: Token; index: number } | null {
  let end = words.length
  for (let i = 1; i < words.length; i++) {
    if (
      ['to', 'of', 'for', 'at', 'in', 'with', 'from', 'by', 'on', 'who', 'that', 'which'].includes(
        words[i]!.lower
      )
    ) {
      end = i
      break
    }
  }
  const index = end - 1
  const token = words[index]
  return token ? { token, index } : null
}

/** "an unnamed North Korean foreign ministry spokesman" → "North Korean foreign ministry". */
export function organisationFromModifiers(words: Token[], headIndex: number): string | null {
  const modifiers = words
    .slice(0, headIndex)
    .filter((t) => !UNNAMED_MODIFIERS.has(t.lower) && !t.possessive)
  if (modifiers.length === 0) return null
  return modifiers.map((t) => t.text).join(' ')
}

/** A descriptive speaker as the article writes it, determiner lowercased, punctuation trimmed. */
export function tidyPhrase(phrase: string): string {
  const trimmed = phrase.replace(/^[\s,;:]+|[\s,;:.]+$/g, '').replace(/\s+/g, ' ')
  return trimmed.replace(/^(A|An|The|One)\b/, (word) => word.toLowerCase())
}
