import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/content/parse-article'
import type { ArticleView } from '@shared/model/article'
import {
  HOSTILE_ARTICLES_DIR,
  HUGE_PARAGRAPH_MARKER,
  HUGE_PARAGRAPH_PASSAGE,
  LONG_ARTICLE_MARKER,
  hugeParagraphArticle,
  longArticle
} from '../../support/hostile-library'

/** A fixture as the loader reads it: bytes decoded as UTF-8 (which also drops a leading BOM). */
function hostile(name: string): ArticleView {
  const bytes = readFileSync(join(HOSTILE_ARTICLES_DIR, `${name}.md`))
  return parseArticle(name, new TextDecoder('utf-8').decode(bytes))
}

const links = (article: ArticleView) =>
  article.blocks.flatMap((block) =>
    block.marks
      .filter((mark) => mark.kind === 'link')
      .map((mark) => [article.text.slice(mark.start, mark.end), mark.href])
  )

const quoted = (article: ArticleView) =>
  article.quotes.map((quote) => article.text.slice(quote.start, quote.end))

/** Elapsed milliseconds of the fastest of `runs` calls: the cost with the core to itself. */
function fastest(runs: number, work: () => void): number {
  let best = Infinity
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    work()
    best = Math.min(best, performance.now() - started)
  }
  return best
}

describe('an article full of markup', () => {
  const article = hostile('markup-injection')

  it('keeps no tag, handler or style of the body as anything but the words between them', () => {
    // Raw HTML blocks (script, img, iframe, svg, style, div) are dropped whole; inline tags
    // lose their markup and keep only the words between them.
    const standfirst = article.blocks.find((block) => block.kind === 'standfirst')!
    const body = article.text.slice(standfirst.end)
    expect(body).not.toMatch(/<(img|iframe|svg|style|div|a)\b/i)
    expect(body).not.toMatch(/onerror|onload|onclick|background/i)
    expect(body).toContain('The council met on Monday. window.__pwned = "inline script" Nobody')
    expect(body).toContain('An image with a handler sits in this sentence.')
    expect(body).not.toContain('A div with handlers')
  })

  it('keeps front matter written as HTML as plain text, never parsed', () => {
    expect(article.title).toBe(
      '<script>window.__pwned = "title"; alert("title")</script> Markup That Must Stay Text'
    )
    expect(article.author).toBe('<svg onload="window.__pwned = \'author\'">Mallory</svg>')
    expect(article.source).toContain('javascript:')
    expect(article.text.startsWith(article.title)).toBe(true)
  })

  it('keeps web and mail links and turns javascript:, data:, file: and entity-hidden links into plain words', () => {
    expect(links(article)).toEqual([
      ['to the harbour report', 'http://beacon.invalid/report'],
      ['mail link', 'mailto:desk@example.org'],
      ['to the archive', 'http://beacon.invalid/archive'],
      ['http://beacon.invalid/autolink', 'http://beacon.invalid/autolink']
    ])
    for (const words of [
      'that runs script too',
      'to a data page',
      'hidden in entities',
      'to a file'
    ])
      expect(article.text).toContain(words)
  })

  it('drops images, remote or not, with their alt text', () => {
    expect(article.text).not.toContain('pixel')
    expect(article.text).not.toContain('a remote image')
  })

  it('decodes HTML entities to the characters they name, as text', () => {
    expect(article.text).toContain(
      'Entities stay characters: <script>alert(1)</script> & "quoted" <b>bold?</b> © 2024.'
    )
  })
})

describe('articles in other scripts', () => {
  it('reads an Arabic article and pairs its « » and "…" quotation marks', () => {
    const article = hostile('arabic-quotation')
    expect(article.title).toBe('محادثات الميناء تتوقف مرة أخرى')
    expect(quoted(article)).toEqual([
      '«الدبلوماسية هي الطريق الوحيد إلى السلام»',
      '"لم تنتهِ بعد"',
      '«نحن ننتظر منذ سنوات»',
      '“we will return to the table”'
    ])
  })

  it('reads Chinese, Japanese and Korean and pairs their “…”, 「…」 and "…" quotation marks', () => {
    const article = hostile('cjk-and-korean')
    expect(quoted(article)).toEqual([
      '“我们支持通过对话解决问题。”',
      '「谈判仍在继续」',
      '「話し合いを続けたい」',
      '"대화를 계속하겠다"'
    ])
  })
})

describe('odd Unicode', () => {
  const article = hostile('emoji-and-odd-unicode')

  it('reads a file that starts with a byte order mark, and keeps none in the text', () => {
    const raw = readFileSync(join(HOSTILE_ARTICLES_DIR, 'emoji-and-odd-unicode.md'), 'utf8')
    expect(raw.startsWith('\uFEFF---')).toBe(true)
    expect(parseArticle('bom', raw).title).toBe('Emoji 🎉 and Odd Unicode in One Story')
    expect(article.text).not.toContain('\uFEFF')
  })

  it('keeps emoji sequences, combining marks, zero-width characters and bidi controls as written', () => {
    for (const written of [
      '👩‍👩‍👧‍👦',
      '👩🏽‍💻',
      '🇯🇵 🇰🇷 🇺🇦',
      '1️⃣',
      'cafe\u0301',
      'inter\u00ADnational',
      'می\u200Cخواهم',
      'zero\u200Bwidth',
      '\u202Egnp.exe\u202C'
    ])
      expect(article.text).toContain(written)
  })

  it('cannot carry a lone surrogate: UTF-8 has no bytes for one, so they arrive as U+FFFD', () => {
    const bytes = readFileSync(join(HOSTILE_ARTICLES_DIR, 'lone-surrogates.md'))
    // The fixture holds the bytes a careless encoder writes for U+D800 and U+DC00.
    expect(bytes.includes(Buffer.from([0xed, 0xa0, 0x80]))).toBe(true)
    const article = hostile('lone-surrogates')
    expect(article.text).toContain('A high one [\uFFFD\uFFFD\uFFFD] and a low one')
    expect(article.text).not.toMatch(/[\uD800-\uDFFF]/)
  })
})

describe('enormous articles', () => {
  it('parses a paragraph of a million characters as one block, in time linear in its length', () => {
    const source = hugeParagraphArticle()
    let article: ArticleView | undefined
    const large = fastest(2, () => (article = parseArticle('huge', source)))
    const body = article!.blocks.filter((block) => block.kind === 'paragraph')
    expect(body).toHaveLength(1)
    expect(body[0]!.end - body[0]!.start).toBeGreaterThan(1_000_000)
    expect(article!.text).toContain(HUGE_PARAGRAPH_MARKER)
    expect(article!.text).toContain(HUGE_PARAGRAPH_PASSAGE)
    expect(article!.quotes.length).toBeGreaterThan(1000)

    // A quarter of the text should cost about a quarter of the time; quadratic work would cost
    // sixteen times more for four times the text. Eight leaves room for a busy machine.
    const small = hugeParagraphArticle(262_144)
    const ratio = large / fastest(2, () => parseArticle('small', small))
    expect(ratio).toBeLessThan(8)
  }, 60_000)

  it('parses a 100,000-word article with its quotations and reading time', () => {
    const article = parseArticle('long', longArticle())
    expect(article.words).toBeGreaterThanOrEqual(100_000)
    expect(article.readingMinutes).toBeGreaterThan(400)
    expect(article.quotes.length).toBe(100)
    expect(article.text).toContain(LONG_ARTICLE_MARKER)
  }, 30_000)
})
