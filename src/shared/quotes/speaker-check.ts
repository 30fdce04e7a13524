/**
 * The last gate before a speaker is shown: a wrong name is worse than none, so a phrase that
 * cannot be a speaker (a fragment of the sentence, a time, a place, a headline's words) gives
 * `null`, and the quotation is shown unattributed.
 */
import {
  CAPITALISED_FUNCTION_WORDS,
  CLAUSE_BOUNDARIES,
  DETERMINERS,
  PLACE_WORDS,
  PREPOSITIONS,
  SPEECH_VERBS
} from './lexicon'

/** Words that name a time, never a speaker ("Trump Wednesday", "last week"). */
export const TIME_WORDS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april june
  july august september october november december today yesterday tonight tomorrow week month
  year morning afternoon evening night weekend`.split(/\s+/)
)

/** Lowercase words that end no speaker phrase: it stops mid-way ("a copy of the letter by The"). */
const DANGLING = new Set([...DETERMINERS, ...PREPOSITIONS, ...CLAUSE_BOUNDARIES, 'and', 'or'])

/** Capitalised small words that show a headline's title case, not a name ("Stands Tall On"). */
const HEADLINE_WORDS = new Set(
  `on for with about to in at from is are was were says said will has have after over into
  than vs`.split(/\s+/)
)

/** Determiners a shown description may open with ("a Trump loyalist", "the mayor"). */
const DESCRIPTION_OPENERS = new Set(['a', 'an', 'the', 'one', 'another'])

/** Whether `speaker` can be shown as someone's name or description. */
export function plausibleSpeaker(speaker: string, kind?: string): boolean {
  const words = speaker.split(/\s+/).filter((w) => w.length > 0)
  const first = words[0]
  if (!first) return false
  const lower = words.map((w) => w.toLowerCase().replace(/[’']s$/, ''))
  // A country or capital speaks for its government ("North Korea said"); a town does not.
  if (kind === 'place' && !lower.some((w) => PLACE_WORDS.has(w))) return false
  const last = lower[lower.length - 1]!
  if (DANGLING.has(last) && words.length > 1) return false
  if (lower.some((w) => SPEECH_VERBS.has(w) || TIME_WORDS.has(w))) return false
  const capitalised = /^\p{Lu}/u.test(first)
  if (!capitalised) {
    // A description as the article writes it ("a Trump loyalist") or a bare noun ("officials").
    // "his announcement speech", "that Sanders can catch Clinton": a description pointing
    // back at someone unnamed is no speaker to show.
    if (DETERMINERS.has(lower[0]!)) return words.length > 1 && DESCRIPTION_OPENERS.has(lower[0]!)
    return (
      words.length <= 2 &&
      !CAPITALISED_FUNCTION_WORDS.has(lower[0]!) &&
      !PREPOSITIONS.has(lower[0]!) &&
      !CLAUSE_BOUNDARIES.has(lower[0]!)
    )
  }
  if (words.length === 1 && CAPITALISED_FUNCTION_WORDS.has(lower[0]!)) return false
  return !looksLikeHeadline(speaker) && words.length <= 7
}

/**
 * A capitalised run that is a headline's words, not a name: title-case small words inside it
 * ("Paul Ryan With Trump", "Trump Stands Tall On Proposal") or three words in capitals.
 */
export function looksLikeHeadline(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => w.length > 0)
  if (words.length >= 3 && words.every((w) => !/\p{Ll}/u.test(w))) return true
  return words
    .slice(1)
    .some((w) => /^\p{Lu}/u.test(w) && HEADLINE_WORDS.has(w.toLowerCase().replace(/[’']s$/, '')))
}
