import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { BRIDGE_PATH, CHANNEL_HEADER, TOKEN_HEADER, TOKEN_META } from '@shared/ipc/http-bridge'
import { fail, ok } from '@shared/ipc/result'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security/content-security-policy'
import {
  injectToken,
  MAX_BODY_BYTES,
  startPreviewServer,
  type PreviewServer
} from '../../../src/main/preview/server'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

let dir: string
let server: PreviewServer
const dispatch = vi.fn(async (channel: unknown, request: unknown) =>
  channel === 'library:list' ? ok({ echoed: request ?? null }) : fail('unknown-channel', 'nope')
)

/** A raw HTTP request: unlike fetch, it keeps `..` in paths and lets the test set Host. */
function send(options: {
  path: string
  method?: string
  headers?: OutgoingHttpHeaders
  body?: string | Buffer
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString()
          })
        )
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

function invoke(body: unknown, overrides: OutgoingHttpHeaders = {}): Promise<Reply> {
  const headers: OutgoingHttpHeaders = {
    'content-type': 'application/json',
    [TOKEN_HEADER]: server.token,
    ...overrides
  }
  // An override of undefined means "leave this header out".
  for (const name of Object.keys(headers)) if (headers[name] === undefined) delete headers[name]
  return send({
    path: BRIDGE_PATH,
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-preview-'))
  const renderer = join(dir, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(
    join(renderer, 'index.html'),
    '<!doctype html><html><head><title>D</title></head><body></body></html>'
  )
  writeFileSync(join(renderer, 'assets', 'app.js'), 'export {}')
  writeFileSync(join(dir, 'package.json'), '{"secret":true}')
  server = await startPreviewServer({ rendererDir: renderer, dispatch })
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => dispatch.mockClear())

describe('startPreviewServer', () => {
  it('listens on 127.0.0.1 only, on a random port', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`)
    expect(server.port).toBeGreaterThan(0)
    await expect(
      new Promise((resolve, reject) => {
        const req = httpRequest({ host: '::1', port: server.port, path: '/' }, resolve)
        req.on('error', reject)
        req.end()
      })
    ).rejects.toThrow()
  })

  it('makes a fresh, unguessable token per run', async () => {
    const other = await startPreviewServer({ rendererDir: dir, dispatch })
    await other.close()
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(other.token).not.toBe(server.token)
  })

  it('serves index.html with the token in a meta tag, the CSP, and no caching', async () => {
    const reply = await send({ path: '/' })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(reply.body).toContain(`<head><meta name="${TOKEN_META}" content="${server.token}">`)
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(reply.headers['cache-control']).toBe('no-store')
  })

  it('serves assets with their MIME type', async () => {
    const reply = await send({ path: '/assets/app.js?v=1' })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(reply.body).toBe('export {}')
  })

  it.each([
    ['/../package.json', 404],
    ['/assets/../../package.json', 404],
    ['/%2e%2e%2fpackage.json', 404],
    ['/%2e%2e/package.json', 404],
    ['/index.html%00', 400],
    ['/missing.js', 404]
  ])('refuses %s with %i', async (path, status) => {
    const reply = await send({ path })
    expect(reply.status).toBe(status)
    expect(reply.body).not.toContain('secret')
  })

  it('answers a good bridge call with the Result from dispatch', async () => {
    const reply = await invoke({ channel: 'library:list' })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(JSON.parse(reply.body)).toEqual(ok({ echoed: null }))
    expect(dispatch).toHaveBeenCalledWith('library:list', undefined)
  })

  it('passes the request payload through and returns failures as Results', async () => {
    const reply = await invoke({ channel: 'library:get', request: { id: 'x' } })
    expect(dispatch).toHaveBeenCalledWith('library:get', { id: 'x' })
    expect(JSON.parse(reply.body)).toEqual(fail('unknown-channel', 'nope'))
  })

  it('accepts localhost as the Host too', async () => {
    const reply = await invoke({ channel: 'library:list' }, { host: `localhost:${server.port}` })
    expect(reply.status).toBe(200)
  })

  it.each([
    ['a missing token', { [TOKEN_HEADER]: undefined }],
    ['a wrong token', { [TOKEN_HEADER]: 'x'.repeat(32) }],
    ['an empty token', { [TOKEN_HEADER]: '' }]
  ])('refuses %s with 403 and never dispatches', async (_what, headers) => {
    const reply = await invoke({ channel: 'library:list' }, headers as OutgoingHttpHeaders)
    expect(reply.status).toBe(403)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it.each(['evil.example:80', 'evil.example', `127.0.0.1:${1}`, `127.0.0.1.evil.example`])(
    'refuses Host %s (DNS rebinding) for calls and pages alike',
    async (host) => {
      expect((await invoke({ channel: 'library:list' }, { host })).status).toBe(403)
      const page = await send({ path: '/', headers: { host } })
      expect(page.status).toBe(403)
      expect(page.body).not.toContain(server.token)
      expect(dispatch).not.toHaveBeenCalled()
    }
  )

  it('refuses a call from another origin even with the token', async () => {
    const reply = await invoke({ channel: 'library:list' }, { origin: 'https://evil.example' })
    expect(reply.status).toBe(403)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('answers without any CORS header, even to a preflight', async () => {
    const preflight = await send({
      path: BRIDGE_PATH,
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' }
    })
    const call = await invoke({ channel: 'library:list' })
    for (const reply of [preflight, call]) {
      expect(
        Object.keys(reply.headers).filter((name) => name.startsWith('access-control-'))
      ).toEqual([])
    }
  })

  it('refuses a body that is not JSON by content type', async () => {
    const reply = await invoke('{"channel":"library:list"}', { 'content-type': 'text/plain' })
    expect(reply.status).toBe(415)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('answers malformed JSON with a 400 Result', async () => {
    const reply = await invoke('{"channel":')
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
  })

  it.each([['[]'], ['null'], ['"library:list"'], ['{"channel":42}']])(
    'answers a body without a channel (%s) with a 400 Result',
    async (body) => {
      const reply = await invoke(body)
      expect(reply.status).toBe(400)
      expect(dispatch).not.toHaveBeenCalled()
    }
  )

  it('refuses a body over 1 MB', async () => {
    const padding = 'x'.repeat(MAX_BODY_BYTES)
    const reply = await invoke({ channel: 'library:list', request: padding })
    expect(reply.status).toBe(413)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('reads a large body only for import:file, named in the channel header', async () => {
    const data = 'A'.repeat(MAX_BODY_BYTES)
    const named = { [CHANNEL_HEADER]: 'import:file' }
    const file = { channel: 'import:file', request: { batchId: 'b', name: 'a.txt', data } }
    expect((await invoke(file)).status).toBe(413)
    expect((await invoke(file, named)).status).toBe(200)
    const other = { channel: 'library:list', request: data }
    expect((await invoke(other, named)).status).toBe(400)
    expect(dispatch).toHaveBeenCalledTimes(1)
  })

  it('answers GET on the bridge path with 405', async () => {
    expect((await send({ path: BRIDGE_PATH })).status).toBe(405)
  })
})

describe('injectToken', () => {
  it('puts the meta tag first in a head with attributes', () => {
    expect(injectToken('<html><HEAD lang="en"><title>x</title></HEAD></html>', 'T')).toBe(
      `<html><HEAD lang="en"><meta name="${TOKEN_META}" content="T"><title>x</title></HEAD></html>`
    )
  })

  it('does not mistake <header> for <head>', () => {
    expect(injectToken('<header></header><head></head>', 'T')).toBe(
      `<header></header><head><meta name="${TOKEN_META}" content="T"></head>`
    )
  })
})
