// Where Electron's executable is, without asking Electron's package: since Electron 45,
// `require('electron')` starts downloading a missing binary, printing a progress line and a
// network stack trace, which is no answer to "is it installed?" where the download was skipped.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * The Electron executable's path as Electron's package would give it (honouring
 * ELECTRON_OVERRIDE_DIST_PATH), or null when the package or its binary is missing.
 * @param {string} root the folder whose node_modules to look in
 * @returns {string | null}
 */
export function electronBinary(root) {
  let packageDir
  try {
    packageDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'))
  } catch {
    return null
  }
  // path.txt names the executable inside dist/; the install script writes it with the download.
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = override
    ? join(override, relative || 'electron')
    : relative
      ? join(packageDir, 'dist', relative)
      : null
  return binary !== null && existsSync(binary) ? binary : null
}
