/**
 * Finds the words that say who is speaking a quotation where news writing puts them most:
 * after it (`"…," X said`, `"…," said X, the title of Y`) or before it (`X said: "…"`,
 * `X wrote on Twitter: "…"`); sentence-attribution.ts looks elsewhere in its sentence.
 * It returns the speaker phrase as tokens; cast.ts turns that phrase into a name.
 */
import {
  AFTER_QUOTE_VERBS,
  CLAUSE_BOUNDARIES,
  DETERMINERS,
  isPhrasalSpeech,
  NAME_PARTICLES,
  SPEECH_VERBS,
  VERB_MODIFIERS
} from './lexicon'
import {
  MAX_PHRASE_WORDS,
  namedAfterRole,
  nameWithApposition,
  phraseAfterVerb
} from './speaker-phrase'
import type { Range } from './sentences'
import { isClauseEnd, type Token, type TokenIndex } from './tokens'
import { nameEnd, nameStart, subjectBefore } from './verb-subject'

/** Where the attribution stood relative to the quotation. */
export type Placement = 'after' | 'before' | 'sentence'

/** A speaker phrase found for a quotation. */
export interface Attribution {
  /** The words standing for the speaker: a name, a pronoun or a description. */
  phrase: Token[]
  /** True when the speaker is the subject of the sentence rather than a phrase of its own. */
  sentenceSubject: boolean
  placement: Placement
  /** Reported words in the same sentence: a pronoun there cannot mean anyone named in them. */
  reported: Range | null
  /** A colon and no speech verb: only a named subject makes the quotation someone's words. */
  noVerb?: boolean
}

/** How far (in characters) attribution looks from a quotation; keeps huge paragraphs cheap. */
export const WINDOW = 400

/** The text around one quotation that attribution reads. */
export interface QuoteSurroundings {
  text: string
  tokens: TokenIndex
  /** The quotation, marks included. */
  span: Range
  /** The sentence(s) holding the quotation: from the start of the first to the end of the last. */
  sentence: Range
  /** The paragraph holding the quotation's start. */
  paragraph: Range
  /** Where the previous top-level quotation ends and the next one starts. */
  previousEnd: number
  nextStart: number
  /** Other top-level quotations near this one, to skip when reading words around it. */
  nearby: Range[]
  /** True when a quote is its own sentence(s): nothing but the quotation between boundaries. */
  standalone: boolean
}

/**
 * The attribution right after the quotation: `"…," X said` or `"…," said X`. Only when the
 * quotation ends the way a quotation followed by its speaker does (comma, question or
 * exclamation mark, dash) or a comma follows it.
 */
export function attributionAfter(s: QuoteSurroundings): Attribution | null {
  const { text, span } = s
  const limit = Math.min(s.nextStart, s.paragraph[1], span[1] + WINDOW)
  const tokens = clause(s.tokens.between(span[1], limit))
  // The last character the speaker wrote: past a nested quotation's closing mark and stray
  // spaces (`"…'a flight to quality,' "`).
  const inner =
    /([^\s'’"”])[\s'’"”]*$/u.exec(text.slice(Math.max(0, span[1] - 8), span[1] - 1))?.[1] ?? ''
  const first = tokens[0]
  if (!first) return null
  const opensClause = first.punct && /^[,—–―-]/.test(first.text)
  // A quotation opening its sentence with no comma (`"…" Grubbs said.`) is still introduced.
  const opensSentence = /^[\s(—–-]*$/.test(text.slice(s.sentence[0], span[0]))
  if (!/[,?!—–\-…]/.test(inner) && !opensClause && !opensSentence) {
    // `"…." he said` is a typo worth forgiving only when a pronoun or verb follows at once.
    if (!(inner === '.' && !first.punct && !first.capital)) return null
  }
  const words = opensClause ? tokens.slice(1) : tokens
  // `"…" ― Ana Ruiz`: a dash, then nothing but a name, signs the quotation (a collection of
  // readers' or voters' words, an epigraph).
  if (opensClause && first.text !== ',' && signature(words)) {
    return { phrase: words, sentenceSubject: false, placement: 'after', reported: null }
  }
  return speakerInClause(
    words,
    'after',
    s.standalone ? null : [s.sentence[0], span[0]],
    AFTER_QUOTE_VERBS
  )
}

/** Whether `words` are a name alone, two to five capitalised words, as a signature. */
function signature(words: Token[]): boolean {
  return (
    words.length >= 2 &&
    words.length <= 5 &&
    words.every((t) => !t.punct && (t.capital || NAME_PARTICLES.has(t.lower))) &&
    words[0]!.text !== words[0]!.text.toUpperCase()
  )
}

/**
 * The attribution leading into the quotation: `X said: "…"`, `he added, "…"`. The text before
 * the quotation (in its sentence) must end in a colon or comma, or in the speech verb itself.
 */
export function attributionBefore(s: QuoteSurroundings): Attribution | null {
  const { span } = s
  const from = Math.max(s.sentence[0], s.previousEnd, span[0] - WINDOW)
  const tokens = s.tokens.between(from, span[0])
  const last = tokens[tokens.length - 1]
  if (!last) return null
  const introduces = last.punct
    ? last.text === ':' || last.text === ','
    : SPEECH_VERBS.has(last.lower)
  if (!introduces) return null
  // "Continued Stone: "…"", "Said Trump: "…"": the verb opens the sentence, the name follows.
  const opener = tokens[0]!
  if (
    last.text === ':' &&
    tokens.length >= 3 &&
    tokens.length <= 6 &&
    opener.capital &&
    SPEECH_VERBS.has(opener.lower) &&
    tokens.slice(1, -1).every((t) => t.capital && !t.punct)
  )
    return {
      phrase: tokens.slice(1, -1),
      sentenceSubject: false,
      placement: 'before',
      reported: null
    }
  // "Said Dorothy Poynter, who grew up nearby, "…"": the verb opens the sentence, an aside
  // follows the name.
  if (opener.capital && SPEECH_VERBS.has(opener.lower) && tokens[1]?.capital) {
    const name = tokens.slice(1, nameEnd(tokens, 1))
    const after = tokens[1 + name.length]
    if (name.length <= 5 && (after === last || after?.text === ','))
      return { phrase: name, sentenceSubject: false, placement: 'before', reported: null }
  }
  // "… – Michael P. McDonald: "…"": a name of two words or more set apart as a label.
  const beforeColon = tokens[tokens.length - 2]
  if (last.text === ':' && beforeColon?.capital && !beforeColon.punct) {
    const start = nameStart(tokens, tokens.length - 2)
    const before = tokens[start - 1]
    const label = tokens.slice(start, -1)
    if (
      label.length >= 2 &&
      label.length <= 4 &&
      !label.every((t) => t.text === t.text.toUpperCase()) &&
      (!before || /^[—–-]$/.test(before.text))
    )
      return { phrase: label, sentenceSubject: false, placement: 'before', reported: null }
  }
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!
    if (isClauseEnd(token)) break
    if ((!SPEECH_VERBS.has(token.lower) || token.capital) && !isPhrasalSpeech(tokens, i)) continue
    const subject = subjectBefore(tokens, i)
    if (subject)
      return { phrase: subject, sentenceSubject: false, placement: 'before', reported: null }
    // "In other words, explained CBS moderator Nancy Cordes: "…"": the verb inverted.
    const inverted = last.text === ':' ? phraseAfterVerb(tokens.slice(0, -1), i + 1) : null
    if (inverted?.[0]?.capital)
      return { phrase: inverted, sentenceSubject: false, placement: 'before', reported: null }
    return { phrase: [], sentenceSubject: true, placement: 'before', reported: null }
  }
  // "Okafor was blunt: "…"": a colon hands the quotation to the sentence's subject.
  if (last.text === ':')
    return { phrase: [], sentenceSubject: true, placement: 'before', reported: null, noVerb: true }
  return null
}

/**
 * Reads `said X`, `X said`, `X told reporters` at the start of a clause. Returns null when the
 * clause does not open with one of those shapes.
 */
export function speakerInClause(
  words: Token[],
  placement: Placement,
  reported: Range | null,
  alsoVerbs?: Set<string>
): Attribution | null {
  const first = words[0]
  if (!first) return null
  const isVerb = (t: Token): boolean =>
    !t.capital && (SPEECH_VERBS.has(t.lower) || (alsoVerbs?.has(t.lower) ?? false))
  if (isVerb(first)) {
    // `"…," telling reporters in Scotland`: a participle has no subject after it; the
    // sentence's subject speaks, and what follows is who was told.
    if (first.lower.endsWith('ing'))
      return { phrase: [], sentenceSubject: true, placement, reported }
    const phrase = phraseAfterVerb(words, 1)
    return phrase ? { phrase, sentenceSubject: false, placement, reported } : null
  }
  if (first.lower === 'according' && words[1]?.lower === 'to') {
    const phrase = phraseAfterVerb(words, 2)
    return phrase ? { phrase, sentenceSubject: false, placement, reported } : null
  }
  const apposition = nameWithApposition(words, isVerb)
  if (apposition) return { phrase: apposition, sentenceSubject: false, placement, reported }
  for (let i = 1; i < Math.min(words.length, MAX_PHRASE_WORDS + 1); i++) {
    const token = words[i]!
    if (token.punct && token.text !== ',') return null
    if (!isVerb(token) && !isPhrasalSpeech(words, i)) continue
    let phrase = words.slice(0, i).filter((t) => !VERB_MODIFIERS.has(t.lower))
    // "Smith, a farmer, said": the name before the apposition; "the White House spokesman,
    // Josh Earnest, said": the name after a role.
    const comma = phrase.findIndex((t) => t.punct)
    if (comma >= 0) phrase = namedAfterRole(phrase, comma) ?? phrase.slice(0, comma)
    if (phrase.length === 0) return null
    if (phrase.some((t) => CLAUSE_BOUNDARIES.has(t.lower) && !DETERMINERS.has(t.lower))) return null
    return { phrase, sentenceSubject: false, placement, reported }
  }
  return null
}

/** Cuts tokens at the first full stop, semicolon or other sentence end. */
function clause(tokens: Token[]): Token[] {
  const end = tokens.findIndex(isClauseEnd)
  return end < 0 ? tokens : tokens.slice(0, end)
}
