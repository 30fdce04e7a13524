/** Rate limiting for things that fire far more often than they need handling. */

export interface Throttled<A extends unknown[]> {
  (...args: A): void
  /** Runs a pending call now (e.g. before the thing it concerns goes away). */
  flush(): void
  /** Drops a pending call. */
  cancel(): void
}

/**
 * Runs `fn` at most once per `ms`: the first call at once, later ones coalesced into one
 * trailing call with the latest arguments, so the final state is never lost.
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number): Throttled<A> {
  let last = -Infinity
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: A | undefined
  const run = () => {
    timer = undefined
    last = Date.now()
    const args = pending
    pending = undefined
    if (args) fn(...args)
  }
  const throttled = (...args: A) => {
    pending = args
    const wait = last + ms - Date.now()
    if (wait <= 0 && timer === undefined) run()
    else timer ??= setTimeout(run, Math.max(wait, 0))
  }
  throttled.flush = () => {
    if (timer !== undefined) clearTimeout(timer)
    run()
  }
  throttled.cancel = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    pending = undefined
  }
  return throttled
}

/** Runs `fn` once calls have stopped for `ms`, with the latest arguments. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Throttled<A> {
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: A | undefined
  const run = () => {
    timer = undefined
    const args = pending
    pending = undefined
    if (args) fn(...args)
  }
  const debounced = (...args: A) => {
    pending = args
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(run, ms)
  }
  debounced.flush = () => {
    if (timer !== undefined) clearTimeout(timer)
    run()
  }
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    pending = undefined
  }
  return debounced
}
