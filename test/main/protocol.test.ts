import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
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

/** What a file outside the renderer folder holds; no response may ever contain it. */
const SECRET = 'private notes outside the renderer folder'

let root: string
let renderer: string

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dossier-protocol-'))
  renderer = join(root, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Dossier</title>')
  writeFileSync(join(renderer, 'assets', 'app.css'), 'body{}')
  writeFileSync(join(root, 'secret.txt'), SECRET)
  // Links planted inside the served folder that lead out of it: a file and a directory.
  symlinkSync(join(root, 'secret.txt'), join(renderer, 'assets', 'leak.txt'))
  symlinkSync(root, join(renderer, 'linked'), 'dir')
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

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

  it.each([
    ['a plain parent segment', 'app://dossier/../secret.txt'],
    ['an encoded parent segment', 'app://dossier/%2e%2e/secret.txt'],
    ['an encoded parent and slash', 'app://dossier/%2E%2E%2Fsecret.txt'],
    ['parents after a real folder', 'app://dossier/assets/..%2f..%2fsecret.txt'],
    ['an encoded backslash', 'app://dossier/%2e%2e%5csecret.txt'],
    ['a raw backslash', 'app://dossier/..\\secret.txt'],
    ['a double-encoded parent', 'app://dossier/%252e%252e/secret.txt'],
    ['an overlong UTF-8 dot', 'app://dossier/%C0%AE%C0%AE/secret.txt'],
    ['full-width dots', 'app://dossier/%EF%BC%8E%EF%BC%8E/secret.txt'],
    ['a NUL byte', 'app://dossier/index.html%00'],
    ['a NUL byte before a parent', 'app://dossier/%00/../secret.txt'],
    ['an absolute path', 'app://dossier/<root-encoded>'],
    ['a doubled slash', 'app://dossier/<root>'],
    ['a Windows drive path', 'app://dossier/C:%5CWindows%5Cwin.ini'],
    ['a symlinked file', 'app://dossier/assets/leak.txt'],
    ['a symlinked folder', 'app://dossier/linked/secret.txt'],
    ['a very long path', `app://dossier/${'a/'.repeat(20_000)}index.html`],
    ['a very long name', `app://dossier/${'x'.repeat(100_000)}`]
  ])('refuses %s with a 4xx and never reveals a file outside the folder', async (_what, url) => {
    // The folder is only known once created: the two absolute-path cases name it here.
    const secretPath = join(root, 'secret.txt')
    const target = url
      .replace('<root-encoded>', encodeURIComponent(secretPath))
      .replace('<root>', secretPath)
    for (const method of ['GET', 'HEAD']) {
      const response = await get(target, method)
      expect([400, 404]).toContain(response.status)
      expect(await response.text()).not.toContain(SECRET)
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    }
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
