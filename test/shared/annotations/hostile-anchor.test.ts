import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { anchor } from '@shared/annotations/anchor'
import { describeRange } from '@shared/annotations/describe'
import { parseArticle } from '@shared/content/parse-article'
import {
  HOSTILE_ARTICLES_DIR,
  HUGE_PARAGRAPH_PASSAGE,
  hugeParagraphArticle
} from '../../support/hostile-library'

const textOf = (name: string): string =>
  parseArticle(name, readFileSync(join(HOSTILE_ARTICLES_DIR, `${name}.md`), 'utf8')).text

/** The selectors of `passage` (its first occurrence) in `text`. */
function highlight(text: string, passage: string) {
  const at = text.indexOf(passage)
  if (at < 0) throw new Error(`the text has no "${passage}"`)
  return describeRange(text, at, at + passage.length)
}

/** What `anchor` finds for the target in `text`, as text (null: orphaned). */
function anchored(text: string, target: ReturnType<typeof describeRange>): string | null {
  const range = anchor(text, target)
  return range ? text.slice(range.start, range.end) : null
}

/** Half of a surrogate pair without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const emoji = textOf('emoji-and-odd-unicode')
const cjk = textOf('cjk-and-korean')
const arabic = textOf('arabic-quotation')

describe('highlights in other scripts and odd Unicode', () => {
  it.each([
    ['an emoji family joined by ZWJs', emoji, 'family 👩‍👩‍👧‍👦 arrived'],
    ['flags', emoji, '🇯🇵 🇰🇷 🇺🇦'],
    ['words with combining accents', emoji, 'cafe\u0301 served cre\u0300me'],
    ['a Persian word with a non-joiner', emoji, 'می\u200Cخواهم برگردم'],
    ['a bidi override', emoji, '\u202Egnp.exe\u202C'],
    ['Chinese', cjk, '外交部发言人'],
    ['Korean', cjk, '서울에서 열린 회의에서'],
    ['an Arabic quotation with emoji', arabic, '«نحن ننتظر منذ سنوات» 🙏']
  ])('anchors a highlight on %s exactly where it was', (_case, text, passage) => {
    expect(anchored(text, highlight(text, passage))).toBe(passage)
  })

  it.each([
    [
      'emoji',
      emoji,
      'A 🎉celebration🎉 followed',
      (t: string) => t.replace('The family', 'A big family')
    ],
    ['CJK', cjk, '港口的工人已经复工', (t: string) => t.replace('中国外交部', '外交部')],
    ['Arabic', arabic, 'الطريق الوحيد إلى السلام', (t: string) => t.replace('اجتمع', 'اجتمع أمس')]
  ])('finds a highlight on %s again after text above it changed', (_case, text, passage, edit) => {
    const target = highlight(text, passage)
    expect(anchored(edit(text), target)).toBe(passage)
  })

  it('finds a highlight on emoji again after a word inside it changed', () => {
    const passage = 'the coder 👩🏽‍💻 typed, flags 🇯🇵 🇰🇷 🇺🇦 waved'
    const edited = emoji.replace('👩🏽‍💻 typed', '👩🏽‍💻 wrote')
    expect(anchored(edited, highlight(emoji, passage))).toBe(
      'the coder 👩🏽‍💻 wrote, flags 🇯🇵 🇰🇷 🇺🇦 waved'
    )
  })

  it('never stores half of an emoji when a selection ends inside one', () => {
    const at = emoji.indexOf('👩🏽‍💻')
    // One code unit into the emoji: the middle of a surrogate pair.
    const target = describeRange(emoji, at + 1, at + 3)
    expect(target.quote.exact).toBe('👩🏽')
    for (const part of [target.quote.prefix, target.quote.exact, target.quote.suffix])
      expect(part).not.toMatch(LONE_SURROGATE)
  })
})

describe('highlights in a paragraph of a million characters', () => {
  const text = parseArticle('huge', hugeParagraphArticle()).text
  const target = highlight(text, HUGE_PARAGRAPH_PASSAGE)

  it('anchors at the stored position', () => {
    expect(anchored(text, target)).toBe(HUGE_PARAGRAPH_PASSAGE)
  })

  it('anchors again after words were added before it in the same paragraph', () => {
    const edited = `A new opening sentence. ${text}`
    expect(anchored(edited, target)).toBe(HUGE_PARAGRAPH_PASSAGE)
  })

  it('anchors again, approximately, after a word of the passage itself was edited', () => {
    const edited = text.replace(
      HUGE_PARAGRAPH_PASSAGE,
      'the lantern keeper wrote one final careful line'
    )
    expect(anchored(edited, target)).toBe('the lantern keeper wrote one final careful line')
  })
})
