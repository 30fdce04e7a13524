/**
 * What `npm test` makes of an Electronegativity scan: which findings block, which are justified,
 * and whether the scan read enough of the code to be believed. Pure, so it is tested with
 * hand-made findings (test/scripts/electronegativity-policy.test.ts); the scan itself is
 * scripts/electronegativity.mjs.
 */

/** Electronegativity's severities and confidences, lowest first. */
export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']
export const CONFIDENCES = ['TENTATIVE', 'FIRM', 'CERTAIN']

/** The issue's bar: a finding of MEDIUM or higher severity with FIRM or higher confidence fails. */
export const BLOCKING_SEVERITY = 'MEDIUM'
export const BLOCKING_CONFIDENCE = 'FIRM'

/**
 * The extensions Electronegativity lists in a folder (its `list_files`): anything else is never
 * read, so it has to be accounted for rather than counted as clean.
 */
const READ_EXTENSIONS = new Set(['js', 'jsx', 'ts', 'tsx', 'html', 'htm'])
const READ_NAMES = new Set(['package.json', 'package-lock.json', 'yarn.lock'])
/** Code it cannot read. Everything else (css, images, fonts, source maps) holds no Electron API. */
const CODE_EXTENSIONS = new Set(['mjs', 'cjs', 'mts', 'cts', 'svelte', 'vue'])

/**
 * @typedef {{ scan: string, check: string, severity: string, confidence: string, file: string,
 *   line: number, column: number, sample: string, manualReview: boolean }} Finding
 * @typedef {{ scan: string, file: string, message: string, tolerable: boolean }} ParseError
 * @typedef {{ check: string, file: string, sample: string, why: string }} Justification
 * @typedef {{ file: string, line: number }} InlineDisable
 * @typedef {{ name: string, files: string[], findings: Finding[], errors: ParseError[],
 *   inlineDisables: InlineDisable[], unreadableAllowed: Record<string, string> }} Scan
 * @typedef {'blocking' | 'justified' | 'below the bar'} Verdict
 */

/** @param {string} file */
function extensionOf(file) {
  const name = file.slice(file.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase()
}

/** @param {string} file */
function baseName(file) {
  return file.slice(file.lastIndexOf('/') + 1).toLowerCase()
}

/**
 * Whether Electronegativity reads `file` when it scans a folder (paths use `/`).
 * @param {string} file
 */
export function isReadByElectronegativity(file) {
  if (file.split('/').includes('node_modules')) return false
  return READ_EXTENSIONS.has(extensionOf(file)) || READ_NAMES.has(baseName(file))
}

/**
 * Rank of a level in its scale; a level this policy does not know ranks above all others, so a
 * renamed or new level blocks instead of slipping under the bar.
 * @param {string[]} scale
 * @param {string} level
 */
function rank(scale, level) {
  const index = scale.indexOf(level)
  return index === -1 ? scale.length : index
}

/**
 * Whether a finding reaches the bar (MEDIUM+ severity and FIRM+ confidence).
 * @param {Pick<Finding, 'severity' | 'confidence'>} finding
 */
export function reachesBar(finding) {
  return (
    rank(SEVERITIES, finding.severity) >= rank(SEVERITIES, BLOCKING_SEVERITY) &&
    rank(CONFIDENCES, finding.confidence) >= rank(CONFIDENCES, BLOCKING_CONFIDENCE)
  )
}

/**
 * The justification that covers a finding: same check, same file, and its source line contains
 * the justification's sample. Narrow on purpose: the same check elsewhere still blocks.
 * @param {Finding} finding
 * @param {Justification[]} justifications
 * @returns {Justification | undefined}
 */
export function justificationFor(finding, justifications) {
  return justifications.find(
    (entry) =>
      entry.check === finding.check &&
      entry.file === finding.file &&
      entry.sample !== '' &&
      finding.sample.includes(entry.sample)
  )
}

/**
 * Converts one issue as Electronegativity's `run()` returns it into a Finding.
 * @param {string} scan the scan's name ("src", "out")
 * @param {string} prefix the scanned folder, relative to the repository ("src/"), for the file
 * @param {any} issue
 * @returns {Finding}
 */
export function toFinding(scan, prefix, issue) {
  const file = String(issue?.file ?? 'N/A')
  return {
    scan,
    check: String(issue?.id ?? 'UNKNOWN_CHECK'),
    severity: String(issue?.severity?.name ?? 'UNKNOWN'),
    confidence: String(issue?.confidence?.name ?? 'UNKNOWN'),
    file: file === 'N/A' ? file : `${prefix}${file.replaceAll('\\', '/')}`,
    line: Number(issue?.location?.line ?? 0),
    column: Number(issue?.location?.column ?? 0),
    sample: String(issue?.sample ?? ''),
    manualReview: Boolean(issue?.manualReview)
  }
}

/**
 * How much of a scanned folder Electronegativity really read.
 * @param {Scan} scan
 */
export function coverage(scan) {
  const listed = scan.files.filter(isReadByElectronegativity)
  const skipped = scan.errors.filter((error) => !error.tolerable)
  const skippedFiles = new Set(skipped.map((error) => error.file))
  /** @type {Record<string, number>} */
  const unreadable = {}
  for (const file of scan.files) {
    const extension = extensionOf(file)
    if (!isReadByElectronegativity(file) && CODE_EXTENSIONS.has(extension)) {
      unreadable[extension] = (unreadable[extension] ?? 0) + 1
    }
  }
  return {
    listed: listed.length,
    parsed: listed.filter((file) => !skippedFiles.has(file)).length,
    skipped,
    tolerated: scan.errors.filter((error) => error.tolerable),
    unreadable
  }
}

/**
 * The verdict on every finding of every scan, and every reason the gate fails: a blocking
 * finding, a file that could not be parsed (an unread file is not a clean one), code the tool
 * cannot read that no other scan covers, or an inline `eng-disable` (justifications live in
 * scripts/electronegativity.mjs, where they are reviewed, not in the code).
 * @param {{ scans: Scan[], justifications: Justification[] }} input
 */
export function decide({ scans, justifications }) {
  /** @type {{ finding: Finding, verdict: Verdict, why: string }[]} */
  const rows = []
  /** @type {string[]} */
  const problems = []
  const used = new Set()
  for (const scan of scans) {
    for (const finding of scan.findings) {
      if (!reachesBar(finding)) {
        rows.push({ finding, verdict: 'below the bar', why: '' })
        continue
      }
      const justification = justificationFor(finding, justifications)
      if (justification) {
        used.add(justification)
        rows.push({ finding, verdict: 'justified', why: justification.why })
        continue
      }
      rows.push({ finding, verdict: 'blocking', why: '' })
      problems.push(
        `${finding.scan}: ${finding.check} (${finding.severity}/${finding.confidence}) at ${finding.file}:${finding.line}`
      )
    }
    const seen = coverage(scan)
    for (const error of seen.skipped) {
      problems.push(
        `${scan.name}: could not parse ${error.file}, so it was not scanned: ${error.message}`
      )
    }
    for (const [extension, count] of Object.entries(seen.unreadable)) {
      if (!(extension in scan.unreadableAllowed)) {
        problems.push(
          `${scan.name}: ${count} .${extension} file(s) that Electronegativity cannot read`
        )
      }
    }
    for (const disabled of scan.inlineDisables) {
      problems.push(
        `${scan.name}: inline eng-disable at ${disabled.file}:${disabled.line}; justify in scripts/electronegativity.mjs instead`
      )
    }
  }
  const unused = justifications.filter((entry) => !used.has(entry))
  return { rows, problems, unused, ok: problems.length === 0 }
}
