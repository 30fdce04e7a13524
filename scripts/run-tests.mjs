#!/usr/bin/env node
/**
 * `npm test`: every check and test suite, continuing after a failure so the summary is complete.
 * The checks and the build run two at a time (each prints its output whole when it ends); the
 * test runners then run one after the other, streamed as they run. Ends with a per-suite table and, as the very last line,
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
 * or a JSON report the runner writes, counted test by test. A suite with `after` waits for that
 * one to end; `alone` suites run only once everything before
 * them has ended, with nothing beside them: the test runners time things and use both cores.
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
  {
    name: 'dist:check',
    command: process.execPath,
    args: ['scripts/dist-check.mjs'],
    after: 'build'
  },
  // Reads the build just made (and src/): insecure Electron patterns fail the run.
  {
    name: 'electronegativity',
    command: process.execPath,
    args: ['scripts/electronegativity.mjs'],
    after: 'build'
  },
  {
    name: 'vitest',
    command: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`],
    report: vitestJson,
    count: countVitest,
    alone: true
  },
  {
    name: 'playwright',
    command: bin('playwright'),
    args: ['test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson },
    report: playwrightJson,
    count: countPlaywright,
    alone: true
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

/**
 * Runs one command; resolves to its exit code (1 if it could not start). Streamed when `output`
 * is undefined; else its stdout and stderr are collected there, in the order they came.
 */
function run(command, args, env, output) {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: output ? ['inherit', 'pipe', 'pipe'] : 'inherit',
      // Collected output is not a terminal: keep the colours it would have had on one.
      env: {
        ...process.env,
        ...(output && process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}),
        ...env
      },
      shell: process.platform === 'win32'
    })
    child.stdout?.on('data', (chunk) => output.push(chunk))
    child.stderr?.on('data', (chunk) => output.push(chunk))
    child.on('error', (error) => {
      output?.push(Buffer.from(`Could not start ${command}: ${error.message}\n`))
      if (!output) console.error(`Could not start ${command}: ${error.message}`)
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

/** Two cores: the checks share them two at a time; more would only queue for them. */
const TOGETHER = 2

const header = (suite) => {
  const shown = [suite.command.replace(`${root}/node_modules/.bin/`, ''), ...suite.args]
  return `\n━━━ ${suite.name}: ${shown.join(' ').replaceAll(`${root}/`, '')}\n`
}

/** Runs one suite to its summary row; a suite run beside others prints its output when it ends. */
async function runSuite(suite, streamed) {
  const output = streamed ? undefined : []
  if (streamed) console.log(header(suite))
  // A report left from an earlier run must not stand in for one this run failed to write.
  if (suite.report) rmSync(suite.report, { force: true })
  const started = Date.now()
  const code = await run(suite.command, suite.args, suite.env, output)
  const seconds = (Date.now() - started) / 1000
  if (output) {
    console.log(header(suite))
    process.stdout.write(Buffer.concat(output))
  }
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
  return { name: suite.name, counts, seconds, note }
}

/** Runs `batch` (suites that may share the machine) at most TOGETHER at a time, `after` first. */
async function runTogether(batch, rowOf) {
  const ended = new Map(batch.map((suite) => [suite.name, undefined]))
  const waiting = [...batch]
  const running = new Set()
  const ready = (suite) => !suite.after || !ended.has(suite.after) || ended.get(suite.after)
  while (waiting.length > 0 || running.size > 0) {
    let next
    while (running.size < TOGETHER && (next = waiting.find(ready))) {
      waiting.splice(waiting.indexOf(next), 1)
      const suite = next
      const job = runSuite(suite, batch.length === 1).then((row) => {
        rowOf.set(suite, row)
        ended.set(suite.name, true)
        running.delete(job)
      })
      running.add(job)
    }
    await Promise.race(running)
  }
}

const rowOf = new Map()
let batch = []
for (const suite of selected) {
  if (!suite.alone) {
    batch.push(suite)
    continue
  }
  if (batch.length) await runTogether(batch, rowOf)
  batch = []
  await runTogether([suite], rowOf)
}
if (batch.length) await runTogether(batch, rowOf)
const rows = selected.map((suite) => rowOf.get(suite))

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
