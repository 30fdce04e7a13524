import { describe, expect, it } from 'vitest'
import { findChromium, knownLocations } from '../../scripts/find-chromium.mjs'

const PLAYWRIGHT_BUILD = '/home/user/.cache/ms-playwright/chromium-1/chrome-linux64/chrome'

/** findChromium on a machine where exactly `installed` exist. */
function find(
  installed: string[],
  platform: NodeJS.Platform = 'linux',
  env: Record<string, string> = {}
) {
  return findChromium({
    platform,
    env,
    exists: (path) => installed.includes(path),
    playwrightBuild: PLAYWRIGHT_BUILD
  })
}

describe('findChromium', () => {
  it('prefers Debian’s chromium, then chromium-browser, then Chrome', () => {
    const all = ['/usr/bin/google-chrome', '/usr/bin/chromium-browser', '/usr/bin/chromium']
    expect(find(all)?.path).toBe('/usr/bin/chromium')
    expect(find(all.slice(0, 2))?.path).toBe('/usr/bin/chromium-browser')
    expect(find(all.slice(0, 1))).toEqual({
      name: 'Google Chrome',
      path: '/usr/bin/google-chrome'
    })
  })

  it('finds a Chromium elsewhere on the PATH', () => {
    const found = find(['/nix/profile/bin/chromium'], 'linux', {
      PATH: '/usr/local/bin:/nix/profile/bin'
    })
    expect(found).toEqual({ name: 'chromium on the PATH', path: '/nix/profile/bin/chromium' })
  })

  it('finds Chrome where macOS and Windows install it', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    expect(find([mac], 'darwin')?.path).toBe(mac)
    const windows = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
    expect(find([windows], 'win32', { PROGRAMFILES: 'C:\\Program Files' })?.path).toBe(windows)
    expect(find([windows], 'win32', {})).toBeNull()
  })

  it('falls back to Playwright’s installed Chromium, and to none', () => {
    expect(find([PLAYWRIGHT_BUILD])).toEqual({
      name: "Playwright's Chromium",
      path: PLAYWRIGHT_BUILD
    })
    expect(find([])).toBeNull()
  })

  it('takes DOSSIER_CHROMIUM over everything', () => {
    const found = find(['/usr/bin/chromium'], 'linux', { DOSSIER_CHROMIUM: '/opt/my/chrome' })
    expect(found).toEqual({ name: 'DOSSIER_CHROMIUM', path: '/opt/my/chrome' })
  })

  it('lists only absolute places', () => {
    for (const platform of ['linux', 'darwin'] as const)
      for (const { path } of knownLocations(platform, {})) expect(path.startsWith('/')).toBe(true)
  })
})
