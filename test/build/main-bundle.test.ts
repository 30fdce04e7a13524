import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The packaged app ships out/** only (electron-builder.yml excludes node_modules), so the main
 * bundles must be self-contained: they may require Electron, Node's built-ins and each other.
 * A dependency left external would work in development and crash the installed app at launch.
 */
const root = join(__dirname, '../..')
const outMain = join(root, 'out/main')

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return scripts(path)
    return entry.name.endsWith('.js') ? [path] : []
  })
}

beforeAll(() => {
  if (!existsSync(join(outMain, 'index.js')) || !existsSync(join(outMain, 'preview-server.js'))) {
    execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: root,
      stdio: 'pipe'
    })
  }
}, 180_000)

describe('the built main process (out/main)', () => {
  it('has the app and browser-preview entry points', () => {
    expect(existsSync(join(outMain, 'index.js'))).toBe(true)
    expect(existsSync(join(outMain, 'preview-server.js'))).toBe(true)
  })

  it('requires only electron, Node built-ins and its own chunks', () => {
    const builtins = new Set(builtinModules)
    const outside = scripts(outMain).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\brequire\(\s*(['"])([^'"]+)\1\s*\)/g)]
        .map((match) => match[2] ?? '')
        .filter(
          (name) =>
            name !== 'electron' &&
            !name.startsWith('node:') &&
            !builtins.has(name) &&
            !name.startsWith('./') &&
            !name.startsWith('../')
        )
        .map((name) => `${file.slice(root.length + 1)} requires ${name}`)
    )
    expect(outside).toEqual([])
  })

  it('finds the preload and renderer beside itself, where electron-vite puts them', () => {
    const main = readFileSync(join(outMain, 'index.js'), 'utf8')
    expect(main).toMatch(/__dirname,\s*["']\.\.\/preload\/index\.js["']/)
    expect(main).toMatch(/__dirname,\s*["']\.\.\/renderer["']/)
  })
})
