import '@testing-library/svelte/vitest'
import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import ArticleBody from '../../../src/renderer/src/components/ArticleBody.svelte'
import HighlightLayer from '../../../src/renderer/src/components/HighlightLayer.svelte'
import { toHighlightRanges } from '../../../src/renderer/src/lib/highlights'
import { rangeAtOffsets } from '../../../src/renderer/src/lib/text-range'
import { makeArticle, rangeOf } from '../article-fixture'
import { makeAnnotation } from '../fake-notes-main'

const article = makeArticle([
  { kind: 'title', text: 'Kim snubs Trump' },
  {
    kind: 'paragraph',
    text: 'Trump offered a summit, as reported by the news agency.',
    marks: [{ kind: 'em', words: 'a summit' }]
  },
  { kind: 'paragraph', text: 'Trump did not reply.' }
])
const existing = makeAnnotation({ anchor: rangeOf(article.text, 'did not') })

function setUp() {
  const reader = render(ArticleBody, { article, ranges: toHighlightRanges([existing]) }).container
  const handlers = { onhighlight: vi.fn(), onnote: vi.fn(), onopen: vi.fn() }
  const layer = render(HighlightLayer, {
    root: reader,
    text: article.text,
    color: 'blue' as const,
    ...handlers
  })
  return { reader, handlers, layer: layer.component }
}

/** Selects [start, end) of the canonical text as a drag would, and lets go of the mouse. */
async function select(reader: HTMLElement, start: number, end: number) {
  const selection = window.getSelection()!
  selection.removeAllRanges()
  selection.addRange(rangeAtOffsets(reader, start, end)!)
  await fireEvent.mouseUp(document)
  await new Promise((resolve) => setTimeout(resolve, 0))
}

describe('HighlightLayer', () => {
  it('shows the toolbar once a passage is selected, and highlights it without the spaces around it', async () => {
    const { reader, handlers } = setUp()
    const words = rangeOf(article.text, 'offered a')
    await select(reader, words.start - 1, words.end + 1)
    await fireEvent.click(screen.getByTestId('highlight-button'))
    expect(handlers.onhighlight).toHaveBeenCalledWith(words.start, words.end, 'blue')
    expect(window.getSelection()?.isCollapsed).toBe(true)
    expect(screen.queryByTestId('selection-toolbar')).toBeNull()
  })

  it('highlights and opens a note from the toolbar', async () => {
    const { reader, handlers } = setUp()
    const words = rangeOf(article.text, 'news agency')
    await select(reader, words.start, words.end)
    await fireEvent.click(screen.getByTestId('note-button'))
    expect(handlers.onnote).toHaveBeenCalledWith(words.start, words.end)
  })

  it('highlights the selection when asked by the keyboard, and nothing when none is made', async () => {
    const { reader, handlers, layer } = setUp()
    window.getSelection()?.removeAllRanges()
    expect(layer.highlightSelection()).toBe(false)
    const words = rangeOf(article.text, 'Kim snubs')
    await select(reader, words.start, words.end)
    expect(layer.highlightSelection()).toBe(true)
    expect(handlers.onhighlight).toHaveBeenCalledWith(words.start, words.end, 'blue')
  })

  it('shows no toolbar for a selection outside the article', async () => {
    setUp()
    const elsewhere = document.createElement('p')
    elsewhere.textContent = 'The sidebar'
    document.body.append(elsewhere)
    const range = document.createRange()
    range.selectNodeContents(elsewhere)
    window.getSelection()?.removeAllRanges()
    window.getSelection()?.addRange(range)
    await fireEvent.mouseUp(document)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(screen.queryByTestId('selection-toolbar')).toBeNull()
    elsewhere.remove()
  })

  it('asks for the note of a highlight that is clicked', async () => {
    const { reader, handlers } = setUp()
    window.getSelection()?.removeAllRanges()
    const mark = reader.querySelector<HTMLElement>(`[data-annotation-id="${existing.id}"]`)!
    await fireEvent.click(mark)
    expect(handlers.onopen).toHaveBeenCalledWith(existing.id)
  })
})
