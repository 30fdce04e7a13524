/**
 * The renderer's Content Security Policy, sent as a response header by both the `app:` protocol
 * and the browser preview. It repeats the renderer's meta tag on purpose: a header also covers
 * responses the meta tag cannot (and `frame-ancestors` only works as a header).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')
