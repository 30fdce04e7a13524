/**
 * Finds the words that say who is speaking a quotation, where news writing puts them:
 * after it (`"…," X said`, `"…," said X, the title of Y`), before it (`X said: "…"`,
 * `X wrote on Twitter: "…"`), or elsewhere in its sentence (`Esper said it could "…"`,
 * `what an adviser called "fruitless"`, `Trump is on a "fool's errand", said Haas`).
 * It returns the speaker phrase as tokens; cast.ts turns that phrase into a name.
 */
import {
  AFTER_QUOTE_VERBS,
  continuesName,
  CLAUSE_BOUNDARIES,
  DETERMINERS,
  isPhrasalSpeech,
  NAME_PARTICLES,
  NAMING_VERBS,
  PREPOSITIONS,
  SELF_PRONOUNS,
  SPEECH_VERBS,
  STRONG_SPEECH_VERBS,
  SUBJECT_PRONOUNS,
  VERB_MODIFIERS
} from './lexicon'
import type { Range } from './sentences'
import { isClauseEnd, type Token, type TokenIndex } from './tokens'

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
const WINDOW = 400
/** The most words a speaker phrase after the quote may take before the verb ("Defense Secretary Mark Esper told"). */
const MAX_PHRASE_WORDS = 8

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
 * A speaker named elsewhere in the quotation's sentence: a speech verb before it whose subject
 * is the speaker, or a closing `, said X` / `, X said` clause. `strongOnly` limits the verbs to
 * those that make a few quoted words someone's own (said, called), not a term held at arm's
 * length (predicted, praised).
 */
export function attributionInSentence(
  s: QuoteSurroundings,
  strongOnly: boolean
): Attribution | null {
  const { span, sentence } = s
  const verbs = strongOnly ? STRONG_SPEECH_VERBS : SPEECH_VERBS
  // A closing ", said X." after the quotation, possibly after more words of the sentence.
  const afterFrom = span[1]
  const afterTo = Math.min(sentence[1], afterFrom + WINDOW)
  const after = withoutQuotes(s, s.tokens.between(afterFrom, afterTo))
  for (let i = after.length - 1; i > 0; i--) {
    const token = after[i]!
    if (!SPEECH_VERBS.has(token.lower) || token.capital) continue
    const comma = lastPunctBefore(after, i)
    if (comma === null || after[comma]!.text !== ',') continue
    const clauseWords = after.slice(comma + 1)
    const found = speakerInClause(clauseWords, 'sentence', [sentence[0], after[comma]!.start])
    if (found) return found
  }
  const beforeFrom = Math.max(sentence[0], span[0] - WINDOW)
  const before = withoutQuotes(s, s.tokens.between(beforeFrom, span[0]))
  for (let i = before.length - 1; i >= 0; i--) {
    const token = before[i]!
    // "…, which Teague’s administration closed as a “temporary” saving": a relative clause
    // between a verb and the quotation has a subject of its own; the verb does not reach in.
    if (token.lower === 'which' || token.lower === 'who' || token.text === ';') break
    if ((!verbs.has(token.lower) || token.capital) && !isPhrasalSpeech(before, i)) continue
    // A naming verb reaches over its object only ("calling former vice president … Biden a").
    if (NAMING_VERBS.has(token.lower) && before.length - i > 14) continue
    const subject = subjectBefore(before, i)
    if (subject)
      return { phrase: subject, sentenceSubject: false, placement: 'sentence', reported: null }
    return { phrase: [], sentenceSubject: true, placement: 'sentence', reported: null }
  }
  return null
}

/**
 * A sentence without quotation that reports speech: `…, he said.` / `…, said X.` at its end, or
 * `X said …` at its start. Such sentences carry the speaker into a quotation that follows alone.
 */
export function speechInSentence(index: TokenIndex, sentence: Range): Attribution | null {
  // Only the sentence's two ends matter: a closing ", he said." or an opening "She said".
  // "Sen. Dora Penn, who lost the primary, said …" opens it: the name before the aside.
  const opening = index.between(sentence[0], Math.min(sentence[1], sentence[0] + WINDOW))
  const named = nameWithApposition(opening, (t) => !t.capital && STRONG_SPEECH_VERBS.has(t.lower))
  if (named) return { phrase: named, sentenceSubject: false, placement: 'sentence', reported: null }
  const tail = index
    .between(Math.max(sentence[0], sentence[1] - WINDOW), sentence[1])
    .filter((t) => !isClauseEnd(t))
  for (let i = tail.length - 1; i > 0 && tail.length - i <= MAX_PHRASE_WORDS + 2; i--) {
    const token = tail[i]!
    if (!STRONG_SPEECH_VERBS.has(token.lower) || token.capital) continue
    const comma = lastPunctBefore(tail, i)
    if (comma === null || tail[comma]!.text !== ',') continue
    const found = speakerInClause(tail.slice(comma + 1), 'sentence', [
      sentence[0],
      tail[comma]!.start
    ])
    if (found) return found
  }
  const words = index.between(sentence[0], Math.min(sentence[1], sentence[0] + WINDOW))
  for (let i = 1; i < Math.min(words.length, MAX_PHRASE_WORDS + 1); i++) {
    const token = words[i]!
    if (token.punct) break
    if (!STRONG_SPEECH_VERBS.has(token.lower) || token.capital) continue
    const subject = subjectBefore(words, i)
    if (subject && subject[0] === words[0])
      return { phrase: subject, sentenceSubject: false, placement: 'sentence', reported: null }
    break
  }
  return null
}

/**
 * Reads `said X`, `X said`, `X told reporters` at the start of a clause. Returns null when the
 * clause does not open with one of those shapes.
 */
function speakerInClause(
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

/**
 * `the White House spokesman, Josh Earnest,` / `another friend, Mariam Emara,`: a role ending
 * in a lowercase noun, then a name set off by commas, is that name.
 */
function namedAfterRole(phrase: Token[], comma: number): Token[] | null {
  const role = phrase[comma - 1]
  if (!role || role.capital || role.possessive) return null
  let end = comma + 1
  while (end < phrase.length && !phrase[end]!.punct) end++
  const name = phrase.slice(comma + 1, end)
  if (name.length === 0 || name.length > 4 || !name.every((t) => t.capital)) return null
  return name
}

/** How many words an apposition between a name and its verb may take. */
const MAX_APPOSITION_WORDS = 30

/**
 * `Elaine Kamarck, a senior fellow at the Brookings Institution, said …`: a name, an
 * apposition between commas, then the verb. The name is the clause's opening capitalised run.
 */
function nameWithApposition(words: Token[], isVerb: (t: Token) => boolean): Token[] | null {
  if (!words[0]?.capital || DETERMINERS.has(words[0].lower)) return null
  let end = 0
  while (end < words.length && !words[end]!.punct && words[end]!.capital) end++
  if (end === 0 || end > 5 || words[end]?.text !== ',') return null
  for (let i = end + 1; i < Math.min(words.length, end + MAX_APPOSITION_WORDS); i++) {
    const token = words[i]!
    if (token.punct && token.text !== ',' && token.text !== '(' && token.text !== ')') return null
    if (isVerb(token) && words[i - 1]?.text === ',' && i - 1 > end) return words.slice(0, end)
  }
  return null
}

/** The phrase after an inverted verb: `said Kim Kye Gwan, a veteran diplomat` → Kim Kye Gwan. */
function phraseAfterVerb(words: Token[], from: number): Token[] | null {
  const phrase: Token[] = []
  for (let i = from; i < words.length && phrase.length < MAX_PHRASE_WORDS; i++) {
    const token = words[i]!
    // "says Lee's partner, Sam Ortiz": a role set off from the name that follows it.
    if (token.text === ',' && phrase.length > 0)
      return namedAfterRole([...phrase, ...words.slice(i)], phrase.length) ?? phraseEnd(phrase)
    if (token.punct) break
    if (phrase.length > 0 && CLAUSE_BOUNDARIES.has(token.lower)) break
    phrase.push(token)
  }
  return phraseEnd(phrase)
}

/** The speaker in the words after an inverted verb, up to the first punctuation. */
function phraseEnd(phrase: Token[]): Token[] | null {
  if (phrase.length === 0) return null
  // "said in an analysis", "said on Friday": no speaker after the verb.
  if (PREPOSITIONS.has(phrase[0]!.lower) || phrase[0]!.lower === 'like') return null
  // "said Smith on Monday": a capitalised name ends at the first lowercase word after it.
  if (phrase[0]!.capital && !DETERMINERS.has(phrase[0]!.lower)) return lastNameRun(phrase)
  return phrase
}

/**
 * The name in `said Pentagon spokesman Navy Capt. Jeff Davis` or `said undecided Republican
 * voter Stephanie Hooton of Derry`: capitalised runs up to the first preposition, the last of
 * them when lowercase words (a role) stand between, since the person follows their role.
 */
function lastNameRun(phrase: Token[]): Token[] {
  let start = phrase[0]!.capital ? 0 : -1
  let end = -1
  for (let k = 0; k < phrase.length; k++) {
    const t = phrase[k]!
    const inName = t.capital || (start >= 0 && continuesName(t.lower, phrase[k - 1]?.text))
    if (inName) {
      if (start < 0) start = k
      end = k + 1
      continue
    }
    if (end < 0 || PREPOSITIONS.has(t.lower) || CLAUSE_BOUNDARIES.has(t.lower)) break
    // A lowercase word: a role between an organisation and a name, or the end of the name.
    const next = phrase.findIndex((u, m) => m > k && u.capital)
    const between = next < 0 ? [] : phrase.slice(k, next)
    // An owner's role may run longer: "Clinton's top foreign policy aide Jake Sullivan".
    const reach = phrase[k - 1]?.possessive ? 5 : 3
    if (next < 0 || between.length > reach || between.some((u) => PREPOSITIONS.has(u.lower))) break
    start = next
    end = next
    k = next - 1
  }
  return phrase.slice(Math.max(0, start), Math.max(end, 1))
}

/**
 * The subject of the verb at `verbIndex`, walking back over adverbs and auxiliaries: a pronoun,
 * a name (with a determiner, or a description it sits in: "a senior adviser to Kim"), or a
 * description led by a determiner ("the statement", "a Trump loyalist"). Null when the verb
 * has no subject of its own (a participle after a preposition: "before saying").
 */
/** Forms of "to be" before a participle: "She is noting", "he was quoted as saying". */
const BE = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being'])

export function subjectBefore(tokens: Token[], verbIndex: number): Token[] | null {
  const verb = tokens[verbIndex]!
  const participle = verb.lower.endsWith('ing')
  let i = verbIndex - 1
  while (
    i >= 0 &&
    !tokens[i]!.punct &&
    (VERB_MODIFIERS.has(tokens[i]!.lower) ||
      BE.has(tokens[i]!.lower) ||
      (/ly$/.test(tokens[i]!.lower) && !tokens[i]!.capital))
  )
    i--
  const last = tokens[i]
  if (!last) return null
  if (!participle && (last.text === ',' || last.lower === 'who' || last.lower === 'which')) {
    // "Ruth Callan, Easton's lawyer, said", "Varga, whose side had led, said",
    // "Keller Engineering, which said": the name before the clause between commas.
    return nameBeforeAside(tokens, i)
  }
  if (last.punct) return null
  if (SUBJECT_PRONOUNS.has(last.lower) || SELF_PRONOUNS.has(last.lower)) return [last]
  if (participle && (PREPOSITIONS.has(last.lower) || CLAUSE_BOUNDARIES.has(last.lower))) return null
  if (CLAUSE_BOUNDARIES.has(last.lower) || PREPOSITIONS.has(last.lower)) return null
  let start = i
  if (last.capital) {
    while (
      start > 0 &&
      !tokens[start - 1]!.punct &&
      (tokens[start - 1]!.capital || isNameConnector(tokens, start - 1))
    )
      start--
    if (start > 0 && tokens[start - 1]!.lower === 'the') start--
  } else {
    // "released a statement saying", "at one point calling": a participle after a lowercase
    // noun phrase takes the sentence's subject, not that phrase (its object or an adverbial).
    if (participle) return null
    // A description: back to its determiner, within a few words and the same clause.
    const found = descriptionStart(tokens, i, 7, true)
    if (found < 0) return bareSubject(tokens, i)
    start = found
  }
  // "a senior adviser to Kim called": the name sits in a description of the real subject.
  // A participle ("North Korea recently calling") takes no such extension.
  while (!participle && start > 0 && PREPOSITIONS.has(tokens[start - 1]!.lower)) {
    const found = descriptionStart(tokens, start - 2, 6, false)
    if (found < 0) break
    start = found
  }
  return tokens.slice(start, i + 1)
}

/**
 * Where a description ending at `from` starts: at its determiner ("the statement", "a senior
 * adviser"), looking back at most `reach` words and not past the clause. With `owners`, a
 * capitalised possessive also counts, from its name's first word. -1 when there is none.
 */
function descriptionStart(tokens: Token[], from: number, reach: number, owners: boolean): number {
  for (let k = from; k >= 0 && from - k < reach; k--) {
    const token = tokens[k]!
    if (token.punct || (CLAUSE_BOUNDARIES.has(token.lower) && !DETERMINERS.has(token.lower)))
      return -1
    if (DETERMINERS.has(token.lower) && token.lower !== 'that') return k
    // "Kim Kye Gwan's statement": the owner's name stands where a determiner would.
    if (owners && token.possessive && token.capital) return nameStart(tokens, k)
  }
  return -1
}

/** Where the run of capitalised words starting at `start` ends (exclusive). */
function nameEnd(tokens: Token[], start: number): number {
  let end = start
  while (end < tokens.length && tokens[end]!.capital && !tokens[end]!.punct) end++
  return end
}

/** The first word of the run of capitalised words that ends at `end`. */
function nameStart(tokens: Token[], end: number): number {
  let start = end
  while (start > 0 && tokens[start - 1]!.capital && !tokens[start - 1]!.punct) start--
  return start
}

/**
 * The name standing before an aside that ends at `end` (a comma, "who" or "which"):
 * `NAME, aside, said` or `role, NAME, said` or `NAME, who/which said`.
 */
function nameBeforeAside(tokens: Token[], end: number): Token[] | null {
  const nameEndingAt = (k: number): Token[] | null => {
    if (k < 0 || !tokens[k]!.capital || tokens[k]!.punct) return null
    return tokens.slice(nameStart(tokens, k), k + 1)
  }
  const relative = tokens[end]!.lower === 'who' || tokens[end]!.lower === 'which'
  if (relative) return tokens[end - 1]?.text === ',' ? nameEndingAt(end - 2) : null
  // "role, NAME, said": the name just before the comma.
  const direct = nameEndingAt(end - 1)
  if (direct) {
    const before = tokens[end - 1 - direct.length]
    if (!before || before.text === ',') return direct
  }
  // "NAME, aside, said": back over the aside to the comma that opens it, and over a second
  // aside when the first opens on words ending in a name ("Jean Roux, the minister of France,
  // a member of the council, said": not France).
  let found: Token[] | null = null
  for (let k = end - 1; k >= 0 && end - k < 32; k--) {
    const token = tokens[k]!
    if (token.text !== ',') {
      if (token.punct) break
      continue
    }
    const name = nameEndingAt(k - 1)
    if (!name) break
    const before = tokens[k - 1 - name.length]
    if (!before || before.punct) return name
    found ??= name
  }
  return found
}

/** "officials said", "Residents told": a plural noun alone, or up to three words of one. */
function bareSubject(tokens: Token[], i: number): Token[] | null {
  let start = i
  while (
    start > 0 &&
    i - start < 2 &&
    !tokens[start - 1]!.punct &&
    !CLAUSE_BOUNDARIES.has(tokens[start - 1]!.lower) &&
    !PREPOSITIONS.has(tokens[start - 1]!.lower) &&
    !VERB_MODIFIERS.has(tokens[start - 1]!.lower)
  )
    start--
  const phrase = tokens.slice(start, i + 1)
  return phrase.length > 0 ? phrase : null
}

function isNameConnector(tokens: Token[], index: number): boolean {
  const token = tokens[index]!
  const previous = tokens[index - 1]
  return (previous?.capital ?? false) && continuesName(token.lower, previous?.text)
}

/** Cuts tokens at the first full stop, semicolon or other sentence end. */
function clause(tokens: Token[]): Token[] {
  const end = tokens.findIndex(isClauseEnd)
  return end < 0 ? tokens : tokens.slice(0, end)
}

function lastPunctBefore(tokens: Token[], index: number): number | null {
  for (let i = index - 1; i >= 0; i--) if (tokens[i]!.punct) return i
  return null
}

function withoutQuotes(s: QuoteSurroundings, tokens: Token[]): Token[] {
  return tokens.filter((t) => !s.nearby.some(([start, end]) => t.start >= start && t.start < end))
}
