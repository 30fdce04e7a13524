import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/content/parse-article'
import { lastSentenceStart, makeSnippet, SNIPPET_LENGTH } from '@shared/search/snippet'

const article = (body: string) => parseArticle('a', `---\ntitle: Headline words\n---\n\n${body}\n`)
const at = (text: string, word: string, from = 0) => {
  const start = text.indexOf(word, from)
  return { start, end: start + word.length }
}
const shown = (snippet: { text: string; highlights: { start: number; end: number }[] }) =>
  snippet.highlights.map((h) => snippet.text.slice(h.start, h.end))

describe('makeSnippet', () => {
  it('starts at the sentence holding the match when it is near', () => {
    const a = article('First sentence here. Second sentence has the needle in it. Third one.')
    const snippet = makeSnippet(a.text, a.blocks, [at(a.text, 'needle')])
    expect(snippet.text.startsWith('…Second sentence has the needle')).toBe(true)
    expect(shown(snippet)).toEqual(['needle'])
  })

  it('starts at the block when the match is in its first sentence', () => {
    const a = article('The needle is early. Then a lot more text follows here.')
    const snippet = makeSnippet(a.text, a.blocks, [at(a.text, 'needle')])
    expect(snippet.text.startsWith('The needle')).toBe(true)
  })

  it('cuts long text at a space, marks the cut with an ellipsis and stays near the target length', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ')
    const a = article(`${words} needle ${words}.`)
    const snippet = makeSnippet(a.text, a.blocks, [at(a.text, 'needle')])
    expect(snippet.text.endsWith('…')).toBe(true)
    expect(snippet.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2)
    const core = snippet.text.replace(/^…|…$/g, '')
    const end = a.text.indexOf(core) + core.length
    expect(a.text[end]).toBe(' ')
    expect(shown(snippet)).toEqual(['needle'])
  })

  it('keeps emoji and other multi-unit characters whole', () => {
    const a = article('🙂🙂🙂 Héllo wörld, the needle 🙂 is here. ' + '🙂'.repeat(200))
    const snippet = makeSnippet(a.text, a.blocks, [at(a.text, 'needle')])
    expect(snippet.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
    expect(snippet.text).not.toMatch(/(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
    expect(shown(snippet)).toEqual(['needle'])
  })

  it('prefers the passage showing the most different query words', () => {
    const a = article('alpha alpha alpha here.\n\nLater: alpha and beta together.')
    const alpha = [...a.text.matchAll(/alpha/g)].map((m) => ({
      start: m.index,
      end: m.index + 5,
      word: 0
    }))
    const beta = { ...at(a.text, 'beta'), word: 1 }
    const snippet = makeSnippet(a.text, a.blocks, [...alpha, beta])
    expect(snippet.text).toBe('Later: alpha and beta together.')
    expect(shown(snippet)).toEqual(['alpha', 'beta'])
  })

  it('shows the opening of the article when only the title matched', () => {
    const a = article('Body begins here.')
    const snippet = makeSnippet(a.text, a.blocks, [at(a.text, 'Headline')])
    expect(snippet).toEqual({ text: 'Body begins here.', highlights: [] })
  })
})

/** A seeded generator (mulberry32), so a failure repeats. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Every UTF-16 unit `/\s/` accepts, and characters a sentence's end is made of. */
const SPACES = [...Array(0x10000).keys()]
  .map((code) => String.fromCharCode(code))
  .filter((char) => /\s/.test(char))
const PIECES = [...SPACES, '.', '!', '?', '"', '”', '’', ')', '(', 'a', 'B', 'é', '\u2019s', '🙂']

describe('lastSentenceStart', () => {
  /** The rule as a regular expression over a copy of the span: what it must agree with. */
  const reference = (text: string, from: number, to: number): number => {
    const ends = [...text.slice(from, to).matchAll(/[.!?]["”’)]?\s+(?=\S)/g)]
    const last = ends[ends.length - 1]
    return last ? from + last.index + last[0].length : -1
  }

  it('finds the end of the last sentence mark and its spaces, as the regular expression does', () => {
    const next = random(18)
    for (let run = 0; run < 3000; run++) {
      let text = ''
      const length = Math.floor(next() * 40)
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)]
      const from = Math.floor(next() * (text.length + 1))
      const to = from + Math.floor(next() * (text.length - from + 1))
      expect(lastSentenceStart(text, from, to), JSON.stringify({ text, from, to })).toBe(
        reference(text, from, to)
      )
    }
  })

  it('knows every space the regular expression knows, and nothing else', () => {
    for (const space of SPACES) expect(lastSentenceStart(`a.${space}b`, 0, 4)).toBe(3)
    expect(lastSentenceStart('a.\u200bb', 0, 4)).toBe(-1)
  })
})

describe('makeSnippet around unusual spaces', () => {
  it('highlights exactly the matched words whatever spaces lead into the excerpt', () => {
    const next = random(7)
    for (let run = 0; run < 300; run++) {
      const space = () => SPACES[Math.floor(next() * SPACES.length)]!
      const filler = Array.from({ length: 30 }, (_, i) => `w${i}${next() < 0.2 ? '.' : ''}`)
      const body = filler.map((word) => word + space() + (next() < 0.3 ? space() : '')).join('')
      const text = `${body} needle ${body}`
      const blocks = [{ kind: 'paragraph' as const, start: 0, end: text.length, marks: [] }]
      const snippet = makeSnippet(text, blocks, [at(text, 'needle')])
      expect(shown(snippet), JSON.stringify(snippet)).toEqual(['needle'])
      // Trimmed inside the ellipses, at both ends.
      expect(snippet.text).toBe(snippet.text.replace(/^(…?)\s+/, '$1').replace(/\s+(…?)$/, '$1'))
    }
  })

  it('shifts highlights by the spaces trimmed from a lead-in that starts at one', () => {
    // No sentence end nearby: the excerpt starts after a plain space, here before a no-break one.
    // Built by hand: parsing an article would make the spaces plain.
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' \u00a0')
    const text = `${words} needle and more words after it`
    const blocks = [{ kind: 'paragraph' as const, start: 0, end: text.length, marks: [] }]
    const snippet = makeSnippet(text, blocks, [at(text, 'needle')])
    expect(snippet.text.startsWith('…word')).toBe(true)
    expect(shown(snippet)).toEqual(['needle'])
  })
})
