import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/content/parse-article'
import { articleFile, escapeMarkdown, titleOnly } from '@shared/import/article-file'
import { articleIdFor, slugOf } from '@shared/import/article-id'
import { importMarkdown } from '@shared/import/markdown-import'
import { fileTitle, savedPageOf } from '@shared/import/saved-page'
import { importText } from '@shared/import/text-import'

describe('importMarkdown', () => {
  it('reads YAML front matter, accepting common other names for the fields', () => {
    const result = importMarkdown(
      '---\ntitle: Tides\nauthors: [Ana, Bo]\npublication: Sea News\ndate: 2024-01-05\ndescription: Short.\nurl: https://example.org/t\n---\n\nBody.\n',
      'file'
    )
    expect(result).toMatchObject({
      ok: true,
      meta: {
        title: 'Tides',
        author: 'Ana, Bo',
        source: 'Sea News',
        date: '2024-01-05',
        standfirst: 'Short.',
        url: 'https://example.org/t'
      },
      reason: 'Imported with the details from its YAML front matter.'
    })
  })

  it('reads TOML front matter, its dates included', () => {
    const result = importMarkdown(
      '+++\ntitle = "Tides"\ndate = 2024-01-05T10:00:00Z\n+++\nBody.',
      'f'
    )
    expect(result).toMatchObject({ ok: true, meta: { title: 'Tides', date: '2024-01-05' } })
  })

  it('without front matter, takes the first heading as the title and out of the body', () => {
    const result = importMarkdown('# The heading\n\nBody text.\n', 'file name')
    expect(result).toMatchObject({
      ok: true,
      meta: { title: 'The heading' },
      body: '\n\nBody text.\n'
    })
    expect(importMarkdown('Just text.', 'file name')).toMatchObject({
      meta: { title: 'file name' }
    })
  })

  it('refuses broken front matter and a file with nothing but details', () => {
    expect(importMarkdown('---\ntitle: [unclosed\n---\nBody', 'f')).toMatchObject({ ok: false })
    expect(importMarkdown('---\ntitle: T\n---\n\n', 'f')).toEqual({
      ok: false,
      reason: 'The file has no text besides its details.'
    })
  })

  it('drops a url that is not a web address and a date that is not a day', () => {
    const result = importMarkdown(
      '---\ntitle: T\nurl: javascript:alert(1)\ndate: soon\n---\nB',
      'f'
    )
    expect(result).toMatchObject({ ok: true, meta: { url: null, date: null } })
  })
})

describe('importText', () => {
  it('titles by a short first line and splits paragraphs on blank lines', () => {
    const result = importText('Title line\n\nOne\nparagraph.\n\nTwo.\n', 'file')
    expect(result).toMatchObject({ meta: { title: 'Title line' }, body: 'One paragraph.\n\nTwo.' })
  })

  it('titles by the file name when the first line is long or all there is', () => {
    expect(importText('x'.repeat(200) + '\n\nMore.', 'notes').meta.title).toBe('notes')
    expect(importText('Only one line.', 'notes').meta.title).toBe('notes')
  })
})

describe('article files', () => {
  it('escape text so that it reads back as exactly the same text', () => {
    const tricky = [
      '# not a heading',
      '> not a quote',
      '- not a list',
      '1. not a list',
      'a *b* _c_ `d` [e](f) <g> \\ | ~'
    ]
    for (const line of tricky) {
      const article = parseArticle('a', articleFile(titleOnly('T'), escapeMarkdown(line)))
      expect(article.blocks.map((b) => [b.kind, article.text.slice(b.start, b.end)])).toEqual([
        ['title', 'T'],
        ['paragraph', line]
      ])
    }
  })

  it('name ids by the title and a hash, longer when taken', () => {
    expect(slugOf('Café: “Ärger” in Zürich!')).toBe('cafe-arger-in-zurich')
    expect(slugOf('مقهى')).toBe('article')
    const taken = new Set(['tides-abcdef'])
    expect(articleIdFor('Tides', 'abcdef0123', (id) => taken.has(id))).toBe('tides-abcdef01')
  })

  it('recognise the resources of a saved complete page', () => {
    expect(savedPageOf('dropped/Story_files/logo.html')).toBe('Story.html')
    expect(savedPageOf('dropped/Story.html')).toBeNull()
    expect(fileTitle('folder/My_saved page.html')).toBe('My saved page')
  })
})
