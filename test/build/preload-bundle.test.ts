import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * A sandboxed preload runs as a CommonJS script that may require only `electron` (and a few
 * Electron-provided modules we do not use). A stray `import` or a `require('zod')` would only fail
 * inside real Electron, at startup, with a blank window; this test catches it from the bundle.
 */
const root = join(__dirname, '../..')
const bundle = join(root, 'out/preload/index.js')
const inputs = ['src/preload', 'src/shared', 'electron.vite.config.ts']

function newestMtime(path: string): number {
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))))
}

/** Builds only the preload, with the project's own electron-vite config, into out/preload. */
function buildPreload(): void {
  const script = `
    const { resolveConfig } = await import('electron-vite')
    const { build } = await import('vite')
    const resolved = await resolveConfig({ logLevel: 'warn' }, 'build', 'production')
    await build(resolved.config.preload)
  `
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: 'pipe' })
}

let code = ''

beforeAll(() => {
  const builtAt = existsSync(bundle) ? statSync(bundle).mtimeMs : 0
  if (inputs.some((input) => newestMtime(join(root, input)) > builtAt)) buildPreload()
  code = readFileSync(bundle, 'utf8')
}, 120_000)

describe('the built preload (out/preload/index.js)', () => {
  it('is CommonJS: no top-level import or export statements', () => {
    expect(code).not.toMatch(/^\s*import\s*[\w{*'"]/m)
    expect(code).not.toMatch(/^\s*export\s/m)
    expect(code).not.toMatch(/\bimport\s*\(/)
  })

  it('requires nothing but electron', () => {
    const required = [...code.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((m) => m[2])
    expect(required.length).toBeGreaterThan(0)
    expect(new Set(required)).toEqual(new Set(['electron']))
    // Every require call must have been a plain string literal (no computed requires).
    expect(code.match(/\brequire\s*\(/g)?.length).toBe(required.length)
  })

  it('exposes the bridge as window.dossier and carries the channel list', () => {
    expect(code).toMatch(/exposeInMainWorld\(\s*['"]dossier['"]/)
    expect(code).toContain('library:list')
  })
})
