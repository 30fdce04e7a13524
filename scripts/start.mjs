// `npm start`: make sure Electron's binary is here (running Electron's installer the first time),
// build, then run the app in Electron. Where Electron cannot be had, one line says why and
// points to the browser preview.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronOrExit } from './ensure-electron.mjs'
import { runInForeground } from './foreground.mjs'
import { runBuild } from './run-build.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

const electron = electronOrExit(root)
const built = runBuild(root)
if (built !== 0) process.exit(built)
runInForeground(electron, [root], { cwd: root, env: process.env })
