import { render } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { toSearchHits } from '@shared/ranges/search-hits'
import ArticleBody from '../../../src/renderer/src/components/ArticleBody.svelte'
import {
  offsetOfPoint,
  offsetsOfRange,
  pointAtOffset,
  rangeAtOffsets,
  trimToText
} from '../../../src/renderer/src/lib/text-range'
import { rangeOf, reportArticle } from '../article-fixture'

const article = reportArticle

function renderBody(withHits = false) {
  const ranges = withHits ? toSearchHits([rangeOf(article.text, 'offered a sum')]) : []
  return render(ArticleBody, { article, ranges }).container
}

describe('text-range', () => {
  it('renders each block as exactly its canonical text', () => {
    const root = renderBody()
    for (const block of article.blocks) {
      const element = root.querySelector(`[data-block-start="${block.start}"]`)
      expect(element?.textContent).toBe(article.text.slice(block.start, block.end))
    }
  })

  it.each([false, true])(
    'maps every offset of every block to a DOM point and back (search hits drawn: %s)',
    (withHits) => {
      const root = renderBody(withHits)
      for (const block of article.blocks) {
        for (let offset = block.start; offset <= block.end; offset++) {
          const point = pointAtOffset(root, offset)
          expect(point, `offset ${offset}`).not.toBeNull()
          expect(offsetOfPoint(root, point!.node, point!.offset)).toBe(offset)
        }
      }
    }
  )

  it('gives the range of a passage that crosses inline marks and paragraphs', () => {
    const root = renderBody(true)
    const start = rangeOf(article.text, 'a summit, as').start
    const end = rangeOf(article.text, 'We are').end
    const range = rangeAtOffsets(root, start, end)!
    // Blocks are separate elements: the range holds their texts without the blank line.
    expect(range.toString()).toBe(article.text.slice(start, end).replace(/\n\n/g, ''))
    expect(offsetsOfRange(root, range)).toEqual({ start, end })
  })

  it('takes the nearest block edge for a selection that ends outside any block', () => {
    const root = renderBody()
    const title = root.querySelector('[data-testid="article-title"]')!
    const byline = root.querySelector('[data-testid="article-meta"]')!
    const range = document.createRange()
    range.setStart(title.firstChild ?? title, 0)
    range.setEnd(byline, 1)
    const standfirst = article.blocks[1]!
    expect(offsetsOfRange(root, range)).toEqual({ start: 0, end: standfirst.end })
  })

  it('places nothing for offsets between blocks or outside the text', () => {
    const root = renderBody()
    expect(pointAtOffset(root, article.text.length + 5)).toBeNull()
    const title = root.querySelector('[data-testid="article-meta"]')!
    expect(offsetOfPoint(root, title, 0)).toBeNull()
  })
})

describe('trimToText', () => {
  const text = 'Kim snubs Trump\n\nA blunt put-down.'
  it.each([
    ['a word with the space a double-click takes', 4, 10, { start: 4, end: 9 }],
    ['a drag that runs into the paragraph break', 10, 17, { start: 10, end: 15 }],
    ['a passage already trimmed', 0, 3, { start: 0, end: 3 }],
    ['only whitespace', 15, 17, null],
    ['offsets beyond the text', -3, 99, { start: 0, end: text.length }]
  ])('keeps %s to its words', (_case, start, end, expected) => {
    expect(trimToText(text, start, end)).toEqual(expected)
  })
})
