/**
 * Builds a small ArticleView by hand: blocks are given as text and their offsets are worked out
 * the way the library joins them (a blank line between blocks), so tests can place ranges by
 * searching the text instead of counting characters.
 */
import type { ArticleSummary, ArticleView, Block, InlineMark } from '@shared/model/article'

export interface BlockSpec {
  kind: Block['kind']
  text: string
  /** Inline marks given by the words they cover (first occurrence within the block). */
  marks?: { kind: InlineMark['kind']; words: string; href?: string }[]
}

export function makeArticle(specs: BlockSpec[], meta: Partial<ArticleView> = {}): ArticleView {
  let text = ''
  const blocks: Block[] = specs.map((spec) => {
    if (text !== '') text += '\n\n'
    const start = text.length
    text += spec.text
    const marks = (spec.marks ?? []).map((mark) => {
      const at = start + spec.text.indexOf(mark.words)
      return {
        kind: mark.kind,
        start: at,
        end: at + mark.words.length,
        ...(mark.href ? { href: mark.href } : {})
      }
    })
    return { kind: spec.kind, start, end: text.length, marks }
  })
  const title = specs.find((spec) => spec.kind === 'title')?.text ?? 'Untitled'
  return {
    id: 'fixture-article',
    title,
    author: null,
    source: 'The Fixture',
    date: '2019-11-19',
    words: 100,
    readingMinutes: 1,
    imported: false,
    url: null,
    language: null,
    dir: null,
    extraction: null,
    standfirst: specs.find((spec) => spec.kind === 'standfirst')?.text ?? null,
    text,
    blocks,
    quotes: [],
    ...meta
  }
}

/** A library entry with only an id and a title to tell it apart. */
export function makeSummary(id: string, title: string): ArticleSummary {
  return {
    id,
    title,
    author: null,
    source: null,
    date: null,
    words: 100,
    readingMinutes: 1,
    imported: false,
    url: null,
    language: null,
    dir: null
  }
}

/** The [start, end) range of the `nth` occurrence of `words` in `text`. */
export function rangeOf(text: string, words: string, nth = 0): { start: number; end: number } {
  let at = -1
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(words, at + 1)
    if (at < 0) throw new Error(`"${words}" occurs fewer than ${nth + 1} times`)
  }
  return { start: at, end: at + words.length }
}

/**
 * A short report with what ranges must cross: a standfirst holding an emoji, a paragraph with
 * emphasis and a link, a quotation block, and a last paragraph.
 */
export const reportArticle = makeArticle([
  { kind: 'title', text: 'Kim snubs Trump' },
  { kind: 'standfirst', text: 'A blunt put-down 👋 from Pyongyang.' },
  {
    kind: 'paragraph',
    text: 'Trump offered a summit, as reported by the news agency.',
    marks: [
      { kind: 'em', words: 'a summit' },
      { kind: 'link', words: 'the news agency', href: 'https://example.com/agency' }
    ]
  },
  { kind: 'blockquote', text: 'We are not interested.' },
  { kind: 'paragraph', text: 'Trump did not reply.' }
])
