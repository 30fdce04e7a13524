import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security/content-security-policy'

const directives = (policy: string): string[] =>
  policy
    .split(';')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .sort()

describe('CONTENT_SECURITY_POLICY', () => {
  it('denies by default and allows only the app itself', () => {
    const policy = directives(CONTENT_SECURITY_POLICY)
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:/)
  })

  it("matches the renderer's meta tag, adding only what a meta tag cannot carry", () => {
    const html = readFileSync(join(__dirname, '../../../src/renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta, 'renderer index.html has a CSP meta tag').not.toBeNull()
    const header = directives(CONTENT_SECURITY_POLICY).filter(
      (d) => !d.startsWith('frame-ancestors')
    )
    expect(header).toEqual(directives(meta?.[1] ?? ''))
  })
})
