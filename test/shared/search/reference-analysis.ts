/**
 * The plain, object-based statement of how search reads text, kept as the reference the
 * forward index (src/shared/search/forward-index.ts) is tested against. An article's words as
 * search compares them: each token with its analysed and folded forms,
 * the block it stands in, and a position that counts only content words (stop words share the
 * position of the word before them) and jumps between blocks, so "adjacent" never spans two
 * paragraphs. The search reads articles through forward-index.ts, which stores the same
 * analysis compactly; this object form serves short fields (source) and is the reference the
 * forward index is tested against.
 */
import type { TextRange } from '@shared/model/range'
import { BLOCK_GAP, type Alternatives, type Occurrence } from '@shared/search/forward-index'
import { analyseWord, foldForPrefix } from '@shared/search/lunr-engine'
import { wordMatches, type QueryWord } from '@shared/search/query'
import { tokenize } from '@shared/search/tokenize'

export interface AnalysedToken extends TextRange {
  analysed: string | null
  folded: string
  /** Index into the article's blocks; -1 for text outside the article (e.g. the source). */
  block: number
  position: number
}

/**
 * Analysis of a distinct word is remembered: articles repeat their vocabulary, and stemming is
 * the costly part of reading a text. Cleared past this many entries to bound memory (a large
 * library has a few hundred thousand distinct spellings).
 */
const MEMO_LIMIT = 200_000
const memo = new Map<string, { analysed: string | null; folded: string }>()

function analyse(word: string): { analysed: string | null; folded: string } {
  let forms = memo.get(word)
  if (!forms) {
    if (memo.size >= MEMO_LIMIT) memo.clear()
    forms = { analysed: analyseWord(word), folded: foldForPrefix(word) }
    memo.set(word, forms)
  }
  return forms
}

/** Analyses a text made of `blocks` (offsets into it); text between blocks is ignored. */
export function analyseText(text: string, blocks: readonly TextRange[]): AnalysedToken[] {
  const tokens: AnalysedToken[] = []
  let position = -1
  let block = 0
  for (const token of tokenize(text)) {
    while (block < blocks.length && token.start >= blocks[block]!.end) {
      block++
      position += BLOCK_GAP
    }
    if (block >= blocks.length) break
    if (token.start < blocks[block]!.start) continue
    const forms = analyse(token.text)
    if (forms.analysed !== null || position < 0) position++
    tokens.push({ start: token.start, end: token.end, ...forms, block, position })
  }
  return tokens
}

/** Every occurrence of `words` as adjacent tokens, in order, within one block of `tokens`. */
export function findOccurrences(
  tokens: readonly AnalysedToken[],
  words: readonly QueryWord[],
  alternatives?: Alternatives
): Occurrence[] {
  const found: Occurrence[] = []
  if (words.length === 0) return found
  const matches = (token: AnalysedToken, word: QueryWord) =>
    wordMatches(word, token.analysed, token.folded, alternatives?.get(word.exact ?? ''))
  for (let i = 0; i + words.length <= tokens.length; i++) {
    const first = tokens[i]!
    let j = 0
    while (
      j < words.length &&
      tokens[i + j]!.block === first.block &&
      matches(tokens[i + j]!, words[j]!)
    )
      j++
    if (j < words.length) continue
    const last = tokens[i + words.length - 1]!
    found.push({
      start: first.start,
      end: last.end,
      first: first.position,
      last: last.position,
      block: first.block
    })
  }
  return found
}
