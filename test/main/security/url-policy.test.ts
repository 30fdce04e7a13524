import { describe, expect, it } from 'vitest'
import {
  APP_ENTRY_URL,
  devServerOrigin,
  externalUrl,
  isAppUrl
} from '../../../src/main/security/url-policy'

describe('isAppUrl', () => {
  it.each([
    [APP_ENTRY_URL, null, true],
    ['app://dossier/assets/index-abc.js', null, true],
    ['app://dossier/', null, true],
    ['app://DOSSIER/index.html', null, true],
    ['app://evil/index.html', null, false],
    ['app://dossier.evil/index.html', null, false],
    ['app://dossier@evil/index.html', null, false],
    ['app://user:pass@dossier/index.html', null, false],
    ['file:///etc/passwd', null, false],
    ['https://example.com/', null, false],
    ['http://localhost:5173/', null, false],
    ['http://localhost:5173/', 'http://localhost:5173', true],
    ['http://localhost:5173/src/main.ts', 'http://localhost:5173', true],
    ['http://localhost:5174/', 'http://localhost:5173', false],
    ['https://localhost:5173/', 'http://localhost:5173', false],
    ['not a url', null, false],
    ['', 'http://localhost:5173', false]
  ])('judges %s (dev origin %s) as own page: %s', (url, devOrigin, expected) => {
    expect(isAppUrl(url, devOrigin)).toBe(expected)
  })
})

describe('externalUrl', () => {
  it.each([
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://EXAMPLE.COM/Path', 'https://example.com/Path'],
    ['mailto:editor@example.com', 'mailto:editor@example.com']
  ])('lets the system open %s as %s', (raw, expected) => {
    expect(externalUrl(raw)).toBe(expected)
  })

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://dossier/index.html',
    'smb://server/share',
    'ms-msdt:/id',
    'vbscript:msgbox',
    '//example.com/protocol-relative',
    'example.com',
    ''
  ])('keeps %s from leaving the app', (raw) => {
    expect(externalUrl(raw)).toBeNull()
  })
})

describe('devServerOrigin', () => {
  it('is the origin of ELECTRON_RENDERER_URL when electron-vite dev sets it', () => {
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173/index.html' })).toBe(
      'http://localhost:5173'
    )
  })

  it('is null when the built renderer is used', () => {
    expect(devServerOrigin({})).toBeNull()
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: '' })).toBeNull()
  })

  it('ignores a value that is not an http(s) URL', () => {
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'file:///tmp/x' })).toBeNull()
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'garbage' })).toBeNull()
  })
})
