import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BRIDGE_PATH, TOKEN_HEADER, TOKEN_META } from '@shared/ipc/http-bridge'
import { call } from '../../../src/renderer/src/lib/api'

const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('call, in the browser preview (no window.dossier)', () => {
  let meta: HTMLMetaElement

  beforeEach(() => {
    meta = document.createElement('meta')
    meta.name = TOKEN_META
    meta.content = 'secret-token-123'
    document.head.append(meta)
  })

  afterEach(() => {
    meta.remove()
    vi.unstubAllGlobals()
  })

  it('posts the channel and request to the bridge with the page token', async () => {
    const fetchMock = vi.fn(async () => jsonResponse({ ok: true, value: { theme: 'dark' } }))
    vi.stubGlobal('fetch', fetchMock)

    const result = await call('settings:update', { theme: 'dark' })

    expect(result).toEqual({ ok: true, value: { theme: 'dark' } })
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe(BRIDGE_PATH)
    expect(init.method).toBe('POST')
    expect(new Headers(init.headers).get(TOKEN_HEADER)).toBe('secret-token-123')
    expect(JSON.parse(String(init.body))).toEqual({
      channel: 'settings:update',
      request: { theme: 'dark' }
    })
  })

  it('sends no request field for channels that take none', async () => {
    const fetchMock = vi.fn(async () =>
      jsonResponse({ ok: true, value: { articles: [], skipped: [] } })
    )
    vi.stubGlobal('fetch', fetchMock)

    await call('library:list')

    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(JSON.parse(String(init.body))).toEqual({ channel: 'library:list' })
  })

  it('passes on a refusal the server answers as a Result', async () => {
    const refusal = { ok: false, error: { code: 'forbidden', message: 'Missing or wrong token' } }
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(refusal, 403))
    )

    expect(await call('settings:get')).toEqual(refusal)
  })

  it('turns a network failure into an internal error instead of throwing', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch')
      })
    )

    const result = await call('library:list')

    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('internal')
      expect(result.error.message).toMatch(/Failed to fetch/)
    }
  })

  it('turns an answer that is not a Result into an internal error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 }))
    )

    const result = await call('settings:get')

    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('502') }
    })
  })
})

describe('call, in Electron (window.dossier present)', () => {
  afterEach(() => {
    delete (window as unknown as { dossier?: unknown }).dossier
    vi.unstubAllGlobals()
  })

  it('goes through the preload bridge and never fetches', async () => {
    const invoke = vi.fn(async () => ({
      ok: true,
      value: { articleId: 'a', query: 'q', ranges: [] }
    }))
    ;(window as unknown as { dossier: unknown }).dossier = { invoke }
    const fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)

    const result = await call('search:matches', { articleId: 'a', query: 'q' })

    expect(result.ok).toBe(true)
    expect(invoke).toHaveBeenCalledWith('search:matches', { articleId: 'a', query: 'q' })
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('turns a bridge that throws into an internal error', async () => {
    ;(window as unknown as { dossier: unknown }).dossier = {
      invoke: async () => {
        throw new Error('IPC channel closed')
      }
    }

    const result = await call('settings:get')

    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('internal')
  })
})
