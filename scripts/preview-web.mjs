// `npm run preview:web`: the real UI in any browser, served by out/main/preview-server.js.
// Builds first when the build is missing or older than the sources, then runs the server in
// the foreground (Ctrl+C stops it).
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runBuild } from './run-build.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const server = join(root, 'out/main/preview-server.js')
const required = [
  server,
  join(root, 'out/renderer/index.html'),
  join(root, 'resources/library-index.bin')
]
const sources = ['src', 'resources/articles', 'electron.vite.config.ts', 'package.json']

/** The newest modification time under `path` (a file or a folder), 0 if it does not exist. */
function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

function isStale() {
  if (required.some((file) => !existsSync(file))) return true
  const builtAt = statSync(server).mtimeMs
  return sources.some((source) => newestMtime(join(root, source)) > builtAt)
}

if (isStale()) {
  console.error('[dossier] building first (the build is missing or older than the sources)')
  const status = runBuild(root)
  if (status !== 0) process.exit(status)
}

const child = spawn(process.execPath, [server], { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal))
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
