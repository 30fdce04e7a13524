import { describe, expect, it, vi } from 'vitest'
import type { Session } from 'electron'
import { hardenSession } from '../../../src/main/security/session-hardening'

function fakeSession() {
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() }
  }
  return { session, asSession: session as unknown as Session }
}

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const { session, asSession } = fakeSession()
    hardenSession(asSession, null)
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0]
    const callback = vi.fn()
    request({}, 'media', callback)
    request({}, 'notifications', callback)
    expect(callback.mock.calls).toEqual([[false], [false]])
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0]
    expect(check({}, 'clipboard-read')).toBe(false)
  })

  it('cancels network requests and lets app requests through', () => {
    const { session, asSession } = fakeSession()
    hardenSession(asSession, null)
    const onBefore = session.webRequest.onBeforeRequest.mock.calls[0]?.[0]
    const answer = (url: string) => {
      const callback = vi.fn()
      onBefore({ url }, callback)
      return callback.mock.calls[0]?.[0]
    }
    expect(answer('https://example.com/pixel.gif')).toEqual({ cancel: true })
    expect(answer('wss://example.com/')).toEqual({ cancel: true })
    expect(answer('app://dossier/index.html')).toEqual({ cancel: false })
  })

  it('lets the dev server through in development', () => {
    const { session, asSession } = fakeSession()
    hardenSession(asSession, 'http://localhost:5173')
    const onBefore = session.webRequest.onBeforeRequest.mock.calls[0]?.[0]
    const callback = vi.fn()
    onBefore({ url: 'http://localhost:5173/src/main.ts' }, callback)
    expect(callback).toHaveBeenCalledWith({ cancel: false })
  })
})
