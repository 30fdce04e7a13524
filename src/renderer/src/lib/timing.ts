/** Rate limiting for things that fire far more often than they need handling. */

export interface Throttled<A extends unknown[]> {
  (...args: A): void
  /** Runs a pending call now (e.g. before the thing it concerns goes away). */
  flush(): void
  /** Drops a pending call. */
  cancel(): void
}

/**
 * The latest arguments waiting for one timer, and the flush/cancel both limiters offer; they
 * differ only in when they schedule the call.
 */
function pendingCall<A extends unknown[]>(
  fn: (...args: A) => void,
  schedule: (run: () => void, pending: { timer?: ReturnType<typeof setTimeout> }) => void
): Throttled<A> {
  const state: { timer?: ReturnType<typeof setTimeout>; args?: A } = {}
  const run = () => {
    state.timer = undefined
    const args = state.args
    state.args = undefined
    if (args) fn(...args)
  }
  const call = ((...args: A) => {
    state.args = args
    schedule(run, state)
  }) as Throttled<A>
  call.flush = () => {
    clearTimeout(state.timer)
    run()
  }
  call.cancel = () => {
    clearTimeout(state.timer)
    state.timer = undefined
    state.args = undefined
  }
  return call
}

/**
 * Runs `fn` at most once per `ms`: the first call at once, later ones coalesced into one
 * trailing call with the latest arguments, so the final state is never lost.
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number): Throttled<A> {
  let last = -Infinity
  return pendingCall<A>(
    (...args) => {
      last = Date.now()
      fn(...args)
    },
    (run, state) => {
      const wait = last + ms - Date.now()
      if (wait <= 0 && state.timer === undefined) run()
      else state.timer ??= setTimeout(run, Math.max(wait, 0))
    }
  )
}

/** Runs `fn` once calls have stopped for `ms`, with the latest arguments. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Throttled<A> {
  return pendingCall<A>(fn, (run, state) => {
    clearTimeout(state.timer)
    state.timer = setTimeout(run, ms)
  })
}
