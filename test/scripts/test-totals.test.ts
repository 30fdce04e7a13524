import { describe, expect, it } from 'vitest'
import {
  checkCounts,
  countPlaywright,
  countVitest,
  formatTotals,
  sumCounts
} from '../../scripts/test-totals.mjs'

const assertion = (status: string) => ({ title: status, fullName: status, status })

describe('countVitest', () => {
  it('counts passed, failed and skipped tests across files', () => {
    const report = {
      success: false,
      testResults: [
        {
          name: 'a.test.ts',
          status: 'failed',
          assertionResults: [assertion('passed'), assertion('failed'), assertion('skipped')]
        },
        {
          name: 'b.test.ts',
          status: 'passed',
          assertionResults: [assertion('passed'), assertion('todo'), assertion('passed')]
        }
      ]
    }
    expect(countVitest(report)).toEqual({ passed: 3, failed: 1, skipped: 2 })
  })

  it('counts a file that failed to load as one failure', () => {
    const report = {
      success: false,
      testResults: [
        { name: 'broken.test.ts', status: 'failed', assertionResults: [] },
        { name: 'fine.test.ts', status: 'passed', assertionResults: [assertion('passed')] }
      ]
    }
    expect(countVitest(report)).toEqual({ passed: 1, failed: 1, skipped: 0 })
  })

  it('counts a run that failed outside any test as one failure', () => {
    const report = {
      success: false,
      testResults: [
        { name: 'a.test.ts', status: 'passed', assertionResults: [assertion('passed')] }
      ]
    }
    expect(countVitest(report)).toEqual({ passed: 1, failed: 1, skipped: 0 })
  })

  it('counts a missing or malformed report as one failure', () => {
    expect(countVitest(null)).toEqual({ passed: 0, failed: 1, skipped: 0 })
    expect(countVitest({ numPassedTests: 3 })).toEqual({ passed: 0, failed: 1, skipped: 0 })
  })
})

describe('countPlaywright', () => {
  const test = (status: string) => ({ projectName: 'web', status, results: [] })

  it('counts tests in nested suites, with flaky tests as passed', () => {
    const report = {
      errors: [],
      suites: [
        {
          title: 'search.spec.ts',
          specs: [{ title: 'one', tests: [test('expected'), test('skipped')] }],
          suites: [
            {
              title: 'a describe block',
              specs: [
                { title: 'two', tests: [test('unexpected')] },
                { title: 'three', tests: [test('flaky')] }
              ]
            }
          ]
        },
        { title: 'library.spec.ts', specs: [{ title: 'four', tests: [test('expected')] }] }
      ]
    }
    expect(countPlaywright(report)).toEqual({ passed: 3, failed: 1, skipped: 1 })
  })

  it('counts errors outside tests as failures', () => {
    const report = {
      errors: [{ message: 'SyntaxError in broken.spec.ts' }],
      suites: [{ title: 'ok.spec.ts', specs: [{ title: 'one', tests: [test('expected')] }] }]
    }
    expect(countPlaywright(report)).toEqual({ passed: 1, failed: 1, skipped: 0 })
  })

  it('counts a missing report as one failure', () => {
    expect(countPlaywright(undefined)).toEqual({ passed: 0, failed: 1, skipped: 0 })
  })
})

describe('totals', () => {
  it('sums check steps and runner counts', () => {
    const total = sumCounts([
      checkCounts(true),
      checkCounts(false),
      { passed: 5, failed: 0, skipped: 2 }
    ])
    expect(total).toEqual({ passed: 6, failed: 1, skipped: 2 })
  })

  it('formats the totals line, naming skipped tests only when there are some', () => {
    expect(formatTotals({ passed: 12, failed: 0, skipped: 0 })).toBe('12 passed, 0 failed')
    expect(formatTotals({ passed: 7, failed: 2, skipped: 3 })).toBe('7 passed, 2 failed, 3 skipped')
  })
})
