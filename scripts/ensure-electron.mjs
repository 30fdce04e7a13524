// Electron's executable for `npm start`, `npm run dev` and the end-to-end tests. Since Electron 45 its npm package has
// no install script: the binary comes from its own installer (install.js), which we run, with
// its progress on the terminal, the first time. Anything that stops it becomes one line.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { binaryInPackage, electronPackageDir } from './electron-binary.mjs'

export const PREVIEW_HINT = 'try the browser preview instead: npm run preview:web'

/**
 * Loaded into the installer: its failure report arrives on fd 3 as one line. Found from the
 * app's folder, not import.meta: Playwright's loader, which reads this module too, cannot take it.
 */
const causeHook = (root) => join(root, 'scripts', 'installer-cause.mjs')

/**
 * Whether the environment asks for no Electron download. Electron's old install script skipped
 * on any value; "0" and "false" are read as the opposite, as a user writing them would mean.
 * @param {Record<string, string | undefined>} env
 */
export function downloadSkipped(env) {
  const value = (env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '').trim().toLowerCase()
  return value !== '' && value !== '0' && value !== 'false'
}

/**
 * Electron's executable, fetched by Electron's installer when missing; or why there is none,
 * in a few words.
 * @param {string} root the app's folder (whose node_modules hold Electron's package)
 * @param {Record<string, string | undefined>} [env]
 * @returns {{ binary: string } | { cause: string }}
 */
export function ensureElectron(root, env = process.env) {
  const packageDir = electronPackageDir(root, env)
  if (packageDir === null) {
    return { cause: "Electron's package is not installed (run npm install)" }
  }
  const present = binaryInPackage(packageDir, env)
  if (present !== null) return { binary: present }
  if (downloadSkipped(env)) {
    return {
      cause:
        "Electron's binary is not installed, and ELECTRON_SKIP_BINARY_DOWNLOAD is set so it is " +
        'not fetched'
    }
  }
  console.log("Electron's binary is not installed yet: fetching it with Electron's installer")
  const installer = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(causeHook(root)).href, join(packageDir, 'install.js')],
    { cwd: packageDir, env, stdio: ['inherit', 'inherit', 'inherit', 'pipe'], encoding: 'utf8' }
  )
  const installed = binaryInPackage(packageDir, env)
  if (installer.status === 0 && installed !== null) return { binary: installed }
  return { cause: `Could not install Electron's binary (${failureCause(installer)})` }
}

/** @param {import('node:child_process').SpawnSyncReturns<string>} installer */
function failureCause(installer) {
  if (installer.error) return installer.error.message
  const reported = (installer.output?.[3] ?? '').trim().split('\n').at(-1)
  if (reported) return reported
  if (installer.status === 0) return 'its installer finished but left no executable'
  return installer.signal
    ? `its installer was stopped by ${installer.signal}`
    : `its installer exited with status ${installer.status}`
}

/**
 * Electron's executable, or the process ends here with the one line and status 1.
 * @param {string} root
 * @returns {string}
 */
export function electronOrExit(root) {
  const electron = ensureElectron(root)
  if ('cause' in electron) {
    console.error(`${electron.cause}; ${PREVIEW_HINT}`)
    process.exit(1)
  }
  return electron.binary
}
