import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Result } from '@shared/ipc/result'
import type { ArticleView } from '@shared/model/article'
import { makeArticle } from '../article-fixture'

vi.mock('../../../src/renderer/src/lib/api', () => ({ call: vi.fn() }))

const { call } = await import('../../../src/renderer/src/lib/api')
const { reader } = await import('../../../src/renderer/src/state/reader.svelte')
const { settings } = await import('../../../src/renderer/src/state/settings.svelte')
const callMock = vi.mocked(call)

const article = (id: string): ArticleView =>
  makeArticle([{ kind: 'title', text: `Title of ${id}` }], { id })

/** Answers library:get with the article asked for and search:matches with `ranges`. */
function answerWith(ranges: { start: number; end: number }[] = []) {
  callMock.mockImplementation((async (channel: string, request?: { id?: string }) => {
    if (channel === 'library:get') return { ok: true, value: article(request?.id ?? '') }
    if (channel === 'search:matches')
      return { ok: true, value: { articleId: '', query: '', ranges } }
    return { ok: true, value: settings.value }
  }) as unknown as typeof call)
}

beforeEach(() => {
  callMock.mockReset()
  reader.clearHits()
  settings.value = { ...settings.value, positions: {} }
})

describe('reader state', () => {
  it('restores the saved reading position of an article opened from the library', async () => {
    answerWith()
    settings.value.positions['second'] = 0.4
    await reader.open('second')
    expect(reader.article?.id).toBe('second')
    expect(reader.scrollRequest).toEqual({ kind: 'position', articleId: 'second', position: 0.4 })
  })

  it('marks the matches of an article opened from a search and goes to the first', async () => {
    answerWith([
      { start: 9, end: 14 },
      { start: 0, end: 5 }
    ])
    await reader.open('first', { query: 'title' })
    expect(reader.hits.map((hit) => hit.start)).toEqual([0, 9])
    expect(reader.currentHit).toBe(0)
    expect(reader.scrollRequest).toMatchObject({ kind: 'hit', articleId: 'first', index: 0 })
    expect(reader.showsHitsFor('first', 'title')).toBe(true)
  })

  it('goes to a passage of another article, or of the open one without reloading it', async () => {
    answerWith()
    await reader.showPassage('third', 2, 7)
    expect(reader.article?.id).toBe('third')
    expect(reader.scrollRequest).toEqual({ kind: 'passage', articleId: 'third', start: 2, end: 7 })
    const calls = callMock.mock.calls.length
    await reader.showPassage('third', 4, 9)
    expect(callMock.mock.calls.length).toBe(calls)
    expect(reader.scrollRequest).toEqual({ kind: 'passage', articleId: 'third', start: 4, end: 9 })
  })

  it('steps through matches in both directions, wrapping at the ends', async () => {
    answerWith([
      { start: 0, end: 5 },
      { start: 9, end: 14 },
      { start: 15, end: 17 }
    ])
    await reader.open('first', { query: 'x' })
    reader.stepHit(-1)
    expect(reader.currentHit).toBe(2)
    reader.stepHit(1)
    expect(reader.currentHit).toBe(0)
  })

  it('shows only the article opened last when two opens overlap', async () => {
    let releaseSlow: (value: Result<ArticleView>) => void = () => {}
    callMock
      .mockImplementationOnce(() => new Promise((resolve) => (releaseSlow = resolve)) as never)
      .mockImplementation((async () => ({ ok: true, value: article('fast') })) as never)

    const slow = reader.open('slow')
    await reader.open('fast')
    releaseSlow({ ok: true, value: article('slow') })
    await slow

    expect(reader.article?.id).toBe('fast')
    expect(reader.selectedId).toBe('fast')
  })

  it('keeps the current article when another cannot be opened', async () => {
    answerWith()
    await reader.open('first')
    callMock.mockResolvedValueOnce({ ok: false, error: { code: 'not-found', message: 'gone' } })
    await reader.open('missing')
    expect(reader.article?.id).toBe('first')
    expect(reader.selectedId).toBe('first')
  })
})
