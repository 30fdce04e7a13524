#!/usr/bin/env node
/**
 * `npm test`: every check and test suite in order, each streamed as it runs, continuing after a
 * failure so the summary is complete. Ends with a per-suite table and, as the very last line,
 * `N passed, N failed[, N skipped]` (also written to test-results/totals.txt). Exits 1 if
 * anything failed, including a test runner that crashed without writing its JSON report.
 * Arguments, if any, pick suites by name: `npm test -- vitest playwright`.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  checkCounts,
  countPlaywright,
  countVitest,
  formatTotals,
  sumCounts
} from './test-totals.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const resultsDir = join(root, 'test-results')
const vitestJson = join(resultsDir, 'vitest.json')
const playwrightJson = join(resultsDir, 'playwright.json')
const totalsFile = join(resultsDir, 'totals.txt')

const bin = (name) => join(root, 'node_modules', '.bin', name)
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/**
 * Each suite: a command, and either no report (a check step: its exit status is one result)
 * or a JSON report the runner writes, counted test by test.
 */
const suites = [
  { name: 'typecheck (node)', command: bin('tsc'), args: ['-p', 'tsconfig.node.json'] },
  {
    name: 'svelte-check',
    command: bin('svelte-check'),
    args: ['--tsconfig', './tsconfig.web.json', '--fail-on-warnings']
  },
  { name: 'eslint', command: bin('eslint'), args: ['.'] },
  { name: 'prettier', command: bin('prettier'), args: ['--check', '.'] },
  { name: 'build', command: npm, args: ['run', 'build'] },
  // Packs the build for Linux around a stand-in Electron and checks what was packed.
  { name: 'dist:check', command: process.execPath, args: ['scripts/dist-check.mjs'] },
  // Reads the build just made (and src/): insecure Electron patterns fail the run.
  { name: 'electronegativity', command: process.execPath, args: ['scripts/electronegativity.mjs'] },
  {
    name: 'vitest',
    command: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`],
    report: vitestJson,
    count: countVitest
  },
  {
    name: 'playwright',
    command: bin('playwright'),
    args: ['test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson },
    report: playwrightJson,
    count: countPlaywright
  }
]

// `npm test -- vitest playwright` runs only the suites named (whole or in part); default: all.
const wanted = process.argv.slice(2)
const selected = wanted.length
  ? suites.filter((suite) => wanted.some((word) => suite.name.includes(word)))
  : suites
if (selected.length === 0) {
  console.error(
    `No suite matches ${wanted.join(', ')}; suites: ${suites.map((s) => s.name).join(', ')}`
  )
  process.exit(2)
}

/** Runs one command with its output streamed; resolves to its exit code (1 if it could not start). */
function run(command, args, env) {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
      shell: process.platform === 'win32'
    })
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`)
      done(1)
    })
    child.on('close', (code, signal) => done(signal ? 1 : (code ?? 1)))
  })
}

function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

mkdirSync(resultsDir, { recursive: true })
rmSync(totalsFile, { force: true })

const rows = []
for (const suite of selected) {
  const shown = [suite.command.replace(`${root}/node_modules/.bin/`, ''), ...suite.args]
  console.log(`\n━━━ ${suite.name}: ${shown.join(' ').replaceAll(`${root}/`, '')}\n`)
  // A report left from an earlier run must not stand in for one this run failed to write.
  if (suite.report) rmSync(suite.report, { force: true })
  const started = Date.now()
  const code = await run(suite.command, suite.args, suite.env)
  const seconds = (Date.now() - started) / 1000
  let counts
  let note = ''
  if (!suite.report) {
    counts = checkCounts(code === 0)
  } else if (!existsSync(suite.report)) {
    counts = { passed: 0, failed: 1, skipped: 0 }
    note = `exited ${code} without writing ${suite.report.slice(root.length + 1)}`
  } else {
    counts = suite.count(readReport(suite.report))
    // A runner that fails for a reason its report does not show still failed.
    if (code !== 0 && counts.failed === 0) {
      counts = { ...counts, failed: 1 }
      note = `exited ${code} with no failing test in its report`
    }
  }
  rows.push({ name: suite.name, counts, seconds, note })
}

const total = sumCounts(rows.map((row) => row.counts))
const line = formatTotals(total)

const width = Math.max(...rows.map((row) => row.name.length), 'suite'.length)
const cell = (value) => String(value).padStart(7)
console.log('\n━━━ summary\n')
console.log(
  `${'suite'.padEnd(width)} ${cell('passed')} ${cell('failed')} ${cell('skipped')}    time`
)
for (const row of rows) {
  const { passed, failed, skipped } = row.counts
  const status = failed > 0 ? '  ✗' : '  ✓'
  console.log(
    `${row.name.padEnd(width)} ${cell(passed)} ${cell(failed)} ${cell(skipped)} ${row.seconds
      .toFixed(1)
      .padStart(6)}s${status}${row.note ? `  (${row.note})` : ''}`
  )
}
console.log('')
writeFileSync(totalsFile, `${line}\n`)
console.log(line)
process.exitCode = total.failed > 0 ? 1 : 0
