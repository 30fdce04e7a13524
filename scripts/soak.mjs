#!/usr/bin/env node
/**
 * `npm run soak`: the notes crash test at scale (not part of `npm test`): 1,000 SIGKILLs at
 * random moments and 1,000 kills each followed by damage to the live file, two at a time.
 * Prints the figures docs/notes.md records. Counts: `npm run soak -- KILLS CORRUPTIONS`.
 */
import { spawn } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const [kills = '1000', corruptions = '1000'] = process.argv.slice(2)
const started = Date.now()
const child = spawn(
  join(root, 'node_modules', '.bin', 'vitest'),
  ['run', 'test/main/notes/crash.test.ts'],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      DOSSIER_SOAK_KILLS: kills,
      DOSSIER_SOAK_CORRUPTIONS: corruptions,
      DOSSIER_SOAK_PARALLEL: process.env.DOSSIER_SOAK_PARALLEL ?? '2'
    }
  }
)
child.on('exit', (code) => {
  console.log(`[soak] ${((Date.now() - started) / 60_000).toFixed(1)} minutes`)
  process.exit(code ?? 1)
})
