/**
 * Pure counting for `npm test`: turns each runner's JSON report into passed / failed / skipped
 * and sums them into the one totals line. No I/O here, so it can be tested with hand-made reports.
 */

/** @typedef {{ passed: number, failed: number, skipped: number }} Counts */

/** @returns {Counts} */
export const emptyCounts = () => ({ passed: 0, failed: 0, skipped: 0 })

/**
 * Counts for a check step (typecheck, lint, build...): one passed or one failed.
 * @param {boolean} ok
 * @returns {Counts}
 */
export const checkCounts = (ok) => ({ passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 })

/**
 * Counts a vitest JSON report (`--reporter=json`). A test file that failed before any test ran
 * (an import error, a syntax error) has no failed tests but did fail: it counts as one failure.
 * A run that says it failed while no test or file failed (an unhandled error) counts as one too.
 * @param {any} report
 * @returns {Counts}
 */
export function countVitest(report) {
  if (!report || typeof report !== 'object' || !Array.isArray(report.testResults)) {
    return { passed: 0, failed: 1, skipped: 0 }
  }
  const counts = emptyCounts()
  for (const file of report.testResults) {
    const assertions = Array.isArray(file.assertionResults) ? file.assertionResults : []
    let fileFailures = 0
    for (const assertion of assertions) {
      if (assertion.status === 'passed') counts.passed += 1
      else if (assertion.status === 'failed') fileFailures += 1
      else counts.skipped += 1
    }
    if (file.status === 'failed' && fileFailures === 0) fileFailures = 1
    counts.failed += fileFailures
  }
  if (report.success === false && counts.failed === 0) counts.failed = 1
  return counts
}

/**
 * Counts a Playwright JSON report by walking every test of every (nested) suite. A flaky test
 * passed in the end, so it counts as passed. Errors outside any test (a spec that does not load,
 * a global setup that throws) count as one failure each.
 * @param {any} report
 * @returns {Counts}
 */
export function countPlaywright(report) {
  if (!report || typeof report !== 'object' || !Array.isArray(report.suites)) {
    return { passed: 0, failed: 1, skipped: 0 }
  }
  const counts = emptyCounts()
  /** @param {any[]} suites */
  const walk = (suites) => {
    for (const suite of suites) {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests ?? []) {
          if (test.status === 'expected' || test.status === 'flaky') counts.passed += 1
          else if (test.status === 'skipped') counts.skipped += 1
          else counts.failed += 1
        }
      }
      walk(suite.suites ?? [])
    }
  }
  walk(report.suites)
  counts.failed += Array.isArray(report.errors) ? report.errors.length : 0
  return counts
}

/**
 * @param {Counts[]} list
 * @returns {Counts}
 */
export function sumCounts(list) {
  return list.reduce(
    (total, counts) => ({
      passed: total.passed + counts.passed,
      failed: total.failed + counts.failed,
      skipped: total.skipped + counts.skipped
    }),
    emptyCounts()
  )
}

/**
 * The totals line: `N passed, N failed`, with `, N skipped` only when something was skipped.
 * @param {Counts} counts
 * @returns {string}
 */
export function formatTotals(counts) {
  const line = `${counts.passed} passed, ${counts.failed} failed`
  return counts.skipped > 0 ? `${line}, ${counts.skipped} skipped` : line
}
