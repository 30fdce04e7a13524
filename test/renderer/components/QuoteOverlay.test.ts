import '@testing-library/svelte/vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import { quoteLayer } from '@shared/voices/quote-layer'
import ArticleBody from '../../../src/renderer/src/components/ArticleBody.svelte'
import QuoteOverlay from '../../../src/renderer/src/components/QuoteOverlay.svelte'
import { makeArticle } from '../article-fixture'
import { withQuotes } from '../quote-fixture'

const article = withQuotes(
  makeArticle([
    {
      kind: 'paragraph',
      text: '"Talks bring nothing," said Kim Kye Gwan. A "Phase 1" deal. "Enable peace," Mark Esper said.'
    }
  ]),
  [
    { printed: '"Talks bring nothing,"', speaker: 'Kim Kye Gwan' },
    { printed: '"Phase 1"', speaker: null },
    { printed: '"Enable peace,"', speaker: 'Mark Esper' }
  ]
)

function setup() {
  const { container } = render(ArticleBody, { article, ranges: quoteLayer(article.quotes) })
  const props = {
    root: container,
    quotes: article.quotes,
    onactive: vi.fn(),
    onfocusquote: vi.fn(),
    oncopy: vi.fn(async () => true)
  }
  render(QuoteOverlay, props)
  const quote = (index: number) =>
    container.querySelector<HTMLElement>(`[data-testid="quote"][data-quote-index="${index}"]`)!
  return { container, props, quote }
}

describe('QuoteOverlay', () => {
  it('names the speaker of a quotation pointed at, and marks it active', async () => {
    const { props, quote } = setup()
    await fireEvent.pointerOver(quote(2))
    expect(screen.getByTestId('quote-tooltip').textContent?.trim()).toBe('Mark Esper')
    expect(props.onactive).toHaveBeenLastCalledWith(2)
  })

  it('shows no tooltip over a scare quote, which has no speaker', async () => {
    const { quote } = setup()
    await fireEvent.pointerOver(quote(1))
    expect(screen.queryByTestId('quote-tooltip')).toBeNull()
  })

  it('names the speaker of a focused quotation, which becomes the Tab stop', async () => {
    const { props, quote } = setup()
    quote(0).focus()
    await waitFor(() =>
      expect(screen.getByTestId('quote-tooltip').textContent?.trim()).toBe('Kim Kye Gwan')
    )
    expect(props.onfocusquote).toHaveBeenCalledWith(0)
  })

  it('moves between direct quotations with the arrow keys, passing over scare quotes', async () => {
    const { quote } = setup()
    quote(0).focus()
    await fireEvent.keyDown(quote(0), { key: 'ArrowRight' })
    expect(document.activeElement).toBe(quote(2))
    await fireEvent.keyDown(quote(2), { key: 'ArrowLeft' })
    expect(document.activeElement).toBe(quote(0))
  })

  it('opens a copy menu on right-click and copies the quotation with its attribution', async () => {
    const { props, quote } = setup()
    await fireEvent.contextMenu(quote(2), { clientX: 40, clientY: 50 })
    const menu = await screen.findByTestId('quote-menu')
    expect(menu.getAttribute('role')).toBe('menu')
    await fireEvent.click(screen.getByTestId('quote-menu-copy'))
    expect(props.oncopy).toHaveBeenCalledWith(2, 'attributed')
    await waitFor(() => expect(screen.queryByTestId('quote-menu')).toBeNull())
    expect(screen.getByTestId('quote-tooltip').textContent?.trim()).toBe('Copied with attribution')
  })

  it('opens the menu with Enter on a focused quotation, keeping Enter from the rest of the app', async () => {
    const { props, quote } = setup()
    const elsewhere = vi.fn()
    window.addEventListener('keydown', elsewhere)
    quote(0).focus()
    await fireEvent.keyDown(quote(0), { key: 'Enter' })
    window.removeEventListener('keydown', elsewhere)
    expect(elsewhere).not.toHaveBeenCalled()
    await screen.findByTestId('quote-menu')
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('quote-menu-copy')))
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(screen.getByTestId('quote-menu-copy-words'))
    await fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByTestId('quote-menu')).toBeNull())
    expect(document.activeElement).toBe(quote(0))
    expect(props.oncopy).not.toHaveBeenCalled()
  })

  it('leaves the browser’s own menu alone outside quotations', async () => {
    const { container } = setup()
    const paragraph = container.querySelector('p')!
    const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true })
    paragraph.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(false)
    expect(screen.queryByTestId('quote-menu')).toBeNull()
  })
})
