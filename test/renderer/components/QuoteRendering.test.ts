import '@testing-library/svelte/vitest'
import { render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { toSearchHits } from '@shared/ranges/search-hits'
import { quoteLayer } from '@shared/voices/quote-layer'
import ArticleBody from '../../../src/renderer/src/components/ArticleBody.svelte'
import { offsetsOfRange } from '../../../src/renderer/src/lib/text-range'
import { makeArticle, rangeOf } from '../article-fixture'
import { withQuotes } from '../quote-fixture'

const article = withQuotes(
  makeArticle([
    { kind: 'title', text: 'Snub' },
    {
      kind: 'paragraph',
      text: '"We are *no longer* interested," said Kim Kye Gwan. A "fruitless" meeting.',
      marks: [{ kind: 'em', words: '*no longer*' }]
    },
    { kind: 'paragraph', text: '"Talks bring nothing.' },
    { kind: 'paragraph', text: '"None at all," he added.' }
  ]),
  [
    { printed: '"We are *no longer* interested,"', speaker: 'Kim Kye Gwan' },
    { printed: '"fruitless"', speaker: null },
    { printed: '"Talks bring nothing.\n\n"None at all,"', speaker: 'Kim Kye Gwan' }
  ]
)

const quoteElements = () => screen.getAllByTestId('quote')
const parts = (index: number) => [
  ...document.querySelectorAll<HTMLElement>(`[data-quote-index="${index}"]`)
]

describe('quotations in the reader', () => {
  it('draws one element per quotation with its speaker, empty for a scare quote', () => {
    render(ArticleBody, { article, ranges: quoteLayer(article.quotes) })
    expect(quoteElements().map((el) => [el.textContent, el.dataset['speaker']])).toEqual([
      ['"We are ', 'Kim Kye Gwan'],
      ['"fruitless"', ''],
      ['"Talks bring nothing.', 'Kim Kye Gwan']
    ])
  })

  it('marks the further parts of a quotation split by emphasis or a paragraph, without a test id', () => {
    render(ArticleBody, { article, ranges: quoteLayer(article.quotes) })
    const split = parts(0)
    expect(split.length).toBe(3)
    expect(split.map((el) => el.hasAttribute('data-quote-part'))).toEqual([false, true, true])
    expect(split.map((el) => el.textContent).join('')).toBe('"We are *no longer* interested,"')
    const across = parts(2)
    expect(across.map((el) => el.textContent)).toEqual(['"Talks bring nothing.', '"None at all,"'])
    expect(across[1]!.dataset['speaker']).toBe('Kim Kye Gwan')
    expect(across[1]!.hasAttribute('tabindex')).toBe(false)
  })

  it('makes only the first direct quotation a Tab stop, the others focusable by script, scare quotes not at all', () => {
    render(ArticleBody, { article, ranges: quoteLayer(article.quotes) })
    expect(quoteElements().map((el) => el.getAttribute('tabindex'))).toEqual(['0', null, '-1'])
    expect(quoteElements().map((el) => el.getAttribute('role'))).toEqual(['button', null, 'button'])
    expect(quoteElements()[0]!.getAttribute('aria-description')).toBe('quoting Kim Kye Gwan')
  })

  it('draws search hits inside quotations, the hit still found and the quotation still one', () => {
    const hit = rangeOf(article.text, 'interested')
    render(ArticleBody, {
      article,
      ranges: [...quoteLayer(article.quotes), ...toSearchHits([hit])]
    })
    const mark = screen.getByTestId('search-hit')
    expect(mark.closest('[data-quote-index="0"]')).not.toBeNull()
    expect(quoteElements()).toHaveLength(3)
  })

  it('adds no text: offsets read from the page are still the article’s', () => {
    render(ArticleBody, { article, ranges: quoteLayer(article.quotes) })
    const body = screen.getByTestId('article-body')
    const last = parts(0)[2]!
    const range = document.createRange()
    range.selectNodeContents(last)
    const offsets = offsetsOfRange(body, range)
    expect(offsets).toEqual(rangeOf(article.text, ' interested,"'))
  })

  it('draws the flash and the pointed-at state on every part of the quotation', () => {
    const quote = article.quotes[0]!
    render(ArticleBody, {
      article,
      ranges: quoteLayer(article.quotes, {
        active: 0,
        flash: { range: { start: quote.start, end: quote.end }, pulse: 'a' }
      })
    })
    expect(
      parts(0).every((el) => el.dataset['flash'] === 'a' && el.hasAttribute('data-active'))
    ).toBe(true)
    expect(parts(1).some((el) => el.hasAttribute('data-flash'))).toBe(false)
  })
})
