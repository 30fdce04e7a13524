/**
 * The subject of a speech verb, read backwards from the verb: a pronoun, a name (past an
 * aside between commas), or a description led by a determiner or an owner's name.
 */
import {
  continuesName,
  CLAUSE_BOUNDARIES,
  DETERMINERS,
  PREPOSITIONS,
  SELF_PRONOUNS,
  SUBJECT_PRONOUNS,
  VERB_MODIFIERS
} from './lexicon'
import type { Token } from './tokens'

/** Forms of "to be" before a participle: "She is noting", "he was quoted as saying". */
const BE = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being'])

/**
 * The subject of the verb at `verbIndex`, walking back over adverbs and auxiliaries: a pronoun,
 * a name (with a determiner, or a description it sits in: "a senior adviser to Kim"), or a
 * description led by a determiner ("the statement", "a Trump loyalist"). Null when the verb
 * has no subject of its own (a participle after a preposition: "before saying").
 */
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
export function nameEnd(tokens: Token[], start: number): number {
  let end = start
  while (end < tokens.length && tokens[end]!.capital && !tokens[end]!.punct) end++
  return end
}

/** The first word of the run of capitalised words that ends at `end`. */
export function nameStart(tokens: Token[], end: number): number {
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
