/**
 * How much of a query is searched. A person types a few words; a paste can be a page. Past a
 * long sentence every further required word only narrows an answer that is already one
 * article, while each one costs a pass over its postings and a reading of the candidates, so
 * the search box sends the query's beginning and says so, main refuses a longer payload
 * (ipc/schemas.ts), and the parser reads no more than `MAX_QUERY_WORDS` words of whatever
 * reaches it.
 */
import { tokenize } from './tokenize'

/**
 * Characters of a query sent to main: ten lines of prose, far past any typed query and short
 * enough that reading it costs nothing. A longer payload is refused as hostile.
 */
export const MAX_QUERY_LENGTH = 1000

/**
 * Words of a query that are searched, stop words included: a long sentence or a pasted
 * passage's opening, enough to single out the article it came from, and a sentence or two of
 * Chinese or Japanese, where every character is a word (tokenize.ts). Work grows with every
 * distinct word: at 1,000 generated articles a paste of 150 common words took up to 200 ms
 * to answer, the first 64 of them about half that.
 */
export const MAX_QUERY_WORDS = 64

/** What is searched of a query, and why it is shorter than what was typed. */
export interface LimitedQuery {
  /** The query itself, or its beginning cut between words, ending in a space (see below). */
  text: string
  /** `characters`: over `MAX_QUERY_LENGTH`; `words`: over `MAX_QUERY_WORDS`; null: whole. */
  cut: 'characters' | 'words' | null
}

const SPACE = /\s/

/**
 * The part of `raw` to search: all of it when it is within both limits, else its beginning,
 * cut between words (inside one enormous word, between code points: never through a
 * surrogate pair). A cut query ends in a space, which the parser reads as "the last word is
 * finished", so a word the cut ended is not taken for a prefix being typed.
 */
export function limitQuery(raw: string): LimitedQuery {
  let text = raw
  let cut: LimitedQuery['cut'] = null
  if (raw.length > MAX_QUERY_LENGTH) {
    // One place kept free for the closing space.
    let end = MAX_QUERY_LENGTH - 1
    let space = end
    while (space > 0 && !SPACE.test(raw[space]!)) space--
    if (space > 0) end = space
    else if (isHighSurrogate(raw.charCodeAt(end - 1))) end--
    text = `${raw.slice(0, end).trimEnd()} `
    cut = 'characters'
  }
  const tokens = tokenize(text)
  if (tokens.length > MAX_QUERY_WORDS) {
    text = `${text.slice(0, tokens[MAX_QUERY_WORDS - 1]!.end)} `
    cut = 'words'
  }
  return { text, cut }
}

/** The quiet hint under the search box for a cut query; null when the whole query is searched. */
export function describeLimit(limited: LimitedQuery): string | null {
  if (limited.cut === 'characters')
    return `Searching the first ${MAX_QUERY_LENGTH.toLocaleString('en')} characters`
  if (limited.cut === 'words') return `Searching the first ${MAX_QUERY_WORDS} words`
  return null
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
