/**
 * The browser preview's loopback bridge: the same contract as Electron's IPC, carried over HTTP
 * on 127.0.0.1. The server puts a per-run token into the page it serves; every call must carry
 * it, so no other local page can reach the handlers.
 */
export const BRIDGE_PATH = '/api/invoke'
export const TOKEN_HEADER = 'x-dossier-token'
export const TOKEN_META = 'dossier-token'
/** The line the preview prints first on stdout; tests and people read the URL from it. */
export const PREVIEW_BANNER = 'Dossier preview: '

/** Body of a bridge call: `{ channel, request }`; the answer is the channel's `Result` as JSON. */
export interface BridgeCall {
  channel: string
  request?: unknown
}
