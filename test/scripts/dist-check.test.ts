import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getCurrentFuseWire } from '@electron/fuses'
import { afterEach, describe, expect, it } from 'vitest'
import { LIBRARY_CACHE_FILE } from '../../src/main/library/library-cache'
import { INDEX_FILE } from '../../src/main/library/library-index'
import { LIBRARY_TEXTS_FILE } from '../../src/main/library/texts-file'
import { resolveResourcesDir } from '../../src/main/paths'
import {
  ENTRIES,
  PACKED_LIBRARY_DIR,
  fuseMismatches,
  missingEntries,
  requiredModules,
  unresolvedRequires,
  unwantedFiles
} from '../../scripts/dist-check/inspect-package.mjs'
import { LIBRARY_FILES, libraryProblems } from '../../scripts/dist-check/library.mjs'
import { DEFAULT_WIRE, writeStandInElectron } from '../../scripts/dist-check/stand-in-electron.mjs'
import packageJson from '../../package.json'

const temporary: string[] = []
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-dist-check-test-'))
  temporary.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A packed app made of the given files and contents. */
const packed = (contents: Record<string, string>) => ({
  files: Object.keys(contents),
  read: (file: string) => contents[file] ?? ''
})

describe('the checks agree with the app they check', () => {
  it('looks for the library where paths.ts does when packaged', () => {
    const resourcesPath = '/opt/Dossier/resources'
    expect(resolveResourcesDir({ isPackaged: true, resourcesPath, appPath: '/x' })).toBe(
      join(resourcesPath, PACKED_LIBRARY_DIR)
    )
    expect([...LIBRARY_FILES].sort()).toEqual(
      [INDEX_FILE, LIBRARY_CACHE_FILE, LIBRARY_TEXTS_FILE].sort()
    )
  })

  it('takes package.json’s main as an entry', () => {
    expect(ENTRIES).toContain(packageJson.main.replace(/^\.\//, ''))
  })
})

describe('requiredModules', () => {
  it('reads require, import() and import declarations, not JSDoc that names modules', () => {
    const source = [
      '/** @typedef {import("mdast").Root} Root */',
      '// require("in-a-comment")',
      'const a = require("./chunks/a.js")',
      'const text = "require(\\"in-a-string\\")"',
      'import("node:fs")',
      'module.exports = () => require(`template`)'
    ].join('\n')
    expect(requiredModules(source)).toEqual(['./chunks/a.js', 'node:fs'])
  })
})

describe('unresolvedRequires', () => {
  it('follows relative requires from the entries and reports what is not packed', () => {
    const app = packed({
      'out/main/index.js':
        'require("./chunks/a.js"); require("electron"); require("node:path"); require("fs/promises")',
      'out/main/chunks/a.js': 'require("./b"); require("lunr"); require("zod/v4")',
      'out/main/unused.js': 'require("never-loaded")'
    })
    expect(unresolvedRequires(app, ['out/main/index.js'])).toEqual([
      { from: 'out/main/chunks/a.js', request: './b' },
      { from: 'out/main/chunks/a.js', request: 'lunr' },
      { from: 'out/main/chunks/a.js', request: 'zod/v4' }
    ])
  })

  it('follows the scripts main starts from its folder, and reports one not packed', () => {
    const app = packed({
      'out/main/index.js':
        'fork(join(__dirname, "index-worker.js")); start(path.join(__dirname, "import-worker.js"))',
      'out/main/index-worker.js': 'require("minisearch")'
    })
    expect(unresolvedRequires(app, ['out/main/index.js'])).toEqual([
      { from: 'out/main/index.js', request: 'import-worker.js (started as a process)' },
      { from: 'out/main/index-worker.js', request: 'minisearch' }
    ])
  })

  it('accepts a package packed in node_modules and a file found by Node’s extensions', () => {
    const app = packed({
      'out/main/index.js': 'require("./b"); require("@scope/pkg/sub")',
      'out/main/b.js': '',
      'node_modules/@scope/pkg/package.json': '{}'
    })
    expect(unresolvedRequires(app, ['out/main/index.js'])).toEqual([])
  })
})

describe('missingEntries and unwantedFiles', () => {
  it('names the entries that are not packed', () => {
    expect(missingEntries(['package.json', 'out/main/index.js'], ENTRIES)).toEqual(
      ENTRIES.filter((entry) => entry !== 'package.json' && entry !== 'out/main/index.js')
    )
  })

  it('finds source maps, tests, sources, build-only entries and development packages', () => {
    const files = [
      'out/main/index.js',
      'out/main/index.js.map',
      'out/main/build-index.js',
      'test/e2e/search.spec.ts',
      'src/main/index.ts',
      'node_modules/vitest/index.js',
      'node_modules/@types/node/index.d.ts',
      'node_modules/lunr/lunr.js'
    ]
    expect(unwantedFiles(files, ['vitest', '@types/node'])).toEqual(files.slice(1, 7))
  })
})

describe('fuseMismatches', () => {
  it('names each configured fuse the wire does not hold', () => {
    const wire = { 0: 48, 1: 49, 2: 49 }
    const indexOf = {
      runAsNode: 0,
      enableCookieEncryption: 1,
      enableNodeOptionsEnvironmentVariable: 2
    }
    expect(
      fuseMismatches(
        wire,
        {
          runAsNode: false,
          enableCookieEncryption: true,
          enableNodeOptionsEnvironmentVariable: false
        },
        indexOf
      )
    ).toEqual(['enableNodeOptionsEnvironmentVariable should be off'])
  })
})

describe('the stand-in Electron', () => {
  it('carries a fuse wire @electron/fuses reads, at Electron’s defaults', async () => {
    const dir = tempDir()
    writeStandInElectron(dir, '45.0.0')
    const wire = await getCurrentFuseWire(join(dir, 'electron'))
    const states = [...DEFAULT_WIRE].map((bit, index) => [String(index), bit.charCodeAt(0)])
    expect(wire).toEqual({ version: '1', ...Object.fromEntries(states) })
  })
})

describe('libraryProblems', () => {
  function library(articles: string[], files: Record<string, string>): string {
    const dir = tempDir()
    mkdirSync(join(dir, 'articles'))
    for (const name of articles) writeFileSync(join(dir, 'articles', name), '---\ntitle: A\n---\n')
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
    return dir
  }
  const [indexFile, cacheFile, textsFile] = [INDEX_FILE, LIBRARY_CACHE_FILE, LIBRARY_TEXTS_FILE]
  const built = { [indexFile]: 'index v1', [cacheFile]: 'cache v1', [textsFile]: 'texts v1' }

  it('passes a packed library that matches the build', () => {
    const repo = library(['a.md', 'b.md'], built)
    expect(libraryProblems(library(['a.md', 'b.md'], built), repo)).toEqual([])
  })

  it('names missing articles, a missing cache and a stale index', () => {
    const repo = library(['a.md', 'b.md'], built)
    const stale = library(['a.md'], { [indexFile]: 'index v0' })
    expect(libraryProblems(stale, repo)).toEqual([
      'article b.md not packed',
      `${indexFile} packed differs from the one built`,
      `${cacheFile} not packed beside the articles`,
      `${textsFile} not packed beside the articles`
    ])
    expect(libraryProblems(join(repo, 'nowhere'), repo)).toHaveLength(1)
  })
})
