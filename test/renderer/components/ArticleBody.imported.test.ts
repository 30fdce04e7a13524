import '@testing-library/svelte/vitest'
import { render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import ArticleBody from '../../../src/renderer/src/components/ArticleBody.svelte'
import { makeArticle } from '../article-fixture'

/** An imported article: headings of three levels, a nested list, an ordered list from 3. */
function importedArticle() {
  const article = makeArticle(
    [
      { kind: 'title', text: 'Field notes' },
      { kind: 'heading', text: 'What we saw' },
      { kind: 'list-item', text: 'Birds' },
      { kind: 'list-item', text: 'Herons' },
      { kind: 'list-item', text: 'Fish' },
      { kind: 'heading', text: 'Steps' },
      { kind: 'list-item', text: 'Third step' },
      { kind: 'list-item', text: 'Fourth step' },
      { kind: 'paragraph', text: 'The end.' }
    ],
    { imported: true, url: 'https://example.org/notes/', language: 'fr', dir: 'ltr' }
  )
  const places = [
    null,
    { level: 2 },
    { list: { ordered: false, depth: 1, index: 1 } },
    { list: { ordered: false, depth: 2, index: 1 } },
    { list: { ordered: false, depth: 1, index: 2 } },
    { level: 4 },
    { list: { ordered: true, depth: 1, index: 3 } },
    { list: { ordered: true, depth: 1, index: 4 } },
    null
  ]
  article.blocks = article.blocks.map((block, i) => ({ ...block, ...places[i] }))
  return article
}

describe('ArticleBody with an imported article', () => {
  it('draws list items as nested lists, numbered from where the list starts', () => {
    const { container } = render(ArticleBody, { article: importedArticle() })
    const outer = container.querySelector('.body > ul')!
    expect([...outer.children].map((li) => li.firstElementChild?.textContent)).toEqual([
      'Birds',
      'Fish'
    ])
    expect(outer.querySelector('li > ul > li')?.textContent).toBe('Herons')
    const ordered = container.querySelector('.body > ol')!
    expect(ordered.getAttribute('start')).toBe('3')
    expect(ordered.querySelectorAll('li')).toHaveLength(2)
  })

  it('keeps each item’s text its own block, so offsets never count a nested list', () => {
    const article = importedArticle()
    const { container } = render(ArticleBody, { article })
    for (const element of container.querySelectorAll('li > [data-block-start]')) {
      const start = Number(element.getAttribute('data-block-start'))
      const block = article.blocks.find((b) => b.start === start)!
      expect(element.textContent).toBe(article.text.slice(block.start, block.end))
    }
  })

  it('gives headings their level and the article its language, direction and link', () => {
    render(ArticleBody, { article: importedArticle() })
    expect(screen.getByRole('heading', { level: 2 }).textContent?.trim()).toBe('What we saw')
    expect(screen.getByRole('heading', { level: 4 }).textContent?.trim()).toBe('Steps')
    const body = screen.getByTestId('article-body')
    expect(body.getAttribute('lang')).toBe('fr')
    expect(body.getAttribute('dir')).toBe('ltr')
    const link = screen.getByTestId('article-link')
    expect(link.getAttribute('href')).toBe('https://example.org/notes/')
    expect(link.textContent).toBe('example.org/notes')
  })

  it('shows no link for a target that is not a web address', () => {
    const article = { ...importedArticle(), url: 'javascript:alert(1)' }
    render(ArticleBody, { article })
    expect(screen.queryByTestId('article-link')).toBeNull()
  })
})
