/**
 * Which link targets an article may keep. Only web and mail links are links at all: a
 * `javascript:`, `data:`, `file:` or relative target in a Markdown file is dropped when the
 * article is parsed, so it never reaches the reader, and the reader checks again before it draws
 * an `href` (main's navigation guards are the last check, when a link is clicked).
 */
const WEB_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** The normalised URL when `href` is an absolute http, https or mailto URL, else null. */
export function webLinkTarget(href: string | null | undefined): string | null {
  if (typeof href !== 'string' || href === '') return null
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return null
  }
  return WEB_PROTOCOLS.has(url.protocol) ? url.href : null
}
