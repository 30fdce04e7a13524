import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/content/parse-article'
import { makeSnippet, SNIPPET_LENGTH } from '@shared/search/snippet'

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
