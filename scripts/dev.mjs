// `npm run dev`: electron-vite's dev server and hot reload, once Electron's binary is here
// (fetched by Electron's installer the first time, as `npm start` does).
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronOrExit } from './ensure-electron.mjs'
import { runInForeground } from './foreground.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

const electron = electronOrExit(root)
const cli = createRequire(join(root, 'package.json')).resolve('electron-vite/bin/electron-vite.js')
// electron-vite launches this executable rather than asking Electron's package for one.
runInForeground(process.execPath, [cli, 'dev', ...process.argv.slice(2)], {
  cwd: root,
  env: { ...process.env, ELECTRON_EXEC_PATH: electron }
})
