/**
 * `npm start` and `npm run dev` on a fresh clone: Electron's package without its binary. A
 * stand-in Electron package (DOSSIER_ELECTRON_DIR) has an install.js that "downloads" a fake
 * executable, a node script recording how it was launched; a stand-in npm (npm_execpath, which
 * scripts/run-build.mjs uses) records the build. Every step appends to one log, so the order
 * is checked too.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { electronBinary } from '../../scripts/electron-binary.mjs'
import { downloadSkipped } from '../../scripts/ensure-electron.mjs'

const root = join(__dirname, '../..')
const temporary: string[] = []
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true })
})

type Installer = 'downloads' | 'offline'

/** What Electron's installer does in each case: fetch the binary, or fail as fetch does offline. */
const INSTALLERS: Record<Installer, string> = {
  downloads: `
    const { appendFileSync, chmodSync, mkdirSync, writeFileSync } = require('node:fs')
    const { join } = require('node:path')
    appendFileSync(join(__dirname, 'steps.log'), 'install\\n')
    console.log('Downloading electron-v45-fake.zip: [====] 100%')
    mkdirSync(join(__dirname, 'dist'), { recursive: true })
    const executable = join(__dirname, 'dist', 'electron')
    writeFileSync(executable, [
      '#!' + process.execPath,
      "const { appendFileSync } = require('node:fs')",
      "appendFileSync(" + JSON.stringify(join(__dirname, 'steps.log')) + ", 'launch ' + JSON.stringify(process.argv.slice(2)) + '\\\\n')"
    ].join('\\n'))
    chmodSync(executable, 0o755)
    writeFileSync(join(__dirname, 'path.txt'), 'electron')
  `,
  offline: `
    const { appendFileSync } = require('node:fs')
    appendFileSync(require('node:path').join(__dirname, 'steps.log'), 'install\\n')
    const cause = Object.assign(new Error('getaddrinfo ENOTFOUND github.com'), { code: 'ENOTFOUND' })
    Promise.reject(new TypeError('fetch failed', { cause })).catch((err) => {
      console.error(err.stack)
      process.exit(1)
    })
  `
}

/** A stand-in Electron package as npm leaves it since Electron 45: no binary, no path.txt. */
function fakeElectron(installer: Installer): { dir: string; steps: () => string[]; npm: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-fake-electron-'))
  temporary.push(dir)
  writeFileSync(join(dir, 'package.json'), '{"name":"electron","version":"45.0.0"}')
  writeFileSync(join(dir, 'index.js'), 'throw new Error("required electron")')
  writeFileSync(join(dir, 'install.js'), INSTALLERS[installer])
  const log = join(dir, 'steps.log')
  const npm = join(dir, 'fake-npm.js')
  writeFileSync(
    npm,
    `require('node:fs').appendFileSync(${JSON.stringify(log)}, process.argv.slice(2).join(' ') + '\\n')`
  )
  const steps = () =>
    existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : []
  return { dir, steps, npm }
}

/** One `npm start` or `npm run dev` may take this long; it is several node processes in a row. */
const RUN_TIMEOUT_MS = 30_000
/**
 * A test runs the script at most twice. On a loaded two-core machine one run (the script, the
 * stand-in installer, npm and Electron: four node start-ups) took over 2 s, past half of
 * vitest's default 5 s per test, so these tests get the runs' own limit instead.
 */
const SPAWNING = { timeout: 2 * RUN_TIMEOUT_MS }

function run(script: 'start' | 'dev', env: Record<string, string | undefined>) {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env }
  for (const name of Object.keys(env)) if (env[name] === undefined) delete childEnv[name]
  return spawnSync(process.execPath, [join(root, `scripts/${script}.mjs`)], {
    cwd: root,
    env: childEnv,
    encoding: 'utf8',
    timeout: RUN_TIMEOUT_MS
  })
}

function expectOneLine(result: ReturnType<typeof run>, cause: RegExp): void {
  expect(result.status).not.toBe(0)
  expect(result.status).not.toBeNull()
  const problem = result.stderr.trim()
  expect(problem.split('\n')).toHaveLength(1)
  expect(problem).toMatch(cause)
  expect(problem).toContain('npm run preview:web')
  expect(problem).not.toMatch(/\n\s+at |^\s+at /m)
}

const posix = process.platform !== 'win32'

describe('npm start (scripts/start.mjs)', SPAWNING, () => {
  it.runIf(posix)(
    'runs Electron’s installer, builds, then opens what it installed on the app’s folder',
    () => {
      const electron = fakeElectron('downloads')
      const result = run('start', {
        DOSSIER_ELECTRON_DIR: electron.dir,
        npm_execpath: electron.npm,
        ELECTRON_SKIP_BINARY_DOWNLOAD: undefined
      })
      expect(result.stderr).toBe('')
      expect(result.status).toBe(0)
      // The installer's own progress reaches the user.
      expect(result.stdout).toContain('Downloading electron-v45-fake.zip')
      expect(electron.steps()).toEqual(['install', 'run build', `launch ${JSON.stringify([root])}`])
    }
  )

  it.runIf(posix)('does not run the installer again once the binary is there', () => {
    const electron = fakeElectron('downloads')
    const env = { DOSSIER_ELECTRON_DIR: electron.dir, npm_execpath: electron.npm }
    expect(run('start', { ...env, ELECTRON_SKIP_BINARY_DOWNLOAD: undefined }).status).toBe(0)
    // Even with downloads switched off, an installed binary is used.
    expect(run('start', { ...env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }).status).toBe(0)
    expect(electron.steps().filter((step) => step === 'install')).toHaveLength(1)
    expect(electron.steps().filter((step) => step.startsWith('launch'))).toHaveLength(2)
  })

  it('names the installer’s failure in one line, with no stack trace, and does not build', () => {
    const electron = fakeElectron('offline')
    const result = run('start', {
      DOSSIER_ELECTRON_DIR: electron.dir,
      npm_execpath: electron.npm,
      ELECTRON_SKIP_BINARY_DOWNLOAD: undefined
    })
    expectOneLine(result, /Could not install Electron's binary .*fetch failed.*ENOTFOUND/)
    expect(electron.steps()).toEqual(['install'])
  })

  it('fetches nothing where ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says so', () => {
    const electron = fakeElectron('downloads')
    const result = run('start', {
      DOSSIER_ELECTRON_DIR: electron.dir,
      npm_execpath: electron.npm,
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1'
    })
    expectOneLine(result, /ELECTRON_SKIP_BINARY_DOWNLOAD is set/)
    expect(electron.steps()).toEqual([])
  })

  it.skipIf(electronBinary(root) !== null)(
    'gives the same line with this checkout’s node_modules, where the download was skipped',
    () => {
      const result = run('start', {
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
        DOSSIER_ELECTRON_DIR: undefined,
        npm_execpath: undefined
      })
      expectOneLine(result, /ELECTRON_SKIP_BINARY_DOWNLOAD is set/)
    }
  )
})

describe('npm run dev (scripts/dev.mjs)', SPAWNING, () => {
  it('ensures Electron the same way before starting electron-vite', () => {
    const electron = fakeElectron('offline')
    const result = run('dev', {
      DOSSIER_ELECTRON_DIR: electron.dir,
      ELECTRON_SKIP_BINARY_DOWNLOAD: undefined
    })
    expectOneLine(result, /Could not install Electron's binary .*ENOTFOUND/)
    expect(electron.steps()).toEqual(['install'])
  })
})

describe('downloadSkipped', () => {
  it('reads ELECTRON_SKIP_BINARY_DOWNLOAD as Electron’s installers did, "0" and "false" as no', () => {
    expect(downloadSkipped({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })).toBe(true)
    expect(downloadSkipped({ ELECTRON_SKIP_BINARY_DOWNLOAD: 'true' })).toBe(true)
    expect(downloadSkipped({ ELECTRON_SKIP_BINARY_DOWNLOAD: 'false' })).toBe(false)
    expect(downloadSkipped({ ELECTRON_SKIP_BINARY_DOWNLOAD: '0' })).toBe(false)
    expect(downloadSkipped({})).toBe(false)
  })
})
