// Which Chromium the end-to-end tests drive. Playwright's own browser build is one choice among
// several: a contributor usually has Chromium or Chrome already, and CI here installs Debian's.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, posix, win32 } from 'node:path'
import { chromium } from 'playwright-core'

/** @typedef {{ name: string, path: string }} Browser */
/** @typedef {Record<string, string | undefined>} Env */

/** Names a Chromium goes by on a PATH, most specific first. */
const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

/**
 * Where a Chromium or Chrome is usually installed on a platform, in the order they are tried:
 * Chromium before Chrome (Debian's, Ubuntu's and snap's), then the standard Chrome installs.
 * @param {NodeJS.Platform} platform
 * @param {Env} env
 * @returns {Browser[]}
 */
export function knownLocations(platform, env) {
  if (platform === 'darwin') {
    return [
      { name: 'Chromium', path: '/Applications/Chromium.app/Contents/MacOS/Chromium' },
      {
        name: 'Google Chrome',
        path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
      }
    ]
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]
    return roots
      .filter((root) => root !== undefined && root !== '')
      .map((root) => ({
        name: 'Google Chrome',
        path: win32.join(
          /** @type {string} */ (root),
          'Google',
          'Chrome',
          'Application',
          'chrome.exe'
        )
      }))
  }
  return [
    { name: 'Chromium (chromium)', path: '/usr/bin/chromium' },
    { name: 'Chromium (chromium-browser)', path: '/usr/bin/chromium-browser' },
    { name: 'Chromium (snap)', path: '/snap/bin/chromium' },
    { name: 'Google Chrome', path: '/usr/bin/google-chrome' },
    { name: 'Google Chrome', path: '/usr/bin/google-chrome-stable' },
    { name: 'Google Chrome', path: '/opt/google/chrome/chrome' }
  ]
}

/**
 * The first Chromium found: DOSSIER_CHROMIUM when set, the platform's usual places, the same
 * names on the PATH, then Playwright's own installed build. Null when there is none.
 * @param {{ platform: NodeJS.Platform, env: Env, exists: (path: string) => boolean, playwrightBuild: string }} where
 * @returns {Browser | null}
 */
export function findChromium({ platform, env, exists, playwrightBuild }) {
  const chosen = env.DOSSIER_CHROMIUM
  if (chosen !== undefined && chosen.trim() !== '')
    return { name: 'DOSSIER_CHROMIUM', path: chosen }
  const paths = platform === 'win32' ? win32 : posix
  const onPath = (env.PATH ?? env.Path ?? '')
    .split(paths.delimiter)
    .filter(Boolean)
    .flatMap((dir) =>
      COMMANDS.map((command) => ({
        name: `${command} on the PATH`,
        path: paths.join(dir, platform === 'win32' ? `${command}.exe` : command)
      }))
    )
  const candidates = [
    ...knownLocations(platform, env),
    ...onPath,
    { name: "Playwright's Chromium", path: playwrightBuild }
  ]
  return candidates.find((candidate) => exists(candidate.path)) ?? null
}

/**
 * The Chromium for this run, installing Playwright's build when none is found (unless
 * PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set), or the reason there is none. (Loaded by Playwright's
 * config loader, which cannot take import.meta: the caller names the project's folder.)
 * @param {string} root the folder whose node_modules hold playwright-core
 * @param {Env} [env]
 * @returns {{ browser: Browser } | { problem: string }}
 */
export function chromiumForTests(root, env = process.env) {
  const where = {
    platform: process.platform,
    env,
    exists: existsSync,
    playwrightBuild: chromium.executablePath()
  }
  const found = findChromium(where)
  if (found !== null) return { browser: found }
  const none = 'No Chromium or Chrome found (set DOSSIER_CHROMIUM to one)'
  if (env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD) {
    return { problem: `${none}, and PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set` }
  }
  console.log(`${none}: installing Playwright's Chromium`)
  const cli = join(
    dirname(createRequire(join(root, 'package.json')).resolve('playwright-core/package.json')),
    'cli.js'
  )
  const install = spawnSync(process.execPath, [cli, 'install', 'chromium'], {
    stdio: 'inherit',
    env
  })
  const installed = findChromium(where)
  return install.status === 0 && installed !== null
    ? { browser: installed }
    : { problem: `${none}, and installing Playwright's Chromium failed` }
}
