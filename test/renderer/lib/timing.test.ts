import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { debounce, throttle } from '../../../src/renderer/src/lib/timing'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('throttle', () => {
  it('runs the first call at once and the last of a burst once the interval is over', () => {
    const fn = vi.fn()
    const throttled = throttle(fn, 300)
    throttled(1)
    throttled(2)
    throttled(3)
    expect(fn.mock.calls).toEqual([[1]])
    vi.advanceTimersByTime(300)
    expect(fn.mock.calls).toEqual([[1], [3]])
  })

  it('runs a pending call immediately when flushed, and not again later', () => {
    const fn = vi.fn()
    const throttled = throttle(fn, 300)
    throttled('a')
    throttled('b')
    throttled.flush()
    vi.advanceTimersByTime(1000)
    expect(fn.mock.calls).toEqual([['a'], ['b']])
  })
})

describe('debounce', () => {
  it('runs once, with the latest arguments, after calls stop', () => {
    const fn = vi.fn()
    const debounced = debounce(fn, 60)
    debounced('k')
    vi.advanceTimersByTime(40)
    debounced('ki')
    vi.advanceTimersByTime(40)
    debounced('kim')
    expect(fn).not.toHaveBeenCalled()
    vi.advanceTimersByTime(60)
    expect(fn.mock.calls).toEqual([['kim']])
  })

  it('drops a pending call when cancelled', () => {
    const fn = vi.fn()
    const debounced = debounce(fn, 60)
    debounced('x')
    debounced.cancel()
    vi.advanceTimersByTime(100)
    expect(fn).not.toHaveBeenCalled()
  })
})
