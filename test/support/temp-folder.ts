/**
 * Vitest's global set-up: the run gets one temporary folder, set as TMPDIR before any test
 * worker starts, so every folder a test makes with `mkdtemp(tmpdir())` lands in it (hundreds
 * of tests leave theirs for the system to clear) and goes with it when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup(): () => void {
  const previous = process.env.TMPDIR
  const folder = mkdtempSync(join(tmpdir(), 'dossier-vitest-'))
  process.env.TMPDIR = folder
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    rmSync(folder, { recursive: true, force: true })
  }
}
