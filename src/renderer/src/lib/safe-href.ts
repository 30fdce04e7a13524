import { webLinkTarget } from '@shared/content/link-target'

/**
 * Only web and mail links become clickable. Parsing already drops other targets from articles;
 * notes are Markdown the user wrote, so this keeps a `javascript:` or `file:` target there (or
 * in an article from an older cache) from ever reaching an `href` at all. Main refuses in-app
 * navigation anyway.
 */
export function safeHref(href: string | undefined): string | undefined {
  return webLinkTarget(href) ?? undefined
}
