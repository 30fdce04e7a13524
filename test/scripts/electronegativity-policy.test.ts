import { describe, expect, it } from 'vitest'
import {
  coverage,
  decide,
  isReadByElectronegativity,
  justificationFor,
  reachesBar,
  toFinding,
  type Finding,
  type Justification,
  type Scan
} from '../../scripts/security/electronegativity-policy.mjs'

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  scan: 'src',
  check: 'SANDBOX_JS_CHECK',
  severity: 'MEDIUM',
  confidence: 'FIRM',
  file: 'src/main/window.ts',
  line: 12,
  column: 2,
  sample: 'const window = new BrowserWindow(windowOptions(preload))',
  manualReview: false,
  ...overrides
})

const scan = (overrides: Partial<Scan> = {}): Scan => ({
  name: 'src',
  files: ['src/main/window.ts'],
  findings: [],
  errors: [],
  inlineDisables: [],
  unreadableAllowed: {},
  ...overrides
})

const windowJustification: Justification = {
  check: 'SANDBOX_JS_CHECK',
  file: 'src/main/window.ts',
  sample: 'new BrowserWindow(windowOptions(',
  why: 'set in windowOptions()'
}

describe('reachesBar', () => {
  it.each([
    ['MEDIUM', 'FIRM', true],
    ['HIGH', 'CERTAIN', true],
    ['HIGH', 'FIRM', true],
    ['MEDIUM', 'CERTAIN', true],
    ['LOW', 'CERTAIN', false],
    ['INFORMATIONAL', 'CERTAIN', false],
    ['HIGH', 'TENTATIVE', false],
    ['MEDIUM', 'TENTATIVE', false]
  ])('a %s / %s finding reaches the bar: %s', (severity, confidence, expected) => {
    expect(reachesBar({ severity, confidence })).toBe(expected)
  })

  it('treats a level it does not know as the highest, so it blocks rather than slips through', () => {
    expect(reachesBar({ severity: 'CRITICAL', confidence: 'FIRM' })).toBe(true)
    expect(reachesBar({ severity: 'MEDIUM', confidence: 'SURE' })).toBe(true)
  })
})

describe('decide', () => {
  it('fails on a MEDIUM / FIRM finding, naming the check and where it is', () => {
    const decision = decide({ scans: [scan({ findings: [finding()] })], justifications: [] })
    expect(decision.ok).toBe(false)
    expect(decision.rows.map((row) => row.verdict)).toEqual(['blocking'])
    expect(decision.problems).toEqual([
      'src: SANDBOX_JS_CHECK (MEDIUM/FIRM) at src/main/window.ts:12'
    ])
  })

  it('passes LOW and TENTATIVE findings, listing them below the bar', () => {
    const decision = decide({
      scans: [
        scan({
          findings: [
            finding({ severity: 'LOW', confidence: 'CERTAIN' }),
            finding({
              check: 'OPEN_EXTERNAL_JS_CHECK',
              severity: 'MEDIUM',
              confidence: 'TENTATIVE'
            })
          ]
        })
      ],
      justifications: []
    })
    expect(decision.ok).toBe(true)
    expect(decision.rows.map((row) => row.verdict)).toEqual(['below the bar', 'below the bar'])
  })

  it('passes a justified finding, keeping the reason beside it', () => {
    const decision = decide({
      scans: [scan({ findings: [finding()] })],
      justifications: [windowJustification]
    })
    expect(decision.ok).toBe(true)
    expect(decision.rows).toEqual([
      { finding: finding(), verdict: 'justified', why: 'set in windowOptions()' }
    ])
    expect(decision.unused).toEqual([])
  })

  it('still fails on the same check in another file or on another line of the same file', () => {
    const elsewhere = finding({ file: 'src/main/other-window.ts' })
    const otherLine = finding({
      sample: 'new BrowserWindow({ webPreferences: { sandbox: false } })'
    })
    const decision = decide({
      scans: [scan({ findings: [elsewhere, otherLine] })],
      justifications: [windowJustification]
    })
    expect(decision.ok).toBe(false)
    expect(decision.problems).toHaveLength(2)
    expect(decision.unused).toEqual([windowJustification])
  })

  it('counts a file it could not parse as a failure, not as clean', () => {
    const decision = decide({
      scans: [
        scan({
          files: ['src/main/window.ts', 'src/main/broken.ts'],
          errors: [
            {
              scan: 'src',
              file: 'src/main/broken.ts',
              message: 'Unexpected token',
              tolerable: false
            }
          ]
        })
      ],
      justifications: []
    })
    expect(decision.ok).toBe(false)
    expect(decision.problems).toEqual([
      'src: could not parse src/main/broken.ts, so it was not scanned: Unexpected token'
    ])
  })

  it('passes a file parsed with tolerated warnings: it was read', () => {
    const decision = decide({
      scans: [
        scan({
          errors: [{ scan: 'src', file: 'src/main/window.ts', message: 'odd', tolerable: true }]
        })
      ],
      justifications: []
    })
    expect(decision.ok).toBe(true)
  })

  it('fails on code the tool cannot read unless the scan says what covers it', () => {
    const files = ['src/renderer/App.svelte', 'src/main/window.ts', 'src/renderer/app.css']
    expect(decide({ scans: [scan({ files })], justifications: [] }).problems).toEqual([
      'src: 1 .svelte file(s) that Electronegativity cannot read'
    ])
    const covered = scan({ files, unreadableAllowed: { svelte: 'compiled in out/renderer' } })
    expect(decide({ scans: [covered], justifications: [] }).ok).toBe(true)
  })

  it('fails on an inline eng-disable comment, which would hide a finding from the report', () => {
    const decision = decide({
      scans: [scan({ inlineDisables: [{ file: 'src/main/window.ts', line: 3 }] })],
      justifications: []
    })
    expect(decision.ok).toBe(false)
    expect(decision.problems[0]).toMatch(/inline eng-disable at src\/main\/window\.ts:3/)
  })

  it('fails on a whole-app finding from a global check', () => {
    const missing = finding({
      scan: 'out',
      check: 'LIMIT_NAVIGATION_GLOBAL_CHECK',
      severity: 'HIGH',
      confidence: 'CERTAIN',
      file: 'N/A',
      line: 0,
      sample: ''
    })
    const decision = decide({
      scans: [scan({ name: 'out', findings: [missing] })],
      justifications: []
    })
    expect(decision.ok).toBe(false)
  })
})

describe('coverage', () => {
  it('counts the files the tool lists and parses, and the code it cannot read by kind', () => {
    const seen = coverage(
      scan({
        files: [
          'src/main/index.ts',
          'src/main/broken.ts',
          'src/renderer/index.html',
          'src/renderer/src/App.svelte',
          'src/renderer/src/Reader.svelte',
          'src/renderer/src/state/search.svelte.ts',
          'src/renderer/src/app.css',
          'src/tool.mjs'
        ],
        errors: [{ scan: 'src', file: 'src/main/broken.ts', message: 'x', tolerable: false }]
      })
    )
    expect(seen.listed).toBe(4)
    expect(seen.parsed).toBe(3)
    expect(seen.skipped).toHaveLength(1)
    expect(seen.unreadable).toEqual({ svelte: 2, mjs: 1 })
  })
})

describe('isReadByElectronegativity', () => {
  it.each([
    ['out/main/index.js', true],
    ['src/state/search.svelte.ts', true],
    ['out/renderer/index.html', true],
    ['out/package.json', true],
    ['src/App.svelte', false],
    ['out/main/chunk.mjs', false],
    ['node_modules/x/index.js', false]
  ])('%s: %s', (file, expected) => {
    expect(isReadByElectronegativity(file)).toBe(expected)
  })
})

describe('toFinding', () => {
  it('reads an issue as Electronegativity returns it, with the file under the scanned folder', () => {
    const issue = {
      file: 'main/window.ts',
      location: { line: 49, column: 17 },
      id: 'SANDBOX_JS_CHECK',
      severity: { value: 2, name: 'MEDIUM' },
      confidence: { value: 1, name: 'FIRM' },
      sample: 'new BrowserWindow(windowOptions(x))',
      manualReview: false
    }
    expect(toFinding('src', 'src/', issue)).toEqual(
      finding({ file: 'src/main/window.ts', line: 49, column: 17, sample: issue.sample })
    )
  })

  it('keeps a whole-app finding’s N/A file, and makes an unknown level one that blocks', () => {
    const result = toFinding('out', 'out/', { file: 'N/A', id: 'CSP_GLOBAL_CHECK' })
    expect(result).toMatchObject({ file: 'N/A', severity: 'UNKNOWN', confidence: 'UNKNOWN' })
    expect(reachesBar(result)).toBe(true)
  })
})

describe('justificationFor', () => {
  it('needs the check, the file and the flagged line to match', () => {
    expect(justificationFor(finding(), [windowJustification])).toBe(windowJustification)
    expect(justificationFor(finding({ check: 'AUXCLICK_JS_CHECK' }), [windowJustification])).toBe(
      undefined
    )
    expect(justificationFor(finding(), [{ ...windowJustification, sample: '' }])).toBe(undefined)
  })
})
