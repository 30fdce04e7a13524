/**
 * Serving the built renderer's files, shared by the `app:` protocol and the browser preview.
 * A request path is untrusted: it is decoded once, and anything that could name a file outside
 * the root (`..`, absolute or drive paths, backslashes, NUL) is refused before touching the disk.
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

/** Where a request path leads: a file under the root, or the status to answer instead. */
export type StaticPath = { ok: true; file: string } | { ok: false; status: 400 | 404 }

/**
 * Maps a URL pathname (still percent-encoded, as in `new URL(…).pathname`) to a file under
 * `root`. Directory paths mean their `index.html`. Never resolves outside `root`.
 */
export function resolveStaticPath(root: string, pathname: string): StaticPath {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return { ok: false, status: 400 }
  }
  if (decoded.includes('\0')) return { ok: false, status: 400 }
  // Backslashes are separators on Windows and never appear in the renderer's own URLs.
  if (decoded.includes('\\')) return { ok: false, status: 404 }
  if (!decoded.startsWith('/')) return { ok: false, status: 404 }

  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.')
  // `..` is refused outright rather than normalised: no built asset needs it. A colon could
  // make a segment a drive (`C:`) on Windows.
  if (segments.some((segment) => segment === '..' || segment.includes(':'))) {
    return { ok: false, status: 404 }
  }
  if (decoded.endsWith('/')) segments.push('index.html')

  const base = resolve(root)
  const file = resolve(base, ...segments)
  return isInside(base, file) ? { ok: true, file } : { ok: false, status: 404 }
}

function isInside(base: string, file: string): boolean {
  const rel = relative(base, file)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm'
}

/** The Content-Type for a file, by extension; unknown types are opaque bytes. */
export function mimeTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** A static file ready to send, or the error status to send instead. */
export type StaticFile =
  { status: 200; file: string; contentType: string; body: Buffer } | { status: 400 | 404 }

/**
 * Reads the file a request path names under `root`. Symbolic links that lead out of the root
 * are treated as missing, so the check above cannot be sidestepped on disk.
 */
export async function readStaticFile(root: string, pathname: string): Promise<StaticFile> {
  const target = resolveStaticPath(root, pathname)
  if (!target.ok) return { status: target.status }
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(target.file)])
    if (!isInside(realRoot, realFile) || !(await stat(realFile)).isFile()) return { status: 404 }
    const body = await readFile(realFile)
    return { status: 200, file: realFile, contentType: mimeTypeFor(realFile), body }
  } catch {
    return { status: 404 }
  }
}
