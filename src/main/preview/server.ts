/**
 * The browser preview: the built renderer and the IPC contract served over HTTP on 127.0.0.1, so
 * the real UI runs in an ordinary browser. It answers only its own page: every bridge call must
 * carry the per-run token the page was served with, name this server as its Host (a DNS-rebinding
 * guard), and be JSON. There are no CORS headers, so no other origin can read an answer.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  BRIDGE_PATH,
  CHANNEL_HEADER,
  LARGE_BODY_CHANNEL,
  TOKEN_HEADER,
  TOKEN_META
} from '@shared/ipc/http-bridge'
import { IMPORT_MAX_BASE64 } from '@shared/import/limits'
import { fail, type Result } from '@shared/ipc/result'
import type { Dispatch } from '../ipc/dispatcher'
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy'
import { readStaticFile } from '../static-files'

/** Bridge requests are small JSON payloads; anything near this is not one. */
export const MAX_BODY_BYTES = 1024 * 1024
/** An `import:file` call (named in its CHANNEL_HEADER): the largest file as base64, and room. */
export const MAX_IMPORT_BODY_BYTES = IMPORT_MAX_BASE64 + 64 * 1024

export interface PreviewServerOptions {
  /** The built renderer (`out/renderer`). */
  rendererDir: string
  dispatch: Dispatch
  /** 0 (the default) picks a free port. */
  port?: number
  /** Loopback only, by type: the preview must never be reachable from the network. */
  host?: '127.0.0.1'
}

export interface PreviewServer {
  /** `http://127.0.0.1:PORT/` */
  url: string
  port: number
  token: string
  close(): Promise<void>
}

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer'
}

/** Starts the preview server; resolves once it is listening. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const host = options.host ?? '127.0.0.1'
  const token = randomBytes(24).toString('base64url')
  const tokenDigest = digest(token)
  let port = 0

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // Reaching here is a bug in this file; the client still gets an answer.
      console.error(`[dossier] preview request failed: ${String(error)}`)
      if (!response.headersSent) sendResult(response, 500, fail('internal', 'Preview server error'))
      else response.destroy()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Checked on every request, not only the bridge: the page itself carries the token.
    if (!isOwnHost(request.headers.host, port)) {
      return sendResult(response, 403, fail('forbidden', 'Unexpected Host header'))
    }
    const url = new URL(request.url ?? '/', `http://${host}:${port}`)
    if (url.pathname === BRIDGE_PATH) return handleBridge(request, response)
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...COMMON_HEADERS, Allow: 'GET, HEAD' })
      return void response.end()
    }
    // The raw path, not url.pathname: URL parsing would quietly resolve `..` segments.
    const found = await readStaticFile(options.rendererDir, rawPathname(request.url ?? '/'))
    if (found.status !== 200) {
      response.writeHead(found.status, { ...COMMON_HEADERS, 'Content-Type': 'text/plain' })
      return void response.end(found.status === 400 ? 'Bad request' : 'Not found')
    }
    const body = found.contentType.startsWith('text/html')
      ? Buffer.from(injectToken(found.body.toString('utf8'), token))
      : found.body
    response.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': found.contentType,
      'Content-Length': body.length
    })
    response.end(request.method === 'HEAD' ? undefined : body)
  }

  async function handleBridge(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') {
      return sendResult(response, 405, fail('invalid-request', 'Use POST'), { Allow: 'POST' })
    }
    if (!isOwnOrigin(request.headers.origin, port)) {
      return sendResult(response, 403, fail('forbidden', 'Cross-origin call refused'))
    }
    const given = request.headers[TOKEN_HEADER]
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), tokenDigest)) {
      return sendResult(response, 403, fail('forbidden', 'Missing or wrong token'))
    }
    if (!isJson(request.headers['content-type'])) {
      return sendResult(response, 415, fail('invalid-request', 'Expected application/json'))
    }
    const large = request.headers[CHANNEL_HEADER] === LARGE_BODY_CHANNEL
    const body = await readBody(request, large ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES)
    if (body === null) {
      return sendResult(response, 413, fail('invalid-request', 'Request body too large'), {
        Connection: 'close'
      })
    }
    const call = parseCall(body)
    if (!call.ok) return sendResult(response, 400, call)
    if (large && call.value.channel !== LARGE_BODY_CHANNEL) {
      return sendResult(
        response,
        400,
        fail('invalid-request', 'The channel header names another channel')
      )
    }
    let result: Result<unknown>
    try {
      result = await options.dispatch(call.value.channel, call.value.request)
    } catch (error) {
      console.error(`[dossier] preview dispatch threw: ${String(error)}`)
      result = fail('internal', 'Dispatch failed unexpectedly')
    }
    sendResult(response, 200, result)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port

  return {
    url: `http://${host}:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // Browsers keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections()
      })
  }
}

/** Puts the token into the page's `<head>` as `<meta name="dossier-token">`. */
export function injectToken(html: string, token: string): string {
  const meta = `<meta name="${TOKEN_META}" content="${token}">`
  const head = /<head(\s[^>]*)?>/i.exec(html)
  if (!head) return meta + html
  const at = head.index + head[0].length
  return html.slice(0, at) + meta + html.slice(at)
}

function digest(value: string): Buffer {
  // Hashing first gives equal-length inputs, so the comparison leaks neither content nor length.
  return createHash('sha256').update(value).digest()
}

function isOwnHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`
}

function isOwnOrigin(origin: string | undefined, port: number): boolean {
  // Same-origin fetches may omit Origin; when present it must be this server.
  return (
    origin === undefined ||
    origin === `http://127.0.0.1:${port}` ||
    origin === `http://localhost:${port}`
  )
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json'
}

function rawPathname(requestUrl: string): string {
  const end = requestUrl.search(/[?#]/)
  return end === -1 ? requestUrl : requestUrl.slice(0, end)
}

/** The body as text, or null once it exceeds `limit` bytes (the rest is not read). */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        request.removeAllListeners('data')
        request.pause()
        resolve(null)
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

type ParsedCall = { ok: true; value: { channel: string; request: unknown } } | Result<never>

function parseCall(body: string): ParsedCall {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return fail('invalid-request', 'Malformed JSON')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail('invalid-request', 'Expected { channel, request }')
  }
  const { channel, request } = parsed as Record<string, unknown>
  if (typeof channel !== 'string') return fail('invalid-request', 'Expected a channel name')
  return { ok: true, value: { channel, request } }
}

function sendResult(
  response: ServerResponse,
  status: number,
  result: Result<unknown>,
  extra: Record<string, string> = {}
): void {
  const body = JSON.stringify(result)
  response.writeHead(status, {
    ...COMMON_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body)
  })
  response.end(body)
}
