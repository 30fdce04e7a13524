import { describe, expect, it } from 'vitest'
import { exportMarkdown, hashTag } from '@shared/annotations/export-markdown'
import type { AnnotationView } from '@shared/model/annotation'
import type { ArticleSummary } from '@shared/model/article'

const ARTICLE: ArticleSummary = {
  id: 'summit-diary',
  title: 'Summit *Diary*',
  author: 'A. Reporter',
  source: 'The Paper',
  date: '2019-02-28',
  words: 900,
  readingMinutes: 4,
  imported: false,
  url: null,
  language: null,
  dir: null
}
const base = {
  articleId: 'summit-diary',
  color: 'yellow' as const,
  created: '2025-03-01T09:15:00.000Z',
  updated: '2025-03-01T09:15:00.000Z'
}
const highlight = (id: string, exact: string, note: string, tags: string[], anchored = true) =>
  ({
    ...base,
    id,
    kind: 'highlight',
    target: {
      position: { type: 'TextPositionSelector', start: 0, end: exact.length },
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }
    },
    note,
    tags,
    anchor: anchored ? { start: 0, end: exact.length } : null
  }) satisfies AnnotationView

describe('exportMarkdown', () => {
  it('writes the headline, the source, the article note, then each passage with its note and tags', () => {
    const markdown = exportMarkdown(
      [
        {
          ...base,
          id: 'n',
          kind: 'article-note',
          target: null,
          note: 'Read *twice*.',
          tags: [],
          anchor: null
        },
        highlight('a', 'Kim arrived by train.\n\n# Not a heading', 'Sixty hours!', [
          'travel',
          'north korea'
        ]),
        highlight('b', 'The talks stalled.', '', [], false)
      ],
      new Map([[ARTICLE.id, ARTICLE]])
    )
    expect(markdown).toBe(
      [
        '# Summit \\*Diary\\*',
        'By A. Reporter · The Paper · 2019-02-28',
        '**Note on the article**',
        'Read *twice*.',
        '> Kim arrived by train.\n>\n> \\# Not a heading',
        'Sixty hours!',
        '#travel #north-korea',
        '> The talks stalled.',
        "*This passage is no longer in the article's text.*"
      ].join('\n\n') + '\n'
    )
  })

  it('gives each article its own section when there are several', () => {
    const markdown = exportMarkdown(
      [highlight('a', 'One.', '', []), { ...highlight('b', 'Two.', '', []), articleId: 'gone' }],
      new Map([[ARTICLE.id, ARTICLE]])
    )
    expect(markdown).toMatch(/^# Notes from Dossier\n\n## Summit/)
    expect(markdown).toMatch(/## gone\n\n\*This article is no longer in the library\.\*/)
  })
})

describe('hashTag', () => {
  it.each([
    ['diplomacy', '#diplomacy'],
    ['north korea', '#north-korea'],
    ['Pyŏngyang', '#Pyŏngyang'],
    ['what?!', '#what'],
    ['2019', '#_2019']
  ])('writes %j as %s', (tag, expected) => {
    expect(hashTag(tag)).toBe(expected)
  })
})
