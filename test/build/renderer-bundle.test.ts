import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The built renderer must load entirely from the app's own scheme: any absolute or remote
 * reference would either break under app:// or phone home. `npm test` builds before vitest runs.
 */
const dir = join(__dirname, '../../out/renderer')
const html = readFileSync(join(dir, 'index.html'), 'utf8')
const assets = readdirSync(join(dir, 'assets')).map((name) => join(dir, 'assets', name))
const css = assets.filter((file) => file.endsWith('.css')).map((file) => readFileSync(file, 'utf8'))

describe('the built renderer (out/renderer)', () => {
  it('references its scripts and styles by relative paths only', () => {
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1]!)
    expect(refs.length).toBeGreaterThan(1)
    for (const ref of refs) expect(ref).toMatch(/^(\.\/|data:)/)
  })

  it('carries a strict Content-Security-Policy', () => {
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/unsafe-(inline|eval)/)
  })

  it('has no inline scripts', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc=/)
      expect(body!.trim()).toBe('')
    }
  })

  it('loads no fonts, images or styles from elsewhere', () => {
    for (const sheet of css) {
      expect(sheet).not.toMatch(/url\(\s*["']?(https?:)?\/\//)
      expect(sheet).not.toMatch(/@import/)
    }
  })
})
