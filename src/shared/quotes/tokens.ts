/**
 * Words and punctuation of a stretch of text, with their offsets: what attribution rules read
 * instead of raw characters. Abbreviations keep their full stop ("Mr.", "U.S."); a full stop
 * that ends a sentence is a token of its own.
 */
import { ABBREVIATIONS } from './lexicon'

export interface Token {
  /** The token as written, possessive ending removed ("Korea's" → "Korea"). */
  text: string
  /** Lowercase, for word-list look-ups. */
  lower: string
  start: number
  end: number
  /** Starts with a capital letter. */
  capital: boolean
  /** Ended in 's / ’s / s' (the possessive ending is not in `text`). */
  possessive: boolean
  /** Punctuation rather than a word: , ; : ( ) . ! ? and dashes. */
  punct: boolean
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
/** Letters and digits beyond ASCII, decided once per character code. */
const wordCharCache = new Map<number, boolean>()

/** Whether the character at `i` is a letter or digit (any script; astral ones included). */
function isWordCharAt(text: string, i: number): boolean {
  // Callers look one past a word; at the text's end there is no character to be a letter.
  if (i >= text.length) return false
  const code = text.charCodeAt(i)
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)
  let known = wordCharCache.get(code)
  if (known === undefined) {
    // A lone surrogate is not a character: decide on the whole code point it starts.
    const char =
      code >= 0xd800 && code <= 0xdbff ? String.fromCodePoint(text.codePointAt(i)!) : text[i]!
    known = LETTER_OR_DIGIT.test(char)
    if (char.length === 1) wordCharCache.set(code, known)
  }
  return known
}

/** Characters that join two runs of letters into one word: don't, U.S, Jong-un, AT&T. */
const isJoiner = (ch: string): boolean =>
  ch === "'" || ch === '’' || ch === '.' || ch === '-' || ch === '&'
const isApostrophe = (ch: string | undefined): boolean => ch === "'" || ch === '’'
const PUNCTUATION = new Set([',', ';', ':', '(', ')', '!', '?', '.', '…', '—', '–', '―'])

/**
 * Tokenises `text` between `from` and `to`. Quotation marks are skipped (callers handle
 * quotations as spans); a trailing full stop stays on an abbreviation or initial only.
 * A hand-written scanner: the equivalent Unicode regular expression was the costliest step
 * of extraction.
 */
export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = []
  const end = Math.min(to, text.length)
  let i = Math.max(0, from)
  while (i < end) {
    const ch = text[i]!
    if (!isWordCharAt(text, i)) {
      if (ch === '-') {
        const length = text[i + 1] === '-' ? 2 : 1
        if (i + length <= end) tokens.push(punctToken(text.slice(i, i + length), i))
        i += length
      } else {
        if (PUNCTUATION.has(ch)) tokens.push(punctToken(ch, i))
        i += ch.length === 1 && text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1
      }
      continue
    }
    const start = i
    // The body: letters and digits, with single joiners between runs of them.
    while (i < end) {
      if (isWordCharAt(text, i))
        i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1
      else if (isJoiner(text[i]!) && i + 1 < end && isWordCharAt(text, i + 1)) i++
      else break
    }
    let bodyEnd = i
    let stopMark = 0
    if (text[i] === '.' && i + 1 <= end) {
      stopMark = 1
      i++
    }
    let ending = ''
    if (isApostrophe(text[i]) && i + 1 <= end) {
      ending = text[i]!
      i++
      if ((text[i] === 's' || text[i] === 'S') && !isWordCharAt(text, i + 1) && i + 1 <= end) {
        ending += text[i]
        i++
      }
    } else if (
      stopMark === 0 &&
      bodyEnd - start > 2 &&
      isApostrophe(text[bodyEnd - 2]) &&
      (text[bodyEnd - 1] === 's' || text[bodyEnd - 1] === 'S')
    ) {
      // "Holloway’s": the possessive ending was read as a joiner inside the word.
      ending = text.slice(bodyEnd - 2, bodyEnd)
      bodyEnd -= 2
    }
    const body = text.slice(start, bodyEnd)
    // "Korea's", "Growers'": possessive. "dog.'" is a word, a full stop and a closing quote.
    const possessive =
      ending !== '' && stopMark === 0 && (ending.length === 2 || /[sS]$/.test(body))
    let word = stopMark ? `${body}.` : body
    let stop: Token | null = null
    if (stopMark && !keepsFullStop(word)) {
      stop = punctToken('.', bodyEnd)
      word = body
    }
    const first = word[0]!
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end: stop ? start + word.length : i,
      capital: first !== first.toLowerCase(),
      possessive,
      punct: false
    })
    if (stop) tokens.push(stop)
  }
  return tokens
}

function punctToken(raw: string, start: number): Token {
  return {
    text: raw,
    lower: raw,
    start,
    end: start + raw.length,
    capital: false,
    possessive: false,
    punct: true
  }
}

/** "Mr." and "U.S." keep their full stop; "reporters." gives it to the sentence. */
function keepsFullStop(word: string): boolean {
  const bare = word.slice(0, -1)
  if (ABBREVIATIONS.has(bare.toLowerCase())) return true
  if (/^\p{Lu}$/u.test(bare)) return true // an initial: J. Smith
  return /^(?:\p{L}\.)+\p{L}$/u.test(bare) // U.S, U.N
}

/** True when the token ends a sentence or clause for the purpose of attribution. */
export function isClauseEnd(token: Token): boolean {
  return token.punct && /^[.;!?…]$/.test(token.text)
}

/**
 * A text tokenised once, read by range: attribution looks at many overlapping windows, and
 * tokenising each again would cost more than the rest of extraction put together.
 */
export class TokenIndex {
  readonly tokens: Token[]

  constructor(text: string) {
    this.tokens = tokenize(text, 0, text.length)
  }

  /** The tokens lying wholly within [from, to), in order. */
  between(from: number, to: number): Token[] {
    const first = this.firstStartingAt(from)
    const last = this.firstStartingAt(to)
    const found = this.tokens.slice(first, last)
    while (found.length > 0 && found[found.length - 1]!.end > to) found.pop()
    return found
  }

  private firstStartingAt(offset: number): number {
    let low = 0
    let high = this.tokens.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (this.tokens[mid]!.start < offset) low = mid + 1
      else high = mid
    }
    return low
  }
}
