import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { electronBinary } from '../../scripts/electron-binary.mjs'

const root = join(__dirname, '../..')
const emptyDist = mkdtempSync(join(tmpdir(), 'dossier-no-electron-'))
afterAll(() => rmSync(emptyDist, { recursive: true, force: true }))

const electronInstalledHere = (): boolean => electronBinary(root) !== null

function runStart(env: Record<string, string>) {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env }
  // Not launched by npm: the script must not try to reuse an npm that is not there.
  delete childEnv.npm_execpath
  return spawnSync(process.execPath, [join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: childEnv,
    encoding: 'utf8',
    timeout: 30_000
  })
}

function expectOneLineHint(result: ReturnType<typeof runStart>): void {
  const output = `${result.stdout}${result.stderr}`.trim()
  expect(result.status).not.toBe(0)
  expect(result.status).not.toBeNull()
  expect(output.split('\n')).toHaveLength(1)
  expect(output).toMatch(/Electron's binary is not installed/)
  expect(output).toContain('npm run preview:web')
  expect(output).not.toMatch(/\n\s+at |Error:/)
}

describe('npm start (scripts/start.mjs)', () => {
  it('explains in one line, with no stack trace, when the Electron binary is missing', () => {
    // Electron's package resolves its binary under this folder; an empty one means "not installed".
    expectOneLineHint(runStart({ ELECTRON_OVERRIDE_DIST_PATH: emptyDist }))
  })

  it.skipIf(electronInstalledHere())(
    'gives the same hint with this checkout’s node_modules, where the download was skipped',
    () => {
      expectOneLineHint(runStart({}))
    }
  )
})
