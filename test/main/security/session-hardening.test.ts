import { describe, expect, it, vi } from 'vitest'
import type { Session } from 'electron'
import { hardenSession } from '../../../src/main/security/session-hardening'
import { fakeSessionApi } from '../../support/fake-session'

/** A session that records the handlers installed on it, so a test can call them as Electron would. */
function fakeSession() {
  const session = fakeSessionApi()
  return { session, asSession: session as unknown as Session }
}

/** The session's answer to a request for `url`: `{ cancel }`, as the real listener gives it. */
function answerFor(session: ReturnType<typeof fakeSession>['session'], url: string): unknown {
  const onBefore = session.webRequest.onBeforeRequest.mock.calls[0]?.[0]
  const callback = vi.fn()
  onBefore({ url, method: 'GET', resourceType: 'image' }, callback)
  expect(callback).toHaveBeenCalledOnce()
  return callback.mock.calls[0]?.[0]
}

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const { session, asSession } = fakeSession()
    hardenSession(asSession, null)
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0]
    const callback = vi.fn()
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal'
    ]) {
      request({}, permission, callback, {})
    }
    expect(callback.mock.calls).toEqual([[false], [false], [false], [false], [false]])
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0]
    for (const permission of ['clipboard-read', 'hid', 'serial', 'usb', 'media']) {
      expect(check({}, permission, 'app://dossier', {})).toBe(false)
    }
  })

  it('denies access to every USB, HID and serial device', () => {
    const { session, asSession } = fakeSession()
    hardenSession(asSession, null)
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0]
    for (const deviceType of ['usb', 'hid', 'serial']) {
      expect(device({ deviceType, origin: 'app://dossier', device: {} })).toBe(false)
    }
  })

  it('answers a screen-capture request with no stream', () => {
    const { session, asSession } = fakeSession()
    hardenSession(asSession, null)
    const display = session.setDisplayMediaRequestHandler.mock.calls[0]?.[0]
    const callback = vi.fn()
    display(
      { videoRequested: true, audioRequested: true, securityOrigin: 'app://dossier' },
      callback
    )
    expect(callback).toHaveBeenCalledWith({})
  })

  it('turns the spellchecker (and its dictionary downloads) off', () => {
    const { session, asSession } = fakeSession()
    hardenSession(asSession, null)
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false)
  })

  // The no-network proof at the session layer: an article's remote image, a loopback port and a
  // websocket are all cancelled before a connection is attempted; the app's own files are not.
  it.each([
    'https://example.com/pixel.png',
    'http://127.0.0.1:9/x',
    'ws://127.0.0.1:9/socket',
    'wss://example.com/',
    'ftp://example.com/file'
  ])('cancels %s', (url) => {
    const { session, asSession } = fakeSession()
    hardenSession(asSession, null)
    expect(answerFor(session, url)).toEqual({ cancel: true })
  })

  it.each(['app://dossier/index.html', 'app://dossier/assets/index-abc.js', 'data:,'])(
    'lets %s through',
    (url) => {
      const { session, asSession } = fakeSession()
      hardenSession(asSession, null)
      expect(answerFor(session, url)).toEqual({ cancel: false })
    }
  )

  it('lets the dev server through in development, and nothing else', () => {
    const { session, asSession } = fakeSession()
    hardenSession(asSession, 'http://localhost:5173')
    expect(answerFor(session, 'http://localhost:5173/src/main.ts')).toEqual({ cancel: false })
    expect(answerFor(session, 'https://example.com/pixel.png')).toEqual({ cancel: true })
  })
})
