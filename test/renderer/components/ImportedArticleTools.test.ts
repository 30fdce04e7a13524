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
    await rerender({ pageText: ['<b>Not markup</b>', 'Second paragraph'] })
    const text = screen.getByTestId('page-text')
    expect([...text.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      '<b>Not markup</b>',
      'Second paragraph'
    ])
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
