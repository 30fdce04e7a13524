import { describe, expect, it } from 'vitest'
import { isBlockedRequest } from '../../../src/main/security/network-policy'

describe('isBlockedRequest', () => {
  it.each([
    'https://example.com/tracker.js',
    'https://example.com/pixel.png',
    'http://example.com/',
    'http://127.0.0.1:9/x',
    'http://127.0.0.1:8080/',
    'http://[::1]/x',
    'ws://example.com/socket',
    'wss://example.com/socket',
    'ftp://example.com/file.txt',
    'file:///etc/passwd',
    'chrome-extension://abcdefghijklmnop/script.js',
    'gopher://example.com/',
    'made-up-scheme://anything/at/all'
  ])('cancels %s in the packaged app', (url) => {
    expect(isBlockedRequest(url, null)).toBe(true)
  })

  it.each([
    'app://dossier/index.html',
    'app://dossier/assets/index-abc.js',
    'data:image/png;base64,AAAA',
    'blob:app://dossier/6f1c1f4e-3b0e-4b8e-9a53-2f1d5c0e9a11',
    'devtools://devtools/bundled/inspector.html'
  ])('leaves the app’s own and local %s alone', (url) => {
    expect(isBlockedRequest(url, null)).toBe(false)
  })

  it.each([
    'app://evil/index.html',
    'app://dossier.evil/index.html',
    'app://dossier@evil/index.html'
  ])('cancels %s, which is on the app scheme but not the app', (url) => {
    expect(isBlockedRequest(url, null)).toBe(true)
  })

  it.each(['', 'not a url', 'http//missing-colon'])('cancels the unparseable %j', (url) => {
    expect(isBlockedRequest(url, null)).toBe(true)
  })

  it('lets the dev server and its hot-reload socket through in development', () => {
    const dev = 'http://localhost:5173'
    expect(isBlockedRequest('http://localhost:5173/src/main.ts', dev)).toBe(false)
    expect(isBlockedRequest('ws://localhost:5173/', dev)).toBe(false)
  })

  it('still cancels everything else in development', () => {
    const dev = 'http://localhost:5173'
    expect(isBlockedRequest('https://example.com/', dev)).toBe(true)
    expect(isBlockedRequest('http://localhost:5174/', dev)).toBe(true)
    expect(isBlockedRequest('ftp://localhost:5173/', dev)).toBe(true)
    expect(isBlockedRequest('file:///etc/passwd', dev)).toBe(true)
  })
})
