import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArticleParseError, parseArticle } from '@shared/content/parse-article'
import type { ArticleView } from '@shared/model/article'

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../../fixtures', name), 'utf8')
const blockTexts = (article: ArticleView): [string, string][] =>
  article.blocks.map((block) => [block.kind, article.text.slice(block.start, block.end)])

describe('parseArticle', () => {
  const article = parseArticle('harbour-strike', fixture('library/harbour-strike.md'))

  it('reads title, standfirst, source and date from the front matter', () => {
    expect(article).toMatchObject({
      id: 'harbour-strike',
      title: 'Dockers Talk of a Longer Strike',
      standfirst: 'The harbour has been quiet for a week.',
      source: 'The Harbour Gazette',
      date: '2024-03-02'
    })
  })

  it('lays out title, standfirst and body as blocks of one canonical text joined by blank lines', () => {
    expect(blockTexts(article)).toEqual([
      ['title', 'Dockers Talk of a Longer Strike'],
      ['standfirst', 'The harbour has been quiet for a week.'],
      [
        'paragraph',
        'Union leaders said they were talking with the port authority, but no deal was near. The café by the gate, usually full, stood empty.'
      ],
      ['blockquote', 'We will stay out as long as it takes.'],
      ['blockquote', 'Nobody wants this.'],
      ['paragraph', "Read the union's statement for more. Pyŏngyang was not mentioned."]
    ])
    expect(article.text).toBe(
      blockTexts(article)
        .map(([, text]) => text)
        .join('\n\n')
    )
  })

  it('keeps inline emphasis, strong text and links as marks over the right words', () => {
    const marks = article.blocks.flatMap((block) =>
      block.marks.map((mark) => [mark.kind, article.text.slice(mark.start, mark.end), mark.href])
    )
    expect(marks).toEqual([
      ['em', 'talking', undefined],
      ['strong', 'usually full', undefined],
      ['link', "union's statement", 'https://example.org/statement']
    ])
  })

  it('reads an author only when the front matter names one', () => {
    expect(article.author).toBe('Mina Park')
    expect(parseArticle('x', '---\ntitle: T\n---\n\nBody.\n').author).toBeNull()
  })

  it('counts body words and estimates at least one minute of reading', () => {
    expect(article.words).toBe(46)
    expect(article.readingMinutes).toBe(1)
  })

  it('drops raw HTML and images instead of rendering them', () => {
    const parsed = parseArticle(
      'html',
      '---\ntitle: T\n---\n\n<script>alert(1)</script>\n\nText ![a cat](https://x.test/cat.png) here <b>bold</b>.\n'
    )
    expect(parsed.text).toBe('T\n\nText here bold.')
    expect(parsed.text).not.toContain('alert')
  })

  it.each([
    ['empty', '', 'the file is empty'],
    ['blank', '  \n\n ', 'the file is empty'],
    ['binary', 'abc\u0000def', 'not text'],
    ['no front matter', 'Hello world.\n', 'no front matter'],
    ['broken YAML', '---\ntitle: "unclosed\nsource: [\n---\n\nBody.\n', 'not valid YAML'],
    ['front matter not a mapping', '---\n- a\n- b\n---\n\nBody.\n', 'not a set of fields'],
    ['no title', '---\nsource: X\n---\n\nBody.\n', 'no title'],
    ['title of the wrong type', '---\ntitle: [a, b]\n---\n\nBody.\n', 'must be text'],
    ['impossible date', '---\ntitle: T\ndate: 2019-02-30\n---\n\nBody.\n', 'not a calendar date'],
    ['no body', '---\ntitle: T\n---\n', 'no body text']
  ])('refuses a file with %s, saying why', (_case, source, message) => {
    expect(() => parseArticle('x', source)).toThrowError(ArticleParseError)
    expect(() => parseArticle('x', source)).toThrowError(message)
  })
})

describe('the bundled articles', () => {
  const resources = join(__dirname, '../../../resources/articles')
  const ndtv = parseArticle(
    'a',
    readFileSync(join(resources, 'north-korea-snubs-trump.md'), 'utf8')
  )
  const second = parseArticle(
    'b',
    readFileSync(join(resources, 'trump-running-out-of-time-on-north-korea.md'), 'utf8')
  )
  const seed = (name: string): string[] =>
    fixture(`seeds/${name}`)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)

  it('state only the metadata their text gives', () => {
    expect(ndtv).toMatchObject({
      title: 'Not Interested In Talks "That Bring Nothing": North Korea Snubs Trump',
      source: 'NDTV',
      date: '2019-11-19'
    })
    expect(second).toMatchObject({
      title: 'Trump Is Running Out of Time on North Korea',
      standfirst:
        "His failed policy is also potentially sabotaging South Korea's attempts at engagement.",
      source: null,
      date: null
    })
  })

  it('keep every line of the source text except page furniture', () => {
    const furniture = [
      'This Article is From Nov 19, 2019',
      "Not Interested In Talks 'That Bring Nothing': North Korea Snubs Trump",
      'fbpx',
      'Politics Foreign Affairs Culture Fellows Program',
      'Trump-Kim_meeting_in_Capella_Hotel_(3)',
      'Advertisement'
    ]
    for (const [lines, article] of [
      [seed('000_eda18c9d4fb80b30.txt'), ndtv],
      [seed('002_40a1aea4dfdf5f1b.txt'), second]
    ] as const) {
      for (const line of lines) {
        if (furniture.includes(line)) expect(article.text).not.toContain(line)
        else expect(article.text).toContain(line)
      }
    }
  })

  it('do not repeat the headline', () => {
    expect(ndtv.text.split('North Korea Snubs Trump')).toHaveLength(2)
  })

  it('set the quoted news report in the second article as block quotes', () => {
    const quotes = blockTexts(second).filter(([kind]) => kind === 'blockquote')
    expect(quotes.map(([, text]) => text.slice(0, 30))).toEqual([
      'North Korea said Friday that n',
      'The statement by an unnamed No',
      '“We hereby make it clear once ',
      '“Unless the United States puts'
    ])
  })
})

describe('parseArticle: lists, heading levels and the newer front matter', () => {
  const parse = (front: string, body: string) =>
    parseArticle('a', `---\ntitle: T\n${front}---\n\n${body}\n`)

  it('makes each list item a list-item block with its place, nested lists one level deeper', () => {
    const article = parse('', '- apples\n- pears\n  1. green\n  2. red\n\n3. third\n4. fourth\n')
    const items = article.blocks
      .filter((block) => block.kind === 'list-item')
      .map((block) => [article.text.slice(block.start, block.end), block.list])
    expect(items).toEqual([
      ['apples', { ordered: false, depth: 1, index: 1 }],
      ['pears', { ordered: false, depth: 1, index: 2 }],
      ['green', { ordered: true, depth: 2, index: 1 }],
      ['red', { ordered: true, depth: 2, index: 2 }],
      ['third', { ordered: true, depth: 1, index: 3 }],
      ['fourth', { ordered: true, depth: 1, index: 4 }]
    ])
  })

  it('gives headings their level, a top-level heading in the body counting as 2', () => {
    const article = parse('', '# Top\n\n### Third\n\nText.')
    expect(article.blocks.filter((b) => b.kind === 'heading').map((b) => b.level)).toEqual([2, 3])
  })

  it('reads url, language and dir; a bundled article is not imported and has no extraction', () => {
    const article = parse('url: https://example.org/x\nlanguage: ar\ndir: rtl\n', 'نص.')
    expect(article).toMatchObject({
      url: 'https://example.org/x',
      language: 'ar',
      dir: 'rtl',
      imported: false,
      extraction: null
    })
    expect(parse('', 'Text.')).toMatchObject({ url: null, language: null, dir: null })
  })

  it('reads an imported article’s flag and extraction record', () => {
    const article = parse('imported: true\nextraction:\n  thin: true\n  images: 3\n', 'Text.')
    expect(article).toMatchObject({ imported: true, extraction: { thin: true, images: 3 } })
  })

  it('refuses a url that is not a web address and a dir that is neither ltr nor rtl', () => {
    expect(() => parse('url: javascript:alert(1)\n', 'Text.')).toThrow(ArticleParseError)
    expect(() => parse('dir: up\n', 'Text.')).toThrow(/neither ltr nor rtl/)
  })
})
