import '@testing-library/svelte/vitest'
import { render } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { toSearchHits } from '@shared/ranges/search-hits'
import type { LayeredRange } from '@shared/ranges/segment-block'
import ArticleBody from '../../../src/renderer/src/components/ArticleBody.svelte'
import { toHighlightRanges } from '../../../src/renderer/src/lib/highlights'
import { offsetsOfRange, rangeAtOffsets } from '../../../src/renderer/src/lib/text-range'
import { rangeOf, reportArticle } from '../article-fixture'
import { makeAnnotation } from '../fake-notes-main'

const article = reportArticle
const paragraph = article.blocks.find((block) => block.kind === 'paragraph')!

function highlight(from: string, to: string, color: 'yellow' | 'pink' = 'yellow') {
  const start = rangeOf(article.text, from).start
  const end = rangeOf(article.text, to).end
  return makeAnnotation({ anchor: { start, end }, color })
}

function draw(ranges: LayeredRange[]) {
  return render(ArticleBody, { article, ranges }).container
}

const parts = (root: HTMLElement, id: string) => [
  ...root.querySelectorAll<HTMLElement>(`[data-testid="highlight"][data-annotation-id="${id}"]`)
]

describe('highlights in the text', () => {
  it('draws a highlight across emphasis, a link and paragraphs, every part with its id and colour', () => {
    const passage = highlight('summit, as', 'We are not', 'pink')
    const root = draw(toHighlightRanges([passage]))
    const drawn = parts(root, passage.id)
    expect(drawn.length).toBeGreaterThan(3)
    expect(drawn.every((part) => part.dataset['highlightColor'] === 'pink')).toBe(true)
    expect(drawn.map((part) => part.textContent).join('')).toBe(
      article.text.slice(passage.anchor!.start, passage.anchor!.end).replace('\n\n', '')
    )
    expect(drawn.some((part) => part.closest('em'))).toBe(true)
    expect(drawn.some((part) => part.closest('a'))).toBe(true)
    expect(drawn.some((part) => part.closest('blockquote'))).toBe(true)
  })

  it('draws search hits inside a highlight, so both show and the text is unchanged', () => {
    const passage = highlight('offered a summit', 'reported')
    const hits = toSearchHits([rangeOf(article.text, 'summit')])
    const root = draw([...toHighlightRanges([passage]), ...hits])
    const hit = root.querySelector('[data-testid="search-hit"]')!
    expect(hit.textContent).toBe('summit')
    expect(hit.closest('[data-testid="highlight"]')?.getAttribute('data-annotation-id')).toBe(
      passage.id
    )
    expect(root.querySelector(`[data-block-start="${paragraph.start}"]`)?.textContent).toBe(
      'Trump offered a summit, as reported by the news agency.'
    )
  })

  it('draws a highlight inside a layer given before it, as quotations are', () => {
    const passage = highlight('not interested', 'not interested')
    const quote: LayeredRange = {
      layer: 'outer',
      id: 'q1',
      ...rangeOf(article.text, 'We are not interested.')
    }
    const root = draw([quote, ...toHighlightRanges([passage])])
    const mark = parts(root, passage.id)[0]!
    expect(mark.closest('[data-layer="outer"]')).not.toBeNull()
  })

  it('keeps offsets exact with highlights drawn, so a new selection over them maps back', () => {
    const root = draw(
      toHighlightRanges([highlight('Trump offered', 'summit'), highlight('summit', 'reported')])
    )
    const { start, end } = rangeOf(article.text, 'a summit, as reported by')
    const range = rangeAtOffsets(root, start, end)!
    expect(offsetsOfRange(root, range)).toEqual({ start, end })
  })
})
