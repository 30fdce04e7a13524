/**
 * The browser preview's loopback bridge: the same contract as Electron's IPC, carried over HTTP
 * on 127.0.0.1. The server puts a per-run token into the page it serves; every call must carry
 * it, so no other local page can reach the handlers.
 */
export const BRIDGE_PATH = '/api/invoke'
export const TOKEN_HEADER = 'x-dossier-token'
export const TOKEN_META = 'dossier-token'
/**
 * Names the call's channel, so the server can choose how much body to read before reading it:
 * `import:file` carries a whole file as base64, every other call is small.
 */
export const CHANNEL_HEADER = 'x-dossier-channel'
/** The one channel whose calls may be large. */
export const LARGE_BODY_CHANNEL = 'import:file'
/** The line the preview prints first on stdout; tests and people read the URL from it. */
export const PREVIEW_BANNER = 'Dossier preview: '

/** Body of a bridge call: `{ channel, request }`; the answer is the channel's `Result` as JSON. */
export interface BridgeCall {
  channel: string
  request?: unknown
}
