#!/usr/bin/env node
/**
 * `npm run dist:check`: packs the built app for Linux into a folder, as `npm run dist` would but
 * without Electron's binary (which not every machine can fetch): electron-builder's `electronDist`
 * points at a stand-in distribution made here. Then checks what was packed (the entries, every
 * run-time require, the library beside app.asar, nothing that belongs to development) and the
 * fuses electron-builder flipped in the stand-in's fuse wire. Exits 1 on any problem.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractFile, listPackage, statFile } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { Arch, build, Platform } from 'electron-builder'
import { parse } from 'yaml'
import {
  ENTRIES,
  PACKED_LIBRARY_DIR,
  fuseMismatches,
  missingEntries,
  unresolvedRequires,
  unwantedFiles
} from './dist-check/inspect-package.mjs'
import { LIBRARY_FILES, libraryProblems } from './dist-check/library.mjs'
import { writeStandInElectron } from './dist-check/stand-in-electron.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const started = Date.now()
const problems = []

const notBuilt = [
  ...ENTRIES.filter((entry) => entry.startsWith('out/')),
  ...LIBRARY_FILES.map((f) => `resources/${f}`)
].filter((file) => !existsSync(join(root, file)))
if (notBuilt.length > 0) {
  console.error(`dist:check needs a build first (missing ${notBuilt.join(', ')}): npm run build`)
  process.exit(1)
}

const work = mkdtempSync(join(tmpdir(), 'dossier-dist-check-'))
try {
  const electronVersion = JSON.parse(
    readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')
  ).version
  const standIn = join(work, 'electron-dist')
  writeStandInElectron(standIn, electronVersion)
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget(
      'dir',
      Arch[/** @type {keyof typeof Arch} */ (process.arch)]
    ),
    config: { electronDist: standIn, directories: { output: join(work, 'dist') } }
  })
  const appOutDir = join(
    work,
    'dist',
    readdirSync(join(work, 'dist')).find((name) => name.endsWith('-unpacked')) ?? 'linux-unpacked'
  )
  await inspect(appOutDir)
} catch (error) {
  problems.push(
    `electron-builder failed: ${error instanceof Error ? error.message : String(error)}`
  )
} finally {
  rmSync(work, { recursive: true, force: true })
}

const seconds = ((Date.now() - started) / 1000).toFixed(1)
if (problems.length > 0) {
  console.error(`\ndist:check found ${problems.length} problem(s) in ${seconds} s:`)
  for (const problem of problems) console.error(`  ✗ ${problem}`)
  process.exit(1)
}
console.log(`dist:check passed in ${seconds} s`)

/** Runs every check on the unpacked app folder, reporting as it goes. */
async function inspect(appOutDir) {
  const resources = join(appOutDir, 'resources')
  const archive = join(resources, 'app.asar')
  const files = listPackage(archive, { isPack: false })
    .map((path) => path.replace(/^[\\/]/, '').replaceAll('\\', '/'))
    .filter((path) => !('files' in statFile(archive, path, false)))
  const app = { files, read: (file) => extractFile(archive, file).toString('utf8') }
  console.log(
    `\napp.asar: ${(statSync(archive).size / 1024).toFixed(0)} KiB, ${files.length} files`
  )

  for (const entry of missingEntries(files)) problems.push(`app.asar lacks ${entry}`)
  const manifest = JSON.parse(app.read('package.json'))
  const main = manifest.main.replace(/^\.\//, '')
  if (!files.includes(main)) problems.push(`package.json's main (${manifest.main}) is not packed`)
  const assets = rendererAssets(app.read('out/renderer/index.html'))
  if (assets.length === 0) problems.push('the packed page loads no script or style')
  for (const asset of assets)
    if (!files.includes(`out/renderer/${asset}`))
      problems.push(`the page loads ${asset}, not packed`)
  console.log(`renderer: index.html and the ${assets.length} scripts and styles it loads`)
  // Main, and what it starts (the index worker, the import extractor), and the preload script.
  const scripts = [main, 'out/preload/index.js']
  for (const { from, request } of unresolvedRequires(app, scripts))
    problems.push(`${from} requires ${request}, which does not resolve inside the package`)
  const devDependencies = Object.keys(
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies ?? {}
  )
  for (const file of unwantedFiles(files, devDependencies))
    problems.push(`packed but not for users: ${file}`)

  problems.push(...libraryProblems(join(resources, PACKED_LIBRARY_DIR), join(root, 'resources')))

  const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'))
  const executable = join(
    appOutDir,
    readdirSync(appOutDir).find((name) => name === manifest.name) ?? manifest.name
  )
  const wire = await getCurrentFuseWire(executable)
  const indexOf = Object.fromEntries(
    Object.entries(FuseV1Options)
      .filter(([, index]) => typeof index === 'number')
      .map(([name, index]) => [name[0].toLowerCase() + name.slice(1), index])
  )
  const fuses = fuseMismatches(wire, config.electronFuses ?? {}, indexOf)
  for (const fuse of fuses) problems.push(`fuse ${fuse} in the packed executable`)
  console.log(
    `fuses: ${Object.keys(config.electronFuses ?? {}).length} configured, ${fuses.length} not as configured ` +
      "(in the stand-in's fuse wire; the real binary's are flipped by npm run dist, unseen here)"
  )
}

/** The scripts and styles the renderer's page loads, relative to its folder. */
function rendererAssets(html) {
  return [...html.matchAll(/\b(?:src|href)="\.?\/?([^":#?]+\.(?:js|css))"/g)].map(
    (match) => match[1]
  )
}
