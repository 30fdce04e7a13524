/**
 * The README's requirements against what the packages declare: the Node version a user needs is
 * the highest that Electron's package, its installer (@electron/get) and this package's engines
 * ask for, and the README names the same Electron as package.json.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '../..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'))
const ownPackage = readJson(join(root, 'package.json'))
/** A package's package.json as Node would find it from `dir`, whatever its `exports` allow. */
function packageJsonFrom(dir: string, name: string): string {
  const lookup = createRequire(join(dir, 'package.json')).resolve.paths(name) ?? []
  const found = lookup.map((folder) => join(folder, name, 'package.json')).find(existsSync)
  if (found === undefined) throw new Error(`${name} is not installed`)
  return found
}
const electronPackagePath = packageJsonFrom(root, 'electron')
const electronPackage = readJson(electronPackagePath)
const getPackage = readJson(packageJsonFrom(dirname(electronPackagePath), '@electron/get'))

/** The lowest version an engines range like ">= 22.12.0" allows, as [major, minor, patch]. */
function minimum(range: string): Version {
  const match = /^\s*>=\s*(\d+)\.(\d+)\.(\d+)\s*$/.exec(range)
  if (!match) throw new Error(`engines range ${JSON.stringify(range)} is not ">= x.y.z"`)
  return match.slice(1).map(Number) as Version
}

type Version = [number, number, number]
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]

describe('README requirements', () => {
  const stated = /\*\*Node\.js (\d+)\.(\d+) or newer\*\*/.exec(readme)

  it('names one Node version for users', () => {
    expect(stated, 'README: "**Node.js X.Y or newer**"').not.toBeNull()
  })

  it('is the highest Node version Electron, its installer and package.json declare', () => {
    const declared = [
      electronPackage.engines.node,
      getPackage.engines.node,
      ownPackage.engines.node
    ].map(minimum)
    const highest = declared.sort(compare).at(-1) as Version
    expect(stated?.slice(1).map(Number)).toEqual(highest.slice(0, 2))
    expect(highest[2], 'README gives major.minor only: the patch must be 0').toBe(0)
    expect(minimum(ownPackage.engines.node)).toEqual(highest)
  })

  it('names the Electron major version package.json installs', () => {
    const major = electronPackage.version.split('.')[0]
    expect(ownPackage.devDependencies.electron).toMatch(new RegExp(`^\\^${major}\\.`))
    expect(readme).toContain(`Electron ${major} and its installer`)
  })

  it('names the Node version development runs on, one @types/node describes', () => {
    const development = /run on \*\*Node (\d+)\.(\d+)\*\*/.exec(readme)
    expect(development).not.toBeNull()
    expect(ownPackage.devDependencies['@types/node']).toMatch(
      new RegExp(`^\\^${development?.[1]}\\.${development?.[2]}\\.`)
    )
  })
})
