/**
 * An article's words as search compares them: each token with its analysed and folded forms,
 * the block it stands in, and a position that counts only content words (stop words share the
 * position of the word before them) and jumps between blocks, so "adjacent" never spans two
 * paragraphs. The search reads articles through forward-index.ts, which stores the same
 * analysis compactly; this object form serves short fields (source) and is the reference the
 * forward index is tested against.
 */
import type { TextRange } from '../model/range'
import { analyseWord, foldForPrefix } from './lunr-engine'
import { tokenize } from './tokenize'

export interface AnalysedToken extends TextRange {
  analysed: string | null
  folded: string
  /** Index into the article's blocks; -1 for text outside the article (e.g. the source). */
  block: number
  position: number
}

/** Larger than any window ranking looks at, so no window spans two blocks. */
export const BLOCK_GAP = 1000

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

/** Analyses a short field outside the article text (source, author): one block of its own. */
export function analyseField(value: string): AnalysedToken[] {
  return analyseText(value, [{ start: 0, end: value.length }]).map((token) => ({
    ...token,
    block: -1
  }))
}
