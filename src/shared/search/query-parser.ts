/**
 * The query language, read by a small hand-written scanner into a tree every search provider
 * shares. Anything it cannot read as an operator is read as plain words, so no input is an error:
 *
 *   word            every word must match (stemmed, folded); the word under the cursor is a prefix
 *   "a phrase"      adjacent words in order; an unclosed quote runs to the end (while typing)
 *   -word -"a b"    exclude articles matching it
 *   title:word      match in one field (title, source, author); also title:"a phrase"
 *   speaker:word    quotations by a speaker (answered by the quote provider only)
 *   a OR b c        (a or b) and c; OR only in capitals, ignored at either end
 *   Jong-un U.S.-Ukraine   a word joined by punctuation is read as a phrase of its parts
 */
import { tokenize } from './tokenize'
import { isSearchable, queryWord, type QueryWord } from './query'
import { MAX_QUERY_WORDS } from './query-limits'
import { isSpace } from './white-space'

/** Fields a query can name. */
export const QUERY_FIELDS = ['title', 'source', 'author', 'speaker'] as const
export type QueryField = (typeof QUERY_FIELDS)[number]

/** A word or a phrase, optionally limited to one field. */
export interface QueryTerm {
  kind: 'word' | 'phrase'
  /** One word for `word`; the phrase's words in order (stop words included) for `phrase`. */
  words: QueryWord[]
  /** Null: any field. */
  field: QueryField | null
}

/**
 * A parsed query: every group must match (a group is alternatives joined by OR), and no
 * excluded term may. Empty `groups` means there is nothing to search for.
 */
export interface ParsedQuery {
  raw: string
  groups: QueryTerm[][]
  excluded: QueryTerm[]
}

type Item = { or: true } | { or: false; term: QueryTerm; negated: boolean }

const OPENING_QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E'])
const CLOSING_QUOTE = /["\u201C\u201D]/g
// Sticky: read where the scanner stands, with no copy of the rest of the query.
const FIELD_PREFIX = new RegExp(`(${QUERY_FIELDS.join('|')}):(?=\\S)`, 'iy')

/**
 * Parses what the user typed. `cursor` is the caret position: the word containing it is also
 * matched as a prefix. By default that is the end of the query unless it ends in whitespace
 * (a finished word), so results update as a word is typed. Words past `MAX_QUERY_WORDS` are
 * not read: whatever the input, a query costs no more than a long sentence (query-limits.ts).
 */
export function parseQuery(raw: string, cursor?: number): ParsedQuery {
  const caret = cursor ?? (/\s$/.test(raw) || raw === '' ? -1 : raw.length)
  const items: Item[] = []
  let wordsRead = 0
  let pos = 0
  while (pos < raw.length && wordsRead < MAX_QUERY_WORDS) {
    if (isSpace(raw.charCodeAt(pos))) {
      pos++
      continue
    }
    let negated = false
    // One dash directly before something excludes it; "--x" and a lone "-" are plain text.
    if (
      raw[pos] === '-' &&
      pos + 1 < raw.length &&
      !isSpace(raw.charCodeAt(pos + 1)) &&
      raw[pos + 1] !== '-'
    ) {
      negated = true
      pos++
    }
    let field: QueryField | null = null
    FIELD_PREFIX.lastIndex = pos
    const fieldMatch = FIELD_PREFIX.exec(raw)
    const fieldStart = pos
    if (fieldMatch) {
      field = fieldMatch[1]!.toLowerCase() as QueryField
      pos += fieldMatch[0].length
    }

    let body: string
    let bodyStart: number
    let quoted = false
    if (OPENING_QUOTES.has(raw[pos]!)) {
      CLOSING_QUOTE.lastIndex = pos + 1
      const close = CLOSING_QUOTE.exec(raw)
      const end = close ? close.index : raw.length
      bodyStart = pos + 1
      body = raw.slice(bodyStart, end)
      pos = close ? end + 1 : end
      quoted = true
    } else {
      let end = pos
      while (end < raw.length && !isSpace(raw.charCodeAt(end))) end++
      bodyStart = pos
      body = raw.slice(pos, end)
      pos = end
      if (body === 'OR' && !negated && field === null) {
        items.push({ or: true })
        continue
      }
    }

    let tokens = tokenize(body).map((token) => ({
      text: token.text,
      start: token.start + bodyStart,
      end: token.end + bodyStart
    }))
    if (tokens.length === 0 && field !== null) {
      // "title:" with nothing usable after it: the field name was just a word.
      tokens = [{ text: field, start: fieldStart, end: fieldStart + field.length }]
      field = null
    }
    if (tokens.length === 0) continue
    tokens = tokens.slice(0, MAX_QUERY_WORDS - wordsRead)
    wordsRead += tokens.length
    const words = tokens.map((token) =>
      queryWord(token.text, !negated && caret >= token.start && caret <= token.end)
    )
    const kind = quoted || words.length > 1 ? 'phrase' : 'word'
    items.push({ or: false, term: { kind, words, field }, negated })
  }
  return group(raw, items)
}

/** Joins terms separated by OR into groups; excluded terms and stray ORs stand alone. */
function group(raw: string, items: Item[]): ParsedQuery {
  const groups: QueryTerm[][] = []
  const excluded: QueryTerm[] = []
  let joining = false
  let previousPositive = false
  for (const item of items) {
    if (item.or) {
      joining = previousPositive
      previousPositive = false
      continue
    }
    // A term made only of stop words ("the", "to be") cannot be looked up: it is dropped.
    const searchable = item.term.words.some(isSearchable)
    if (item.negated) {
      if (searchable) excluded.push(item.term)
      joining = false
      previousPositive = false
    } else if (searchable) {
      if (joining) groups[groups.length - 1]!.push(item.term)
      else groups.push([item.term])
      joining = false
      previousPositive = true
    }
  }
  // A word said twice asks nothing more ("korea korea"), but each copy would be looked up and
  // read in every candidate again: a pasted wall of one phrase cost 40 ms on two articles.
  return {
    raw,
    groups: distinct(groups, (alternatives) => alternatives.map(termKey).join('\u0000OR')),
    excluded: distinct(excluded, termKey)
  }
}

/** What makes two terms ask the same: field, kind and each word's analysed and typed forms. */
function termKey(term: QueryTerm): string {
  const words = term.words.map((w) => `${w.exact ?? ''}\u0001${w.folded}\u0001${w.prefix ?? ''}`)
  return `${term.field ?? ''}\u0002${term.kind}\u0002${words.join('\u0002')}`
}

/** `items` without those whose key an earlier one had, in order. */
function distinct<T>(items: T[], key: (item: T) => string): T[] {
  // One item (the usual query) has nothing to repeat.
  if (items.length < 2) return items
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/**
 * The query written back in a normal form, e.g. `(a OR b) title:"c d*" -e`; prefixes end in
 * `*`. For tests and logs.
 */
export function formatQuery(query: ParsedQuery): string {
  const term = (t: QueryTerm): string => {
    const words = t.words.map((w) => w.text + (w.prefix !== null ? '*' : '')).join(' ')
    return (t.field ? `${t.field}:` : '') + (t.kind === 'phrase' ? `"${words}"` : words)
  }
  return [
    ...query.groups.map((g) => (g.length > 1 ? `(${g.map(term).join(' OR ')})` : term(g[0]!))),
    ...query.excluded.map((t) => `-${term(t)}`)
  ].join(' ')
}
