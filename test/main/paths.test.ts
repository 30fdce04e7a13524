import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveDataDir, resolveResourcesDir } from '../../src/main/paths'

describe('resolveResourcesDir', () => {
  const location = { resourcesPath: '/opt/Dossier/resources', appPath: '/home/me/dossier' }

  it('uses the copy electron-builder puts beside app.asar when packaged', () => {
    expect(resolveResourcesDir({ ...location, isPackaged: true })).toBe(
      join('/opt/Dossier/resources', 'resources')
    )
  })

  it("uses the project's resources folder when unpackaged", () => {
    expect(resolveResourcesDir({ ...location, isPackaged: false })).toBe(
      join('/home/me/dossier', 'resources')
    )
  })

  it('reads another library from DOSSIER_RESOURCES_DIR when unpackaged (tests, development)', () => {
    const env = { DOSSIER_RESOURCES_DIR: '/tmp/dossier-hostile-1' }
    expect(resolveResourcesDir({ ...location, isPackaged: false, env })).toBe(
      '/tmp/dossier-hostile-1'
    )
    expect(
      resolveResourcesDir({ ...location, isPackaged: false, env: { DOSSIER_RESOURCES_DIR: ' ' } })
    ).toBe(join('/home/me/dossier', 'resources'))
  })

  it('ignores DOSSIER_RESOURCES_DIR when packaged: an installed app reads only what it shipped', () => {
    const env = { DOSSIER_RESOURCES_DIR: '/tmp/elsewhere' }
    expect(resolveResourcesDir({ ...location, isPackaged: true, env })).toBe(
      join('/opt/Dossier/resources', 'resources')
    )
  })
})

describe('resolveDataDir', () => {
  it('prefers DOSSIER_DATA_DIR when it is set', () => {
    expect(
      resolveDataDir({ DOSSIER_DATA_DIR: '/tmp/dossier-test' }, '/home/me/.config/Dossier')
    ).toBe('/tmp/dossier-test')
  })

  it("falls back to Electron's userData folder when DOSSIER_DATA_DIR is unset or blank", () => {
    const userData = '/home/me/.config/Dossier'
    expect(resolveDataDir({}, userData)).toBe(userData)
    expect(resolveDataDir({ DOSSIER_DATA_DIR: '' }, userData)).toBe(userData)
    expect(resolveDataDir({ DOSSIER_DATA_DIR: '   ' }, userData)).toBe(userData)
  })
})
