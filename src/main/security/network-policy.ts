/**
 * Dossier is offline by design: its pages never talk to the network. This decides which requests
 * the session cancels. Pure, so the policy is tested without Electron.
 */

const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:'])

/**
 * Whether a request for `raw` must be cancelled. Every http(s) and websocket request is, except
 * to the dev server in development (its page, modules and hot-reload socket share its host).
 * Other schemes (`app:`, `data:`, `devtools:`) are not network traffic and are left alone.
 */
export function isBlockedRequest(raw: string, devOrigin: string | null): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return true
  }
  if (!NETWORK_PROTOCOLS.has(url.protocol)) return false
  if (devOrigin === null) return true
  // The hot-reload socket is ws:// on the dev server's host, so compare hosts, not origins.
  return url.host !== new URL(devOrigin).host
}
