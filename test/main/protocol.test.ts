import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const protocol = vi.hoisted(() => ({ registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }))
vi.mock('electron', () => ({ protocol }))

import {
  APP_SCHEME_PRIVILEGES,
  handleAppProtocol,
  registerAppScheme,
  respondFromRenderer
} from '../../src/main/protocol'
import { CONTENT_SECURITY_POLICY } from '../../src/main/security/content-security-policy'

let renderer: string

beforeAll(() => {
  renderer = mkdtempSync(join(tmpdir(), 'dossier-protocol-'))
  mkdirSync(join(renderer, 'assets'))
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Dossier</title>')
  writeFileSync(join(renderer, 'assets', 'app.css'), 'body{}')
})
afterAll(() => rmSync(renderer, { recursive: true, force: true }))

describe('registerAppScheme', () => {
  it('registers app: as standard, secure, fetchable and code-cached', () => {
    registerAppScheme()
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES])
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true }
    })
  })
})

describe('respondFromRenderer', () => {
  const get = (url: string, method = 'GET') =>
    respondFromRenderer(renderer, new Request(url, { method }))

  it('serves the entry page with its type and the CSP header', async () => {
    const response = await get('app://dossier/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await response.text()).toContain('<title>Dossier</title>')
  })

  it('serves assets with their MIME type', async () => {
    const response = await get('app://dossier/assets/app.css')
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(await response.text()).toBe('body{}')
  })

  it('answers 404 for unknown files and other hosts', async () => {
    expect((await get('app://dossier/missing.js')).status).toBe(404)
    expect((await get('app://elsewhere/index.html')).status).toBe(404)
  })

  it('refuses traversal and NUL bytes', async () => {
    expect((await get('app://dossier/%2e%2e%2fpackage.json')).status).toBe(404)
    expect((await get('app://dossier/index.html%00')).status).toBe(400)
  })

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://dossier/index.html', 'POST')).status).toBe(405)
    const head = await get('app://dossier/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})

describe('handleAppProtocol', () => {
  it('routes app: requests to the renderer folder', async () => {
    handleAppProtocol(renderer)
    const [scheme, handler] = protocol.handle.mock.calls[0] ?? []
    expect(scheme).toBe('app')
    const response: Response = await handler(new Request('app://dossier/'))
    expect(await response.text()).toContain('<title>Dossier</title>')
  })
})
