/**
 * The forward index of a whole library: each article's words, and each distinct source's, over
 * one vocabulary (forward-index.ts). Analysing 10,000 articles takes seconds, so `npm run build`
 * writes it as flat arrays (`toArrays`) and start-up reads it back (`fromArrays`) with nothing
 * analysed again.
 */
import type { ArticleView } from '../model/article'
import type { TextRange } from '../model/range'
import {
  CHECKPOINT,
  forwardText,
  forwardTextBytes,
  Vocabulary,
  type ForwardText,
  type TermIds,
  type VocabularyArrays
} from './forward-index'

type Unsigned = Uint8Array | Uint16Array | Uint32Array

type WithVocabulary<T> = Omit<T, 'vocabulary'> & { vocabulary: Vocabulary }

/** The forward texts laid end to end, and where each starts (one more than there are texts). */
export interface LibraryForwardArrays {
  vocabulary: VocabularyArrays
  /** Article ids, then source names: the texts' keys, in order. */
  articleIds: readonly string[]
  sources: readonly string[]
  termIds: TermIds
  gaps: Unsigned
  lengths: Unsigned
  checkpoints: Uint32Array
  /** Per text, its first token in the three token arrays (the last entry is their length). */
  tokenStarts: Uint32Array
  /** Per text, its first checkpoint number (three numbers each). */
  checkpointStarts: Uint32Array
}

/** A short field read as one block of its own. */
export function whole(value: string): TextRange {
  return { start: 0, end: value.length }
}

/**
 * One text of a forward index read back: views onto the library's arrays, made when the text is
 * first read. Made all at once, 40,000 views at 10,000 articles took start-up 40 ms, and a
 * search reads a few hundred texts.
 */
class ViewedText implements ForwardText {
  private views: ForwardText | null = null

  constructor(
    private readonly all: ForwardText,
    private readonly from: number,
    private readonly to: number,
    private readonly checkpointsFrom: number
  ) {}

  get termIds(): TermIds {
    return this.viewed().termIds
  }

  get gaps(): ForwardText['gaps'] {
    return this.viewed().gaps
  }

  get lengths(): ForwardText['lengths'] {
    return this.viewed().lengths
  }

  get checkpoints(): Uint32Array {
    return this.viewed().checkpoints
  }

  private viewed(): ForwardText {
    if (!this.views) {
      const { all, from, to } = this
      const checkpointsTo = this.checkpointsFrom + Math.ceil((to - from) / CHECKPOINT) * 3
      this.views = {
        termIds: all.termIds.subarray(from, to),
        gaps: all.gaps.subarray(from, to),
        lengths: all.lengths.subarray(from, to),
        checkpoints: all.checkpoints.subarray(this.checkpointsFrom, checkpointsTo)
      }
    }
    return this.views
  }
}

export class LibraryForward {
  private constructor(
    readonly vocabulary: Vocabulary,
    /** By article id. */
    private readonly byId: Map<string, ForwardText>,
    /** By source name. */
    private readonly bySource: Map<string, ForwardText>
  ) {}

  get texts(): ReadonlyMap<string, ForwardText> {
    return this.byId
  }

  get sources(): ReadonlyMap<string, ForwardText> {
    return this.bySource
  }

  /** Analyses every article's text and source. */
  static build(articles: readonly ArticleView[]): LibraryForward {
    const forward = new LibraryForward(new Vocabulary(), new Map(), new Map())
    for (const article of articles) forward.add(article)
    return forward
  }

  /** Analyses an article added (or changed) since. */
  add(article: ArticleView): void {
    this.byId.set(article.id, forwardText(article.text, article.blocks, this.vocabulary))
    if (article.source && !this.bySource.has(article.source))
      this.bySource.set(
        article.source,
        forwardText(article.source, [whole(article.source)], this.vocabulary)
      )
  }

  /** Forgets an article removed; its words stay in the vocabulary, which only grows. */
  remove(id: string): void {
    this.byId.delete(id)
  }

  /**
   * Reads back `toArrays`' arrays; the texts are views onto them, not copies. The vocabulary may
   * come made from its lists already (start-up makes it while the rest is still being read).
   * @throws Error when the arrays do not agree.
   */
  static fromArrays(
    arrays: LibraryForwardArrays | WithVocabulary<LibraryForwardArrays>
  ): LibraryForward {
    const vocabulary =
      arrays.vocabulary instanceof Vocabulary
        ? arrays.vocabulary
        : Vocabulary.fromArrays(arrays.vocabulary)
    const { termIds, gaps, lengths, checkpoints, tokenStarts, checkpointStarts } = arrays
    const keys = [...arrays.articleIds, ...arrays.sources]
    const tokens = termIds.length
    if (
      tokenStarts.length !== keys.length + 1 ||
      checkpointStarts.length !== keys.length + 1 ||
      gaps.length !== tokens ||
      lengths.length !== tokens ||
      tokenStarts[keys.length] !== tokens ||
      checkpointStarts[keys.length]! * 3 !== checkpoints.length
    )
      throw new Error('the forward index arrays do not agree in length')
    // Indexed, not for…of: 8 million ids at 10,000 articles.
    const size = vocabulary.size
    for (let i = 0; i < tokens; i++)
      if (termIds[i]! >= size) throw new Error('a word is not in the vocabulary')
    const texts = new Map<string, ForwardText>()
    const sources = new Map<string, ForwardText>()
    const all = { termIds, gaps, lengths, checkpoints }
    for (let i = 0; i < keys.length; i++) {
      const from = tokenStarts[i]!
      const to = tokenStarts[i + 1]!
      const checks = checkpointStarts[i + 1]! - checkpointStarts[i]!
      if (to < from || checks !== Math.ceil((to - from) / CHECKPOINT))
        throw new Error('the forward index arrays do not agree in length')
      const text = new ViewedText(all, from, to, checkpointStarts[i]! * 3)
      if (i < arrays.articleIds.length) texts.set(keys[i]!, text)
      else sources.set(keys[i]!, text)
    }
    return new LibraryForward(vocabulary, texts, sources)
  }

  /** Every text's arrays laid end to end, smallest element type that holds them. */
  toArrays(): LibraryForwardArrays {
    const entries = [...this.texts.values(), ...this.sources.values()]
    const tokenStarts = new Uint32Array(entries.length + 1)
    const checkpointStarts = new Uint32Array(entries.length + 1)
    entries.forEach((text, i) => {
      tokenStarts[i + 1] = tokenStarts[i]! + text.termIds.length
      checkpointStarts[i + 1] = checkpointStarts[i]! + text.checkpoints.length / 3
    })
    const tokens = tokenStarts[entries.length]!
    const termIds = new Uint32Array(tokens)
    const checkpoints = new Uint32Array(checkpointStarts[entries.length]! * 3)
    let maxGap = 0
    let maxLength = 0
    for (const text of entries) {
      for (const gap of text.gaps) if (gap > maxGap) maxGap = gap
      for (const length of text.lengths) if (length > maxLength) maxLength = length
    }
    const gaps = unsignedFor(maxGap, tokens)
    const lengths = unsignedFor(maxLength, tokens)
    entries.forEach((text, i) => {
      termIds.set(text.termIds, tokenStarts[i])
      gaps.set(text.gaps, tokenStarts[i])
      lengths.set(text.lengths, tokenStarts[i])
      checkpoints.set(text.checkpoints, checkpointStarts[i]! * 3)
    })
    return {
      vocabulary: this.vocabulary.toArrays(),
      articleIds: [...this.texts.keys()],
      sources: [...this.sources.keys()],
      termIds,
      gaps,
      lengths,
      checkpoints,
      tokenStarts,
      checkpointStarts
    }
  }

  /** Size of the forward index: typed arrays, and the vocabulary they point into (approx.). */
  bytes(): { texts: number; vocabulary: number; entries: number } {
    let texts = 0
    for (const forward of this.texts.values()) texts += forwardTextBytes(forward)
    return { texts, vocabulary: this.vocabulary.bytes(), entries: this.vocabulary.size }
  }
}

function unsignedFor(max: number, length: number): Unsigned {
  if (max <= 0xff) return new Uint8Array(length)
  if (max <= 0xffff) return new Uint16Array(length)
  return new Uint32Array(length)
}
