#!/usr/bin/env node
/**
 * Doyensec's Electronegativity over `src/` and the built app (`out/` main, preload, renderer and
 * package.json, as electron-builder packs them). Prints what it found, what each finding became
 * (blocking, justified, below the bar) and how much it read; exits 1 on any MEDIUM+ / FIRM+
 * finding without a justification below, or when it could not read what it was given.
 * The decisions are scripts/security/electronegativity-policy.mjs; this file runs the tool.
 *
 * Electronegativity's CLI always exits 0 and its SARIF drops severity and confidence, so this
 * uses its programmatic `run()`, which returns both.
 *
 * Why both folders: src/ is where the window checks can see `new BrowserWindow(...)` (the bundle
 * spells it `new electron.BrowserWindow(...)`, which they do not match); out/ is the only place
 * the Svelte components exist as JavaScript the tool can read, with the bundled dependencies,
 * and the app as it ships for the whole-app checks (CSP, navigation limits, permission handler).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  decide,
  coverage,
  isReadByElectronegativity,
  toFinding
} from './security/electronegativity-policy.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

/**
 * Checks switched off, each with its reason. Only checks that cannot run here: a check whose
 * finding is a false positive stays on and gets a narrow justification instead.
 */
const EXCLUDED_CHECKS = [
  {
    check: 'AvailableSecurityFixesGlobalCheck',
    why: "downloads Electron's release list from GitHub; CI has no network but the npm registry, and the check would only stall then give up"
  }
]

/**
 * Findings at or above the bar that are false positives, each matched narrowly (check, file and
 * the source line it points at): the same check anywhere else still blocks.
 * @type {import('./security/electronegativity-policy.mjs').Justification[]}
 */
const JUSTIFICATIONS = [
  {
    check: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'src/main/window.ts',
    sample: 'new BrowserWindow(windowOptions(',
    why: 'the check reads only an object literal inside new BrowserWindow(); windowOptions() sets contextIsolation: true (test/main/window.test.ts, and ESLint rejects any other value)'
  },
  {
    check: 'SANDBOX_JS_CHECK',
    file: 'src/main/window.ts',
    sample: 'new BrowserWindow(windowOptions(',
    why: 'the check reads only an object literal inside new BrowserWindow(); windowOptions() sets sandbox: true (test/main/window.test.ts, and ESLint rejects any other value)'
  },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: 'src/main/window.ts',
    sample: 'new BrowserWindow(windowOptions(',
    why: 'a middle click can only ask for a new window or a navigation, and navigation-guards.ts denies every window and every navigation off app://dossier/'
  }
]

/** The longest a scan may take: the two together take seconds; past this something hangs. */
const TIMEOUT_MS = 120_000

const engineDir = dirname(require.resolve('@doyensec/electronegativity/package.json'))

/**
 * Offline. Electronegativity fetches translations from S3 on every run (whatever the options),
 * with `got`; CI has no network. Its own copy of `got` is replaced by one that fails at once, so
 * it falls back to the English strings it ships.
 */
function goOffline() {
  const gotPath = require.resolve('got', { paths: [join(engineDir, 'dist/locales')] })
  const offline = () => Promise.reject(new Error('network disabled for the Electronegativity scan'))
  offline.head = offline
  offline.get = offline
  require.cache[gotPath] = /** @type {any} */ ({
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: offline
  })
}

/**
 * Modern class syntax. Electronegativity parses JavaScript with esprima (ES2017) and, failing
 * that, with Babel in "estree" mode, whose default output for `#private` class fields is a node
 * its tree walker does not know: every bundle with a private field was "skipped". Asking Babel
 * for standard ESTree class nodes (`classFeatures`) lets the walker read them.
 */
function readClassFields() {
  const { Parser } = require(join(engineDir, 'dist/parser/parser.js'))
  const parseBabel = Parser?.prototype?.parseBabel
  if (typeof parseBabel !== 'function') {
    throw new Error(
      "Electronegativity's parser has changed (no Parser.prototype.parseBabel): revisit scripts/electronegativity.mjs"
    )
  }
  Parser.prototype.parseBabel = function (/** @type {string} */ content) {
    this.babelPlugins = this.babelPlugins.map((/** @type {unknown} */ plugin) =>
      plugin === 'estree' ? ['estree', { classFeatures: true }] : plugin
    )
    return parseBabel.call(this, content)
  }
}

/** Every file under `dir`, as paths relative to it with `/`. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
}

/** Lines carrying `eng-disable`, Electronegativity's inline switch-off, in the files it reads. */
function inlineDisables(dir, prefix) {
  return filesUnder(dir)
    .filter(isReadByElectronegativity)
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .flatMap((text, index) =>
          /\beng-disable\b/.test(text) ? [{ file: `${prefix}${file}`, line: index + 1 }] : []
        )
    )
}

/**
 * The built app as it is packed (electron-builder.yml: out/** but the benchmark, package.json,
 * no source maps), copied to a scratch folder: scanned together, so the global checks (CSP,
 * navigation limits, permission handler) see the whole app, and nothing that does not ship.
 */
function stageBuiltApp() {
  const missing = ['main', 'preload', 'renderer'].filter(
    (part) => !existsSync(join(root, 'out', part))
  )
  if (missing.length > 0) {
    throw new Error(`out/${missing.join(', out/')} missing: run \`npm run build\` first`)
  }
  const stage = mkdtempSync(join(tmpdir(), 'dossier-electronegativity-'))
  for (const part of ['main', 'preload', 'renderer']) {
    cpSync(join(root, 'out', part), join(stage, part), {
      recursive: true,
      filter: (source) => !source.endsWith('.map')
    })
  }
  cpSync(join(root, 'package.json'), join(stage, 'package.json'))
  return stage
}

/**
 * One scan: Electronegativity's findings and parse errors for `dir`, with paths relative to the
 * repository (`prefix` is the folder the scan stands for).
 */
async function scan(run, { name, dir, prefix, unreadableAllowed, electronVersion }) {
  const result = await run({
    input: dir,
    isRelative: true,
    excludeFromScan: EXCLUDED_CHECKS.map((entry) => entry.check),
    electronVersionOverride: electronVersion
  })
  const files = filesUnder(dir).map((file) => `${prefix}${file}`)
  return {
    checks: { atomic: result.atomicChecks, global: result.globalChecks },
    scan: {
      name,
      files,
      findings: result.issues.map((issue) => toFinding(name, prefix, issue)),
      errors: result.errors.map((error) => ({
        scan: name,
        file: `${prefix}${relative(dir, error.file).split(sep).join('/')}`,
        message: String(error.message).split('\n')[0],
        tolerable: Boolean(error.tolerable)
      })),
      inlineDisables: inlineDisables(dir, prefix),
      unreadableAllowed
    }
  }
}

function printTable(rows) {
  const table = rows.map(({ finding, verdict, why }) => [
    finding.scan,
    finding.check,
    `${finding.severity}/${finding.confidence}`,
    finding.file === 'N/A' ? '(whole app)' : `${finding.file}:${finding.line}`,
    verdict + (why ? `: ${why}` : '')
  ])
  const head = ['scan', 'check', 'severity/confidence', 'where', 'verdict']
  const widths = head.map((title, column) =>
    Math.max(title.length, ...table.map((row) => (column < 4 ? row[column].length : 0)))
  )
  const line = (cells) =>
    cells.map((cell, column) => (column < 4 ? cell.padEnd(widths[column]) : cell)).join('  ')
  console.log(line(head))
  for (const row of table) console.log(line(row))
}

async function main() {
  const started = Date.now()
  goOffline()
  readClassFields()
  const run = require(engineDir)
  // The Electron the app is built with: the defaults Electronegativity assumes depend on it.
  const electronVersion = require('electron/package.json').version
  const stage = stageBuiltApp()
  try {
    const src = await scan(run, {
      name: 'src',
      dir: join(root, 'src'),
      prefix: 'src/',
      unreadableAllowed: {
        svelte: 'compiled to JavaScript in out/renderer, which the out scan reads'
      },
      electronVersion
    })
    const out = await scan(run, {
      name: 'out',
      dir: stage,
      prefix: 'out/',
      unreadableAllowed: {},
      electronVersion
    })
    const decision = decide({ scans: [src.scan, out.scan], justifications: JUSTIFICATIONS })

    console.log(
      `\nElectronegativity ${require(join(engineDir, 'package.json')).version}, Electron ${electronVersion}: ` +
        `${src.checks.atomic} atomic + ${src.checks.global} global checks; excluded:`
    )
    for (const entry of EXCLUDED_CHECKS) console.log(`  ${entry.check}: ${entry.why}`)
    for (const scanned of [src.scan, out.scan]) {
      const { name, unreadableAllowed } = scanned
      const seen = coverage(scanned)
      const unread = Object.entries(seen.unreadable)
        .map(
          ([ext, count]) =>
            `${count} .${ext}${unreadableAllowed[ext] ? ` (${unreadableAllowed[ext]})` : ''}`
        )
        .join(', ')
      console.log(
        `${name}: ${seen.parsed} of ${seen.listed} files parsed, ${seen.skipped.length} skipped, ` +
          `${seen.tolerated.length} parsed with warnings${unread ? `; not readable by the tool: ${unread}` : ''}`
      )
    }
    const count = (scanName, verdict) =>
      decision.rows.filter((row) => row.finding.scan === scanName && row.verdict === verdict).length
    for (const name of ['src', 'out']) {
      console.log(
        `${name} findings: ${count(name, 'blocking')} blocking, ${count(name, 'justified')} justified, ` +
          `${count(name, 'below the bar')} below MEDIUM/FIRM`
      )
    }
    console.log('')
    if (decision.rows.length > 0) printTable(decision.rows)
    for (const entry of decision.unused) {
      console.log(`note: justification no longer needed: ${entry.check} at ${entry.file}`)
    }
    console.log(`\nscan took ${((Date.now() - started) / 1000).toFixed(1)} s`)
    if (!decision.ok) {
      console.error('\nElectronegativity gate failed:')
      for (const problem of decision.problems) console.error(`  ${problem}`)
      return 1
    }
    console.log('Electronegativity gate passed: nothing at or above MEDIUM/FIRM left unexplained.')
    return 0
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}

const timer = setTimeout(() => {
  console.error(`Electronegativity did not finish within ${TIMEOUT_MS / 1000} s`)
  process.exit(1)
}, TIMEOUT_MS)

try {
  process.exitCode = await main()
} catch (error) {
  console.error(
    `Electronegativity scan failed: ${error instanceof Error ? error.message : String(error)}`
  )
  process.exitCode = 1
} finally {
  clearTimeout(timer)
}
