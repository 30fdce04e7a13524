/**
 * Only web and mail links become clickable. Main refuses in-app navigation anyway; this keeps a
 * `javascript:` or `file:` target in an article from ever reaching an `href` at all.
 */
export function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined
  try {
    const url = new URL(href)
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined
  } catch {
    return undefined
  }
}
