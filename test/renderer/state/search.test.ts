import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Result } from '@shared/ipc/result'
import type { SearchResponse, SearchResult } from '@shared/model/search'
import { limitQuery, MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from '@shared/search/query-limits'
import { makeArticle } from '../article-fixture'

vi.mock('../../../src/renderer/src/lib/api', () => ({ call: vi.fn() }))

const { call } = await import('../../../src/renderer/src/lib/api')
const { search } = await import('../../../src/renderer/src/state/search.svelte')
const { reader } = await import('../../../src/renderer/src/state/reader.svelte')
const { searchStatus } = await import('../../../src/renderer/src/state/search-status.svelte')
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

const answering = (query: string, ids: string[], fuzzy = false): Result<SearchResponse> => ({
  ok: true,
  value: { query, results: ids.map(result), fuzzy }
})

beforeEach(() => {
  vi.useFakeTimers()
  callMock.mockReset()
  search.clear()
  searchStatus.value = { state: 'ready', progress: 1, articles: 2 }
})
afterEach(() => {
  vi.useRealTimers()
})

describe('search state', () => {
  it('asks at once for every keystroke, with the caret position, without waiting', () => {
    callMock.mockResolvedValue(answering('kim', []))
    search.setQuery('k', 1)
    search.setQuery('ki', 2)
    search.setQuery('kim', 3)
    expect(callMock.mock.calls).toEqual([
      ['search:query', { query: 'k', cursor: 1 }],
      ['search:query', { query: 'ki', cursor: 2 }],
      ['search:query', { query: 'kim', cursor: 3 }]
    ])
  })

  it('keeps a caret beyond the text within it', () => {
    callMock.mockResolvedValue(answering('kim', []))
    search.setQuery('kim', 99)
    expect(callMock).toHaveBeenLastCalledWith('search:query', { query: 'kim', cursor: 3 })
  })

  it('asks again when the caret moves to another place, and not when it stays', () => {
    callMock.mockResolvedValue(answering('kim trump', []))
    search.setQuery('kim trump', 9)
    search.moveCursor(9)
    expect(callMock).toHaveBeenCalledTimes(1)
    search.moveCursor(2)
    expect(callMock).toHaveBeenCalledTimes(2)
    expect(callMock).toHaveBeenLastCalledWith('search:query', { query: 'kim trump', cursor: 2 })
  })

  it.each([
    ['the older answer arrives last', ['fast', 'slow']],
    ['the answers arrive in order', ['slow', 'fast']]
  ])('shows only the newest query’s answer when %s', async (_case, order) => {
    const answers = { slow: deferredAnswer(), fast: deferredAnswer() }
    callMock.mockReturnValueOnce(answers.slow.promise).mockReturnValueOnce(answers.fast.promise)

    search.setQuery('tru', 3)
    search.setQuery('trump', 5)

    for (const which of order) {
      if (which === 'slow') answers.slow.answer('tru', ['older'])
      else answers.fast.answer('trump', ['newer'])
      await vi.advanceTimersByTimeAsync(0)
    }

    expect(search.results.map((r) => r.articleId)).toEqual(['newer'])
    expect(search.answered).toBe('trump')
  })

  it('never lets answers to three quick keystrokes land out of order', async () => {
    const answers = [deferredAnswer(), deferredAnswer(), deferredAnswer()]
    for (const answer of answers) callMock.mockReturnValueOnce(answer.promise)
    search.setQuery('k', 1)
    search.setQuery('ki', 2)
    search.setQuery('kim', 3)

    answers[1]?.answer('ki', ['middle'])
    await vi.advanceTimersByTimeAsync(0)
    expect(search.results).toEqual([])
    answers[2]?.answer('kim', ['newest'])
    answers[0]?.answer('k', ['oldest'])
    await vi.advanceTimersByTimeAsync(0)

    expect(search.results.map((r) => r.articleId)).toEqual(['newest'])
  })

  it('flags close spellings only when the answer says so', async () => {
    callMock.mockResolvedValueOnce(answering('denuclearisation', ['ndtv'], true))
    search.setQuery('denuclearisation')
    await vi.advanceTimersByTimeAsync(0)
    expect(search.fuzzy).toBe(true)

    callMock.mockResolvedValueOnce(answering('denuclearization', ['ndtv'], false))
    search.setQuery('denuclearization')
    await vi.advanceTimersByTimeAsync(0)
    expect(search.fuzzy).toBe(false)
  })

  it('does not claim nothing matched while the index is still loading', async () => {
    searchStatus.value = { state: 'loading', progress: 0.4, articles: 1000 }
    callMock.mockResolvedValue(answering('kim', []))
    search.setQuery('kim')
    await vi.advanceTimersByTimeAsync(0)
    expect(search.nothingFound).toBe(false)

    searchStatus.value = { state: 'ready', progress: 1, articles: 1000 }
    expect(search.nothingFound).toBe(true)
  })

  it('keeps quiet about a refused query while the index is loading', async () => {
    const { notices } = await import('../../../src/renderer/src/state/notices.svelte')
    searchStatus.value = { state: 'loading', progress: 0.1, articles: 1000 }
    callMock.mockResolvedValue({ ok: false, error: { code: 'internal', message: 'not ready' } })
    search.setQuery('kim')
    await vi.advanceTimersByTimeAsync(0)
    expect(notices.items).toEqual([])
  })

  it('asks the same query again when told to refresh', () => {
    callMock.mockResolvedValue(answering('kim', []))
    search.setQuery('kim', 2)
    search.refresh()
    expect(callMock.mock.calls).toEqual([
      ['search:query', { query: 'kim', cursor: 2 }],
      ['search:query', { query: 'kim', cursor: 2 }]
    ])
  })

  it('forgets results and ignores answers still on the way once the box is emptied', async () => {
    const pending = deferredAnswer()
    callMock.mockReturnValueOnce(pending.promise)
    search.setQuery('kim')

    search.setQuery('')
    pending.answer('kim', ['late'])
    await vi.advanceTimersByTimeAsync(0)

    expect(search.results).toEqual([])
  })

  it('says nothing was found only once the current query has been answered empty', async () => {
    callMock.mockResolvedValue(answering('xylophone', []))
    search.setQuery('xylophone')
    expect(search.nothingFound).toBe(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(search.nothingFound).toBe(true)
  })

  it('moves the active result with wrap-around', async () => {
    callMock.mockResolvedValue(answering('a', ['x', 'y', 'z']))
    search.setQuery('a')
    await vi.advanceTimersByTimeAsync(0)
    search.move(-1)
    expect(search.active?.articleId).toBe('z')
    search.move(1)
    expect(search.active?.articleId).toBe('x')
  })

  describe('a pasted page', () => {
    const paste = 'sanctions relief '.repeat(600)
    const { text: searched } = limitQuery(paste)

    it('is sent only as far as main accepts, cut between words, and the box says so', () => {
      callMock.mockResolvedValue(answering(searched, []))
      search.setQuery(paste, paste.length)
      const [channel, request] = callMock.mock.calls[0]!
      expect(channel).toBe('search:query')
      expect(request).toEqual({ query: searched })
      expect(searched.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
      expect(paste.startsWith(searched)).toBe(true)
      expect(search.query).toBe(paste)
      expect(search.limitNote).toBe(`Searching the first ${MAX_QUERY_WORDS} words`)
    })

    it('keeps the caret when it is inside what is searched', () => {
      callMock.mockResolvedValue(answering(searched, []))
      search.setQuery(paste, 4)
      expect(callMock).toHaveBeenLastCalledWith('search:query', { query: searched, cursor: 4 })
    })

    it('is answered without an error notice, and opens with the matches of what was searched', async () => {
      const { notices } = await import('../../../src/renderer/src/state/notices.svelte')
      const article = makeArticle([{ kind: 'title', text: 'NDTV' }], { id: 'ndtv' })
      callMock.mockImplementation((async (channel: string) => {
        if (channel === 'search:query') return answering(searched, ['ndtv'])
        if (channel === 'search:matches')
          return { ok: true, value: { articleId: 'ndtv', query: searched, ranges: [] } }
        return { ok: true, value: article }
      }) as unknown as typeof call)
      search.setQuery(paste)
      await vi.advanceTimersByTimeAsync(0)
      expect(search.results.map((r) => r.articleId)).toEqual(['ndtv'])
      expect(search.nothingFound).toBe(false)

      await search.open(0)
      expect(callMock).toHaveBeenCalledWith('search:matches', {
        articleId: 'ndtv',
        query: searched
      })
      expect(notices.items).toEqual([])
    })

    it('stops saying so once the query is short again', () => {
      callMock.mockResolvedValue(answering('kim', []))
      search.setQuery(paste)
      search.setQuery('kim')
      expect(search.limitNote).toBeNull()
      expect(callMock).toHaveBeenLastCalledWith('search:query', { query: 'kim' })
    })
  })

  it("clears the reader's hit highlights with the query", () => {
    reader.hits = [{ layer: 'search-hit', start: 0, end: 3, id: '0' }]
    reader.currentHit = 0
    search.clear()
    expect(reader.hits).toEqual([])
    expect(reader.currentHit).toBe(-1)
  })
})
