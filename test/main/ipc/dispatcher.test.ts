import { describe, expect, it, vi } from 'vitest'
import type { Handlers } from '@shared/ipc/contract'
import { DEFAULT_SETTINGS } from '@shared/model/settings'
import { createDispatcher, NotFoundError } from '../../../src/main/ipc/dispatcher'

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'library:list': () => ({ articles: [], skipped: [] }),
    'library:get': ({ id }) => {
      throw new NotFoundError(`No article with id "${id}"`)
    },
    'search:query': ({ query }) => ({ query, results: [], fuzzy: false }),
    'search:status': () => ({ state: 'ready', progress: 1, articles: 0 }),
    'search:matches': ({ articleId, query }) => ({ articleId, query, ranges: [] }),
    'settings:get': () => DEFAULT_SETTINGS,
    'settings:update': () => DEFAULT_SETTINGS,
    'reading:save-position': () => DEFAULT_SETTINGS,
    ...overrides
  }
}

describe('createDispatcher', () => {
  it('answers a valid call with the handler value', async () => {
    const dispatch = createDispatcher(handlers())
    expect(await dispatch('search:query', { query: 'kim' })).toEqual({
      ok: true,
      value: { query: 'kim', results: [], fuzzy: false }
    })
  })

  it('refuses an unknown channel', async () => {
    const dispatch = createDispatcher(handlers())
    expect(await dispatch('fs:read', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' }
    })
    expect(await dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
  })

  it('refuses an invalid payload before the handler sees it, saying where', async () => {
    const search = vi.fn()
    const dispatch = createDispatcher(handlers({ 'search:query': search }))
    const result = await dispatch('search:query', { query: 5 })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(!result.ok && result.error.message).toMatch(/search:query at query/)
    expect(search).not.toHaveBeenCalled()
  })

  it('answers not-found for a missing thing', async () => {
    const dispatch = createDispatcher(handlers())
    expect(await dispatch('library:get', { id: 'nope' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No article with id "nope"' }
    })
  })

  it('turns a handler crash into a generic error and logs the detail', async () => {
    const log = vi.fn()
    const dispatch = createDispatcher(
      handlers({
        'library:list': () => {
          throw new Error('disk on fire')
        }
      }),
      { log }
    )
    expect(await dispatch('library:list', undefined)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'library:list failed unexpectedly' }
    })
    expect(log.mock.calls[0]?.[0]).toMatch(/disk on fire/)
  })
})
