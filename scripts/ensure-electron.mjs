// Electron's executable for `npm start` and `npm run dev`. Since Electron 45 its npm package has
// no install script: the binary comes from its own installer (install.js), which we run, with
// its progress on the terminal, the first time. Anything that stops it becomes one line.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { binaryInPackage, electronPackageDir } from './electron-binary.mjs'

export const PREVIEW_HINT = 'try the browser preview instead: npm run preview:web'

/** Loaded into the installer: its failure report arrives on fd 3 as one line. */
const CAUSE_HOOK = join(dirname(fileURLToPath(import.meta.url)), 'installer-cause.mjs')

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
 * Electron's executable, fetched by Electron's installer when missing; or the one line that
 * says why there is none.
 * @param {string} root the app's folder (whose node_modules hold Electron's package)
 * @param {Record<string, string | undefined>} [env]
 * @returns {{ binary: string } | { problem: string }}
 */
export function ensureElectron(root, env = process.env) {
  const packageDir = electronPackageDir(root, env)
  if (packageDir === null) {
    return { problem: `Electron's package is not installed (run npm install); ${PREVIEW_HINT}` }
  }
  const present = binaryInPackage(packageDir, env)
  if (present !== null) return { binary: present }
  if (downloadSkipped(env)) {
    return {
      problem:
        "Electron's binary is not installed, and ELECTRON_SKIP_BINARY_DOWNLOAD is set so it is " +
        `not fetched; ${PREVIEW_HINT}`
    }
  }
  console.log("Electron's binary is not installed yet: fetching it with Electron's installer")
  const installer = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(CAUSE_HOOK).href, join(packageDir, 'install.js')],
    { cwd: packageDir, env, stdio: ['inherit', 'inherit', 'inherit', 'pipe'], encoding: 'utf8' }
  )
  const installed = binaryInPackage(packageDir, env)
  if (installer.status === 0 && installed !== null) return { binary: installed }
  return {
    problem: `Could not install Electron's binary (${failureCause(installer)}); ${PREVIEW_HINT}`
  }
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
  if ('problem' in electron) {
    console.error(electron.problem)
    process.exit(1)
  }
  return electron.binary
}
