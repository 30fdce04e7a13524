import { describe, expect, it } from 'vitest'
import { isBlockedRequest } from '../../../src/main/security/network-policy'

describe('isBlockedRequest', () => {
  it.each([
    'https://example.com/tracker.js',
    'http://example.com/',
    'ws://example.com/socket',
    'wss://example.com/socket',
    'http://127.0.0.1:8080/'
  ])('cancels %s in the packaged app', (url) => {
    expect(isBlockedRequest(url, null)).toBe(true)
  })

  it.each([
    'app://dossier/index.html',
    'data:image/png;base64,AAAA',
    'devtools://devtools/bundled/inspector.html'
  ])('leaves non-network %s alone', (url) => {
    expect(isBlockedRequest(url, null)).toBe(false)
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
  })
})
