import '@testing-library/svelte/vitest'
import { render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { toSearchHits } from '@shared/ranges/search-hits'
import ArticleBody from '../../../src/renderer/src/components/ArticleBody.svelte'
import { makeArticle, rangeOf } from '../article-fixture'

const article = makeArticle([
  { kind: 'title', text: 'Kim snubs Trump' },
  { kind: 'standfirst', text: 'A blunt put-down from Pyongyang.' },
  { kind: 'heading', text: 'The summit' },
  {
    kind: 'paragraph',
    text: 'Trump offered a summit, as reported by the news agency.',
    marks: [
      { kind: 'em', words: 'a summit' },
      { kind: 'link', words: 'the news agency', href: 'https://example.com/agency' }
    ]
  },
  { kind: 'blockquote', text: 'We are not interested.' },
  { kind: 'blockquote', text: 'Talks bring nothing, said Kim.' },
  { kind: 'paragraph', text: 'Trump did not reply.' },
  { kind: 'blockquote', text: 'A second, separate quotation.' }
])

const hitElements = (container: HTMLElement) => [
  ...container.querySelectorAll<HTMLElement>('[data-testid="search-hit"]')
]

describe('ArticleBody', () => {
  it('shows the title as the page heading, with the byline under the standfirst', () => {
    render(ArticleBody, { article })
    expect(screen.getByTestId('article-title').tagName).toBe('H1')
    expect(screen.getByTestId('article-title').textContent).toBe('Kim snubs Trump')
    expect(screen.getByTestId('article-meta').textContent).toBe(
      'The Fixture · 19 Nov 2019 · 1 min read'
    )
  })

  it('keeps every character of the body text, in order', () => {
    render(ArticleBody, { article })
    const body = screen.getByTestId('article-body').querySelector('.body')
    const expected = article.blocks
      .filter((block) => block.kind !== 'title' && block.kind !== 'standfirst')
      .map((block) => article.text.slice(block.start, block.end))
      .join('')
    expect(body?.textContent).toBe(expected)
  })

  it('puts consecutive quotation blocks in one block quote and separate ones apart', () => {
    render(ArticleBody, { article })
    const quotes = [...screen.getByTestId('article-body').querySelectorAll('blockquote')]
    expect(
      quotes.map((quote) => [...quote.querySelectorAll('p')].map((p) => p.textContent))
    ).toEqual([
      ['We are not interested.', 'Talks bring nothing, said Kim.'],
      ['A second, separate quotation.']
    ])
  })

  it('renders headings, emphasis and links as their elements', () => {
    render(ArticleBody, { article })
    const body = screen.getByTestId('article-body')
    expect(body.querySelector('h2')?.textContent).toBe('The summit')
    expect(body.querySelector('em')?.textContent).toBe('a summit')
    const link = body.querySelector('a')
    expect(link?.textContent).toBe('the news agency')
    expect(link?.getAttribute('href')).toBe('https://example.com/agency')
    expect(link?.getAttribute('target')).toBe('_blank')
    expect(link?.getAttribute('rel')).toBe('noreferrer noopener')
  })

  it('marks every search hit, including one in the title', () => {
    const hits = toSearchHits([
      rangeOf(article.text, 'Trump', 0),
      rangeOf(article.text, 'Trump', 1),
      rangeOf(article.text, 'Trump', 2)
    ])
    const { container } = render(ArticleBody, { article, ranges: hits, currentHit: 0 })
    expect(hitElements(container).map((mark) => mark.textContent)).toEqual([
      'Trump',
      'Trump',
      'Trump'
    ])
    const title = screen.getByTestId('article-title')
    expect(title.querySelector('[data-testid="search-hit"]')?.getAttribute('data-hit-index')).toBe(
      '0'
    )
  })

  it('draws a hit that crosses emphasis as several marks that share one hit index', () => {
    const hits = toSearchHits([rangeOf(article.text, 'offered a sum')])
    const { container } = render(ArticleBody, { article, ranges: hits, currentHit: 0 })
    const marks = hitElements(container)
    expect(marks.map((mark) => mark.textContent)).toEqual(['offered ', 'a sum'])
    expect(new Set(marks.map((mark) => mark.dataset.hitIndex))).toEqual(new Set(['0']))
    expect(marks[1]?.closest('em')).not.toBeNull()
  })

  it('marks only the current hit as current', () => {
    const hits = toSearchHits([rangeOf(article.text, 'Trump', 1), rangeOf(article.text, 'Kim', 1)])
    const { container } = render(ArticleBody, { article, ranges: hits, currentHit: 1 })
    const current = hitElements(container).filter(
      (mark) => mark.getAttribute('aria-current') === 'true'
    )
    expect(current.map((mark) => [mark.textContent, mark.dataset.hitIndex])).toEqual([['Kim', '1']])
  })

  it('lets every block take its direction from its own text, so Arabic reads right to left', () => {
    const mixed = makeArticle([
      { kind: 'title', text: 'محادثات الميناء' },
      { kind: 'standfirst', text: 'English standfirst.' },
      { kind: 'heading', text: 'عنوان' },
      { kind: 'paragraph', text: 'قال الوزير: «الدبلوماسية هي الطريق».' },
      { kind: 'blockquote', text: 'A quoted line.' }
    ])
    render(ArticleBody, { article: mixed })
    const blocks = screen.getByTestId('article-body').querySelectorAll('h1, h2, p')
    const directions = [...blocks].map((block) => [
      block.textContent?.trim().slice(0, 8),
      block.getAttribute('dir')
    ])
    expect(directions).toHaveLength(6)
    expect(directions).toEqual(
      expect.arrayContaining([
        ['محادثات ', 'rtl'],
        ['English ', 'ltr'],
        ['عنوان', 'rtl'],
        ['قال الوز', 'rtl'],
        ['A quoted', 'ltr']
      ])
    )
  })

  it('sets each piece of the byline apart, so an Arabic source keeps the date whole', () => {
    const arabic = makeArticle([{ kind: 'title', text: 'محادثات الميناء' }], {
      author: 'ليلى منصور',
      source: 'صحيفة الميناء',
      date: '2024-05-03',
      readingMinutes: 1
    })
    render(ArticleBody, { article: arabic })
    const byline = screen.getByTestId('article-meta')
    expect([...byline.querySelectorAll('bdi')].map((piece) => piece.textContent)).toEqual([
      'By ليلى منصور',
      'صحيفة الميناء',
      '3 May 2024',
      '1 min read'
    ])
    expect(byline.textContent?.trim()).toBe(
      'By ليلى منصور · صحيفة الميناء · 3 May 2024 · 1 min read'
    )
  })

  it('shows markup in an article as the characters it is made of, never as elements', () => {
    const markup = makeArticle([
      { kind: 'title', text: '<script>window.__pwned = 1</script> Title' },
      { kind: 'paragraph', text: '<img src=x onerror="window.__pwned = 2"> and <b>bold</b>' }
    ])
    render(ArticleBody, { article: markup })
    const body = screen.getByTestId('article-body')
    expect(body.querySelector('script, img, b, [onerror]')).toBeNull()
    expect(screen.getByTestId('article-title').textContent).toBe(
      '<script>window.__pwned = 1</script> Title'
    )
  })

  it('gives a link with a non-web target no href at all', () => {
    const risky = makeArticle([
      { kind: 'title', text: 'Links' },
      {
        kind: 'paragraph',
        text: 'Do not click me.',
        marks: [{ kind: 'link', words: 'click me', href: 'javascript:alert(1)' }]
      }
    ])
    render(ArticleBody, { article: risky })
    const link = screen.getByTestId('article-body').querySelector('a')
    expect(link?.textContent).toBe('click me')
    expect(link?.hasAttribute('href')).toBe(false)
  })
})
