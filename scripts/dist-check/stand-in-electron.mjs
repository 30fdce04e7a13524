// A stand-in for Electron's Linux distribution, enough for electron-builder to pack around it:
// the `electron` executable (which it renames and flips fuses in), LICENSE and version. It is
// not Electron: a shell script that says so, carrying a fuse wire in the format @electron/fuses
// reads, set to Electron's documented defaults, so the check can see which fuses the packing
// flipped. Whether Electron's real binary has that wire is for `npm run dist` to find out.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** @electron/fuses' marker before the wire: version 1, then the wire's length. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/**
 * Electron's defaults, by fuse index: RunAsNode on, cookie encryption off, NODE_OPTIONS on,
 * --inspect on, asar integrity off, only-load-from-asar off, browser V8 snapshot off, file://
 * privileges on.
 */
export const DEFAULT_WIRE = '10110001'

/**
 * @param {string} dir the folder to create
 * @param {string} version the Electron version it stands in for
 */
export function writeStandInElectron(dir, version) {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  const executable = join(dir, 'electron')
  const wire = `${SENTINEL}\u0001${String.fromCharCode(DEFAULT_WIRE.length)}${DEFAULT_WIRE}`
  writeFileSync(
    executable,
    [
      '#!/bin/sh',
      `echo "A stand-in for Electron ${version}, made by npm run dist:check: not an app." >&2`,
      'exit 1',
      `# fuse wire: ${wire}`,
      ''
    ].join('\n'),
    'latin1'
  )
  chmodSync(executable, 0o755)
  writeFileSync(join(dir, 'version'), version)
  writeFileSync(join(dir, 'LICENSE'), "Stand-in for Electron's LICENSE (npm run dist:check).\n")
}
