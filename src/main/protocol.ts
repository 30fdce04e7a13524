/**
 * The `app:` scheme the built renderer is served from. A privileged custom scheme gives the page
 * a real origin (`app://dossier`) for its CSP and fetch, without `file:`'s extra powers.
 */
import { protocol, type CustomScheme } from 'electron'
import { CONTENT_SECURITY_POLICY } from './security/content-security-policy'
import { APP_HOST, APP_SCHEME } from './security/url-policy'
import { readStaticFile } from './static-files'

/** How the scheme is registered: what `https:` would get, and nothing more. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true }
}

/**
 * Declares the scheme privileged. Electron only honours this before the app is ready, so it is
 * called while main is still loading.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
}

/** Headers every app response carries. */
const BASE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff'
}

/**
 * Answers one `app:` request from `rendererDir`. Exported for tests; Electron calls it through
 * `protocol.handle`.
 */
export async function respondFromRenderer(
  rendererDir: string,
  request: Request
): Promise<Response> {
  const url = new URL(request.url)
  if (url.host.toLowerCase() !== APP_HOST)
    return new Response('Not found', { status: 404, headers: BASE_HEADERS })
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: BASE_HEADERS })
  }
  const found = await readStaticFile(rendererDir, url.pathname)
  if (found.status !== 200) {
    return new Response(found.status === 400 ? 'Bad request' : 'Not found', {
      status: found.status,
      headers: BASE_HEADERS
    })
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(found.body), {
    status: 200,
    headers: { ...BASE_HEADERS, 'Content-Type': found.contentType }
  })
}

/** Serves the built renderer at `app://dossier/…`. Call once the app is ready. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondFromRenderer(rendererDir, request))
}
