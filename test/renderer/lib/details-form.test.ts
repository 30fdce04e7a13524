import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/model/article'
import { changedDetails, checkDetails, formOf } from '../../../src/renderer/src/lib/details-form'

const article: ArticleSummary = {
  id: 'a',
  title: 'A saved page',
  author: null,
  source: 'The Paper',
  date: '2024-03-09',
  words: 300,
  readingMinutes: 2,
  imported: true,
  url: null,
  language: 'en',
  dir: null
}

describe('checkDetails', () => {
  it('accepts the article’s own details and empty optional fields', () => {
    expect(checkDetails(formOf(article))).toEqual({})
    expect(
      checkDetails({ ...formOf(article), date: '', language: '', url: '', source: '' })
    ).toEqual({})
  })

  it('says what is wrong with each field', () => {
    const errors = checkDetails({
      title: '  ',
      author: 'x'.repeat(201),
      source: '',
      date: '2024-02-30',
      language: 'English',
      url: 'javascript:alert(1)'
    })
    expect(errors).toEqual({
      title: 'An article needs a title.',
      author: 'Keep this under 200 characters.',
      date: 'Write the date as year-month-day, e.g. 2024-03-09.',
      language: 'Use a language code such as en, fr or pt-BR.',
      url: 'Use a full web address starting with http:// or https://.'
    })
    expect(
      checkDetails({ ...formOf(article), date: '9 March 2024', url: 'mailto:a@b.c' })
    ).toHaveProperty('url')
    expect(
      checkDetails({ ...formOf(article), language: 'pt-BR', url: 'https://example.org/a' })
    ).toEqual({})
  })
})

describe('changedDetails', () => {
  it('sends only what changed, trimmed, and clears an emptied field', () => {
    const form = { ...formOf(article), title: ' A better title ', source: '', author: 'Ana Lima' }
    expect(changedDetails(form, article)).toEqual({
      title: 'A better title',
      source: null,
      author: 'Ana Lima'
    })
    expect(changedDetails(formOf(article), article)).toEqual({})
  })
})
