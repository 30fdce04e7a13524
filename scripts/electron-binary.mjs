// Where Electron's executable is, without asking Electron's package: since Electron 45,
// `require('electron')` starts downloading a missing binary, printing a progress line and a
// network stack trace, which is no answer to "is it installed?" where the download was skipped.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * The folder of Electron's npm package: `DOSSIER_ELECTRON_DIR` when set (tests point it at a
 * stand-in package), else the one `root`'s node_modules resolves; null when there is none.
 * @param {string} root the folder whose node_modules to look in
 * @param {Record<string, string | undefined>} [env]
 * @returns {string | null}
 */
export function electronPackageDir(root, env = process.env) {
  const injected = env.DOSSIER_ELECTRON_DIR
  if (injected !== undefined && injected.trim() !== '') {
    return existsSync(join(injected, 'package.json')) ? injected : null
  }
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'))
  } catch {
    return null
  }
}

/**
 * The executable inside an Electron package folder as Electron's own index.js would give it
 * (honouring ELECTRON_OVERRIDE_DIST_PATH), or null when path.txt or the file it names is missing.
 * @param {string} packageDir
 * @param {Record<string, string | undefined>} [env]
 * @returns {string | null}
 */
export function binaryInPackage(packageDir, env = process.env) {
  // path.txt names the executable inside dist/; the install script writes it with the download.
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = override
    ? join(override, relative || 'electron')
    : relative
      ? join(packageDir, 'dist', relative)
      : null
  return binary !== null && existsSync(binary) ? binary : null
}

/**
 * The Electron executable's path, or null when the package or its binary is missing.
 * @param {string} root the folder whose node_modules to look in
 * @param {Record<string, string | undefined>} [env]
 * @returns {string | null}
 */
export function electronBinary(root, env = process.env) {
  const packageDir = electronPackageDir(root, env)
  return packageDir === null ? null : binaryInPackage(packageDir, env)
}
