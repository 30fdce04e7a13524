// `npm start`: build, then run the app in Electron. Electron's binary is fetched by its own
// install script; where that was skipped, say so in one line and point to the browser preview.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronBinary } from './electron-binary.mjs'
import { runBuild } from './run-build.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

const electron = electronBinary(root)
if (electron === null) {
  console.error(
    "Electron's binary is not installed on this machine (npm skipped its download); " +
      'try the browser preview instead: npm run preview:web'
  )
  process.exit(1)
}

const built = runBuild(root)
if (built !== 0) process.exit(built)

const env = { ...process.env }
// Set in some shells and CI images; it would make Electron behave as plain Node.
delete env.ELECTRON_RUN_AS_NODE
const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal))
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
