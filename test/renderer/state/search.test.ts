import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Result } from '@shared/ipc/result'
import type { SearchResponse, SearchResult } from '@shared/model/search'

vi.mock('../../../src/renderer/src/lib/api', () => ({ call: vi.fn() }))

const { call } = await import('../../../src/renderer/src/lib/api')
const { search } = await import('../../../src/renderer/src/state/search.svelte')
const { reader } = await import('../../../src/renderer/src/state/reader.svelte')
const callMock = vi.mocked(call)

const result = (articleId: string): SearchResult => ({
  articleId,
  title: articleId,
  source: null,
  date: null,
  score: 1,
  snippet: { text: articleId, highlights: [] },
  kind: 'article',
  matchCount: 1,
  firstMatch: 0
})

/** A search answer that arrives only when the test says so. */
function deferredAnswer() {
  let resolve: (value: Result<SearchResponse>) => void = () => {}
  const promise = new Promise<Result<SearchResponse>>((r) => (resolve = r))
  return {
    promise,
    answer: (query: string, ids: string[]) =>
      resolve({ ok: true, value: { query, results: ids.map(result), fuzzy: false } })
  }
}

beforeEach(() => {
  vi.useFakeTimers()
  callMock.mockReset()
  search.clear()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('search state', () => {
  it('waits for a pause in typing before asking, then asks once with the latest query', async () => {
    callMock.mockResolvedValue({ ok: true, value: { query: 'kim', results: [], fuzzy: false } })
    search.setQuery('k')
    search.setQuery('ki')
    search.setQuery('kim')
    expect(callMock).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(100)
    expect(callMock.mock.calls).toEqual([['search:query', { query: 'kim' }]])
  })

  it('never lets a slow answer to an older query replace a newer one', async () => {
    const slow = deferredAnswer()
    const fast = deferredAnswer()
    callMock.mockReturnValueOnce(slow.promise).mockReturnValueOnce(fast.promise)

    search.setQuery('tru')
    await vi.advanceTimersByTimeAsync(100)
    search.setQuery('trump')
    await vi.advanceTimersByTimeAsync(100)

    fast.answer('trump', ['newer'])
    await vi.advanceTimersByTimeAsync(0)
    slow.answer('tru', ['older'])
    await vi.advanceTimersByTimeAsync(0)

    expect(search.results.map((r) => r.articleId)).toEqual(['newer'])
    expect(search.answered).toBe('trump')
  })

  it('forgets results and ignores answers still on the way once the box is emptied', async () => {
    const pending = deferredAnswer()
    callMock.mockReturnValueOnce(pending.promise)
    search.setQuery('kim')
    await vi.advanceTimersByTimeAsync(100)

    search.setQuery('')
    pending.answer('kim', ['late'])
    await vi.advanceTimersByTimeAsync(0)

    expect(search.results).toEqual([])
  })

  it('says nothing was found only once the current query has been answered empty', async () => {
    callMock.mockResolvedValue({
      ok: true,
      value: { query: 'xylophone', results: [], fuzzy: false }
    })
    search.setQuery('xylophone')
    expect(search.nothingFound).toBe(false)
    await vi.advanceTimersByTimeAsync(100)
    expect(search.nothingFound).toBe(true)
  })

  it('moves the active result with wrap-around', async () => {
    callMock.mockResolvedValue({
      ok: true,
      value: { query: 'a', results: ['x', 'y', 'z'].map(result), fuzzy: false }
    })
    search.setQuery('a')
    await vi.advanceTimersByTimeAsync(100)
    search.move(-1)
    expect(search.active?.articleId).toBe('z')
    search.move(1)
    expect(search.active?.articleId).toBe('x')
  })

  it("clears the reader's hit highlights with the query", () => {
    reader.hits = [{ layer: 'search-hit', start: 0, end: 3, id: '0' }]
    reader.currentHit = 0
    search.clear()
    expect(reader.hits).toEqual([])
    expect(reader.currentHit).toBe(-1)
  })
})
