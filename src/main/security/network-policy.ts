/**
 * Dossier is offline by design: its pages never talk to the network. This decides which requests
 * the session cancels. Pure, so the policy is tested without Electron.
 */
import { isAppUrl } from './url-policy'

/**
 * Schemes that never leave the machine: in-memory data and blobs (the exports' downloads are
 * blobs), and DevTools' own frontend. Everything not named here is cancelled, so a scheme nobody
 * thought of (ftp:, file:, chrome-extension:, a future one) fails closed.
 */
const LOCAL_PROTOCOLS = new Set(['data:', 'blob:', 'devtools:'])

/** What electron-vite's dev server speaks: its page and modules, and the hot-reload socket. */
const DEV_SERVER_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:'])

/**
 * Whether a request for `raw` must be cancelled. Allowed: the app's own pages and assets
 * (`app://dossier/…`), the local schemes above, and in development the dev server. Everything
 * else is cancelled: http(s), websockets, ftp, other `app:` hosts, unknown schemes, garbage.
 */
export function isBlockedRequest(raw: string, devOrigin: string | null): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return true
  }
  if (url.protocol === 'app:') return !isAppUrl(raw)
  if (LOCAL_PROTOCOLS.has(url.protocol)) return false
  if (devOrigin !== null && DEV_SERVER_PROTOCOLS.has(url.protocol)) {
    // The hot-reload socket is ws:// on the dev server's host, so compare hosts, not origins.
    return url.host !== new URL(devOrigin).host
  }
  return true
}
