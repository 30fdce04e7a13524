import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SearchStatus } from '@shared/model/search'

vi.mock('../../../src/renderer/src/lib/api', () => ({ call: vi.fn() }))

const { call } = await import('../../../src/renderer/src/lib/api')
const { searchStatus, STATUS_POLL_MS } =
  await import('../../../src/renderer/src/state/search-status.svelte')
const callMock = vi.mocked(call)

const status = (state: SearchStatus['state'], progress: number, message?: string) => ({
  ok: true as const,
  value: { state, progress, articles: 1000, ...(message ? { message } : {}) }
})

beforeEach(() => {
  vi.useFakeTimers()
  callMock.mockReset()
  searchStatus.value = null
})
afterEach(() => {
  vi.useRealTimers()
})

describe('search status', () => {
  it('asks again while the index loads, showing each step, until it is ready', async () => {
    callMock
      .mockResolvedValueOnce(status('loading', 0.2))
      .mockResolvedValueOnce(status('loading', 0.7))
      .mockResolvedValueOnce(status('ready', 1))
    const done = searchStatus.watch()

    await vi.advanceTimersByTimeAsync(0)
    expect(searchStatus.value?.progress).toBe(0.2)
    expect(searchStatus.loading).toBe(true)
    await vi.advanceTimersByTimeAsync(STATUS_POLL_MS)
    expect(searchStatus.value?.progress).toBe(0.7)
    await vi.advanceTimersByTimeAsync(STATUS_POLL_MS)

    await expect(done).resolves.toBe(true)
    expect(searchStatus.loading).toBe(false)
    expect(callMock).toHaveBeenCalledTimes(3)
  })

  it('stops asking when the index has failed, keeping the reason', async () => {
    callMock.mockResolvedValueOnce(status('failed', 0, 'The index file is damaged.'))
    await expect(searchStatus.watch()).resolves.toBe(false)
    expect(searchStatus.failed).toBe(true)
    expect(searchStatus.value?.message).toBe('The index file is damaged.')
    await vi.advanceTimersByTimeAsync(STATUS_POLL_MS * 3)
    expect(callMock).toHaveBeenCalledTimes(1)
  })

  it('assumes search is ready when the status cannot be had at all', async () => {
    callMock.mockResolvedValueOnce({ ok: false, error: { code: 'internal', message: 'gone' } })
    await expect(searchStatus.watch()).resolves.toBe(true)
    expect(searchStatus.value).toBeNull()
    expect(searchStatus.loading).toBe(false)
  })
})
