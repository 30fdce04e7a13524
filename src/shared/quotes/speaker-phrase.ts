/**
 * How far a speaker phrase reaches once its start is known: the name after an inverted verb
 * (`said Pentagon spokesman Navy Capt. Jeff Davis`), a name after a role set off by commas,
 * a name before an apposition and its verb.
 */
import { continuesName, CLAUSE_BOUNDARIES, DETERMINERS, PREPOSITIONS } from './lexicon'
import type { Token } from './tokens'

/** The most words a speaker phrase after the quote may take before the verb ("Defense Secretary Mark Esper told"). */
export const MAX_PHRASE_WORDS = 8

/**
 * `the White House spokesman, Josh Earnest,` / `another friend, Mariam Emara,`: a role ending
 * in a lowercase noun, then a name set off by commas, is that name.
 */
export function namedAfterRole(phrase: Token[], comma: number): Token[] | null {
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
export function nameWithApposition(words: Token[], isVerb: (t: Token) => boolean): Token[] | null {
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
export function phraseAfterVerb(words: Token[], from: number): Token[] | null {
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
