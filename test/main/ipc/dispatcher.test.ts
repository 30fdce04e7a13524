import { describe, expect, it, vi } from 'vitest'
import type { Handlers } from '@shared/ipc/contract'
import { DEFAULT_SETTINGS } from '@shared/model/settings'
import {
  createDispatcher,
  MAX_MESSAGE_LENGTH,
  NotFoundError,
  RequestError
} from '../../../src/main/ipc/dispatcher'

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
    'quotes:voices': () => ({ voices: [] }),
    'quotes:by-speaker': ({ speaker }) => ({ speaker, quotes: [] }),
    'notes:list': () => ({ annotations: [] }),
    'notes:create': () => {
      throw new Error('not in these tests')
    },
    'notes:update': () => {
      throw new Error('not in these tests')
    },
    'notes:delete': () => {
      throw new Error('not in these tests')
    },
    'notes:restore': () => {
      throw new Error('not in these tests')
    },
    'notes:export': () => ({ fileName: 'x.md', mimeType: 'text/markdown', content: '' }),
    'notes:import': () => ({ imported: 0, unchanged: 0 }),
    'notes:status': () => ({ notice: null, count: 0 }),
    'import:file': ({ name }) => ({ name, status: 'failed', reason: 'Not in these tests.' }),
    'import:cancel': () => ({ cancelled: false }),
    'library:edit': () => {
      throw new Error('not in these tests')
    },
    'library:remove': () => {
      throw new Error('not in these tests')
    },
    'library:restore': () => {
      throw new Error('not in these tests')
    },
    'library:removed': () => ({ articles: [] }),
    'library:page-text': () => ({ blocks: [] }),
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

  it('answers with the code and message of a RequestError with its code and message, unlogged', async () => {
    const log = vi.fn()
    const dispatch = createDispatcher(
      handlers({
        'notes:status': () => {
          throw new RequestError('invalid-request', 'The selection runs past the end')
        }
      }),
      { log }
    )
    expect(await dispatch('notes:status', undefined)).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'The selection runs past the end' }
    })
    expect(log).not.toHaveBeenCalled()
  })

  it('cuts a refusal that quotes the payload to a readable length', async () => {
    const hugeKey = 'k'.repeat(1_000_000)
    const dispatch = createDispatcher(
      handlers({
        'notes:status': () => {
          throw new RequestError(
            'invalid-request',
            `Annotation 12 (urn:uuid:${'😀'.repeat(400)}) is bad`
          )
        }
      })
    )
    const refusals = [
      await dispatch('library:get', { id: 'a', [hugeKey]: 1 }),
      await dispatch('notes:status', undefined)
    ]
    for (const refusal of refusals) {
      const message = !refusal.ok ? refusal.error.message : ''
      expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH)
      expect(message).toMatch(/…$/)
      expect(message).not.toMatch(/[\uD800-\uDBFF]…$/)
    }
    expect(!refusals[0]!.ok && refusals[0]!.error.message).toMatch(
      /^Invalid request for library:get/
    )
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
