/**
 * Which URLs the app treats as its own, and which it may hand to the operating system.
 * Pure: the Electron wiring (navigation guards, IPC sender checks) asks these questions.
 */

/** The privileged scheme the built renderer is served from. */
export const APP_SCHEME = 'app'
/** The one host under the app scheme; anything else on `app:` is not ours. */
export const APP_HOST = 'dossier'
/** Every app page starts with this. */
export const APP_ORIGIN_PREFIX = `${APP_SCHEME}://${APP_HOST}/`
/** The page the window loads in production. */
export const APP_ENTRY_URL = `${APP_ORIGIN_PREFIX}index.html`

/** Schemes the system may open for a link the reader clicked; everything else stays shut. */
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

function parse(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/**
 * The origin of electron-vite's dev server (from `ELECTRON_RENDERER_URL`), or null when the app
 * runs its built renderer. Only http(s) counts: the variable is ours to trust, but not blindly.
 */
export function devServerOrigin(env: Record<string, string | undefined>): string | null {
  const raw = env.ELECTRON_RENDERER_URL
  if (!raw) return null
  const url = parse(raw)
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : null
}

/**
 * Whether `raw` is one of the app's own pages: `app://dossier/…`, or in development a page of the
 * dev server. Parsed rather than prefix-matched, so `app://dossier@evil/` or `app://dossier.evil/`
 * are not mistaken for ours.
 */
export function isAppUrl(raw: string, devOrigin: string | null = null): boolean {
  const url = parse(raw)
  if (!url) return false
  if (url.protocol === `${APP_SCHEME}:`) {
    return url.host.toLowerCase() === APP_HOST && url.username === '' && url.password === ''
  }
  return devOrigin !== null && url.origin === devOrigin
}

/**
 * The normalised URL to open in the system's handler when a page asks for `raw` (a clicked web
 * link), or null when it must not leave the app (file:, javascript:, custom schemes, garbage).
 */
export function externalUrl(raw: string): string | null {
  const url = parse(raw)
  if (!url || !EXTERNAL_PROTOCOLS.has(url.protocol)) return null
  return url.toString()
}
