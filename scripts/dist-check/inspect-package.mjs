// What `npm run dist:check` asks of a packed app, as pure functions over the asar's file list and
// contents, so each rule is tested on small hand-made packages.
import { builtinModules } from 'node:module'
import { posix } from 'node:path'
import { parse } from 'acorn'

/**
 * The entries Electron and the app load: main (package.json's `main`), the index worker main
 * starts, the preload script and the renderer's page.
 */
export const ENTRIES = [
  'package.json',
  'out/main/index.js',
  'out/main/index-worker.js',
  'out/preload/index.js',
  'out/renderer/index.html'
]

/** Entries for development only: the index builder `npm run build` runs, the browser preview. */
export const DEVELOPMENT_ENTRIES = ['out/main/build-index.js', 'out/main/preview-server.js']

/** Where the packed library sits under `process.resourcesPath` (src/main/paths.ts). */
export const PACKED_LIBRARY_DIR = 'resources'

/** Provided by the runtime, never packed: Node's own modules and Electron's. */
const RUNTIME_MODULES = new Set([...builtinModules, 'electron'])

/**
 * @typedef {object} PackedApp
 * @property {string[]} files every file in the asar, relative, with forward slashes
 * @property {(file: string) => string} read a packed file's text
 */

/** @param {string[]} files @param {string[]} entries */
export function missingEntries(files, entries = ENTRIES) {
  const packed = new Set(files)
  return entries.filter((entry) => !packed.has(entry))
}

/**
 * What a script loads, as written: `modules` by require(), import() or an import/export
 * declaration; `started`, scripts it starts as processes from its own folder, named beside
 * `__dirname` in one call (`join(__dirname, 'index-worker.js')`). Parsed, not searched:
 * bundles keep JSDoc such as `@typedef {import('mdast').Root}`.
 * @param {string} source
 * @returns {{ modules: string[], started: string[] }}
 */
export function loadedBy(source) {
  const program = parse(source, {
    ecmaVersion: 'latest',
    sourceType: 'module',
    allowHashBang: true,
    allowReturnOutsideFunction: true
  })
  const modules = []
  const started = []
  const literal = (node) =>
    node?.type === 'Literal' && typeof node.value === 'string' ? node.value : null
  const visit = (node) => {
    if (node === null || typeof node !== 'object') return
    if (Array.isArray(node)) return node.forEach(visit)
    if (typeof node.type !== 'string') return
    if (node.type === 'CallExpression') {
      const name = literal(node.arguments[0])
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && name !== null)
        modules.push(name)
      if (node.arguments.some((arg) => arg.type === 'Identifier' && arg.name === '__dirname'))
        started.push(
          ...node.arguments.map(literal).filter((value) => value !== null && value.endsWith('.js'))
        )
    } else if (
      node.type === 'ImportExpression' ||
      node.type === 'ImportDeclaration' ||
      (node.type.startsWith('Export') && node.source)
    ) {
      const name = literal(node.source)
      if (name !== null) modules.push(name)
    }
    for (const key of Object.keys(node)) if (key !== 'type') visit(node[key])
  }
  visit(program)
  return { modules, started }
}

/** Every module a script loads with require(), import() or a declaration, as written. */
export const requiredModules = (source) => loadedBy(source).modules

/** Node's own modules (`fs`, `node:fs/promises`) and Electron's. */
function isRuntimeModule(request) {
  const name = request.replace(/^node:/, '')
  return RUNTIME_MODULES.has(name) || RUNTIME_MODULES.has(name.split('/')[0])
}

/** The package a bare specifier names: `a/b` → `a`, `@s/a/b` → `@s/a`. */
function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/** A relative request resolved as Node would inside the asar, or null. */
function resolveRelative(packed, from, request) {
  const base = posix.normalize(posix.join(posix.dirname(from), request))
  const tries = [base, `${base}.js`, `${base}.cjs`, `${base}.json`, `${base}/index.js`]
  return tries.find((candidate) => packed.has(candidate)) ?? null
}

/**
 * The loads that would fail at run time, following relative requires and started scripts from
 * `entries`: a relative file or started script that is not packed, or a package that is neither
 * built in nor packed in node_modules.
 * @param {PackedApp} app
 * @param {string[]} entries scripts that run (main, the worker, preload)
 * @returns {{ from: string, request: string }[]}
 */
export function unresolvedRequires(app, entries) {
  const packed = new Set(app.files)
  const seen = new Set()
  const queue = entries.filter((entry) => packed.has(entry))
  const failures = []
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift())
    if (seen.has(file)) continue
    seen.add(file)
    if (file.endsWith('.json')) continue
    const { modules, started } = loadedBy(app.read(file))
    for (const script of started) {
      const target = resolveRelative(packed, file, `./${script}`)
      if (target === null)
        failures.push({ from: file, request: `${script} (started as a process)` })
      else queue.push(target)
    }
    for (const request of modules) {
      if (request.startsWith('.')) {
        const target = resolveRelative(packed, file, request)
        if (target === null) failures.push({ from: file, request })
        else queue.push(target)
      } else if (!isRuntimeModule(request)) {
        if (!packed.has(`node_modules/${packageName(request)}/package.json`))
          failures.push({ from: file, request })
      }
    }
  }
  return failures
}

/**
 * Files that have no place in the installed app: source maps, tests, sources, and any package
 * that is only a development dependency.
 * @param {string[]} files
 * @param {string[]} devDependencies
 */
export function unwantedFiles(files, devDependencies) {
  const dev = new Set(devDependencies)
  return files.filter((file) => {
    if (file.endsWith('.map')) return true
    if (/(^|\/)(test|tests|__tests__|e2e)\//.test(file) || /\.(test|spec)\.[cm]?[jt]s$/.test(file))
      return true
    if (/^(src|scripts|docs|build)\//.test(file) || DEVELOPMENT_ENTRIES.includes(file)) return true
    const module = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)
    return module !== null && dev.has(module[1])
  })
}

/**
 * Fuses whose value in the packed executable differs from electron-builder.yml's `electronFuses`.
 * @param {Record<string, number>} wire @electron/fuses' reading: fuse index → '0'/'1' code
 * @param {Record<string, boolean>} configured electronFuses, by electron-builder's names
 * @param {Record<string, number>} indexOf electron-builder's name → fuse index
 */
export function fuseMismatches(wire, configured, indexOf) {
  return Object.entries(configured)
    .filter(([name]) => name in indexOf)
    .filter(([name, wanted]) => wire[indexOf[name]] !== (wanted ? 49 : 48))
    .map(([name, wanted]) => `${name} should be ${wanted ? 'on' : 'off'}`)
}
