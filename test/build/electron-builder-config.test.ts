import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { resolveResourcesDir } from '../../src/main/paths'

const root = join(__dirname, '../..')
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'))
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    const schema = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'))
    // The schema uses a few annotations Ajv's strict mode does not know; validation is unaffected.
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)
    const valid = validate(config)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    // Compiling the schema (some 10,000 lines) takes seconds on a busy machine.
  }, 60_000)

  it('names the app Dossier with a stable app id', () => {
    expect(config.productName).toBe('Dossier')
    expect(config.appId).toBe('app.dossier.reader')
    expect(packageJson.productName).toBe(config.productName)
  })

  it('builds AppImage and deb on Linux, an installer on Windows, a dmg on macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.linux.category).toBe('Office')
    expect(config.win.target).toEqual(['nsis'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.mac.category).toBe('public.app-category.news')
  })

  it('ships only the build, with the articles where main looks for them when packaged', () => {
    expect(config.asar).toBe(true)
    expect(config.files.filter((pattern: string) => !pattern.startsWith('!'))).toEqual([
      'out/**',
      'package.json'
    ])
    expect(config.extraResources).toEqual([
      {
        from: 'resources',
        to: 'resources',
        filter: ['articles/**', 'library-index.bin', 'library-cache.bin', 'library-texts.bin']
      }
    ])
    const resourcesPath = '/opt/Dossier/resources'
    expect(resolveResourcesDir({ isPackaged: true, resourcesPath, appPath: '' })).toBe(
      join(resourcesPath, config.extraResources[0].to)
    )
  })

  it('turns off the Electron fuses the app does not need', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      // The app is served from app://, so file: pages need no powers beyond a browser's.
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('points at icons that exist, in the sizes each platform needs', () => {
    for (const icon of [config.win.icon, config.mac.icon]) {
      expect(existsSync(join(root, icon)), icon).toBe(true)
    }
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const file = join(root, config.linux.icon, `${size}x${size}.png`)
      expect(existsSync(file), file).toBe(true)
    }
  })

  it('has the author the deb package and installers credit', () => {
    expect(packageJson.author).toBe('Dossier contributors')
  })
})
