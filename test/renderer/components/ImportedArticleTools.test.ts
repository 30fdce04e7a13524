import '@testing-library/svelte/vitest'
import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import ImportedArticleTools from '../../../src/renderer/src/components/ImportedArticleTools.svelte'
import { makeArticle } from '../article-fixture'

const article = (extraction: { thin: boolean; images: number }) =>
  makeArticle([{ kind: 'title', text: 'Saved' }], { imported: true, extraction })

const handlers = () => ({
  onshowpage: vi.fn(),
  onhidepage: vi.fn(),
  onedit: vi.fn(),
  onremove: vi.fn()
})

describe('ImportedArticleTools', () => {
  it('says how many images were left out and nothing about a page read in full', () => {
    render(ImportedArticleTools, {
      article: article({ thin: false, images: 3 }),
      pageText: null,
      loadingPageText: false,
      ...handlers()
    })
    expect(screen.getByTestId('images-note').textContent?.trim()).toBe(
      'This article had 3 images; Dossier does not show images yet.'
    )
    expect(screen.queryByTestId('thin-notice')).toBeNull()
  })

  it('offers the whole page’s text when extraction was thin, and shows it as plain text', async () => {
    const on = handlers()
    const { rerender } = render(ImportedArticleTools, {
      article: article({ thin: true, images: 0 }),
      pageText: null,
      loadingPageText: false,
      ...on
    })
    expect(screen.getByTestId('thin-notice').textContent).toContain(
      'Dossier kept only part of this page'
    )
    await fireEvent.click(screen.getByTestId('show-page-text'))
    expect(on.onshowpage).toHaveBeenCalled()
    await rerender({
      pageText: [
        { kind: 'heading', level: 1, text: 'The page' },
        { kind: 'paragraph', text: '<b>Not markup</b>' },
        { kind: 'list-item', list: { ordered: true, depth: 1, index: 3 }, text: 'Third' },
        { kind: 'list-item', list: { ordered: false, depth: 2, index: 1 }, text: 'Inner' },
        { kind: 'list-item', list: { ordered: true, depth: 1, index: 4 }, text: 'Fourth' },
        { kind: 'paragraph', text: 'After' }
      ]
    })
    const text = screen.getByTestId('page-text')
    const outline = [...text.children].map((child) => child.tagName.toLowerCase())
    expect(outline).toEqual(['h3', 'p', 'ol', 'p'])
    expect(text.querySelector('h3')!.textContent).toBe('The page')
    expect(text.querySelector('ol')!.getAttribute('start')).toBe('3')
    expect(
      [...text.querySelectorAll('ol > li')].map((li) => li.firstChild!.textContent!.trim())
    ).toEqual(['Third', 'Fourth'])
    expect(text.querySelector('ol > li > ul > li')!.textContent!.trim()).toBe('Inner')
    expect(text.querySelector('p')!.textContent).toBe('<b>Not markup</b>')
    expect(text.querySelector('b')).toBeNull()
  })

  it('edits and removes through its buttons', async () => {
    const on = handlers()
    render(ImportedArticleTools, {
      article: article({ thin: false, images: 0 }),
      pageText: null,
      loadingPageText: false,
      ...on
    })
    await fireEvent.click(screen.getByRole('button', { name: 'Edit details' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Remove' }))
    expect(on.onedit).toHaveBeenCalled()
    expect(on.onremove).toHaveBeenCalled()
  })
})
