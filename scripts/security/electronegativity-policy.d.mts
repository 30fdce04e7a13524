/** Types for electronegativity-policy.mjs, so TypeScript tests can import the plain script. */
export interface Finding {
  scan: string
  check: string
  severity: string
  confidence: string
  file: string
  line: number
  column: number
  sample: string
  manualReview: boolean
}
export interface ParseError {
  scan: string
  file: string
  message: string
  tolerable: boolean
}
export interface Justification {
  check: string
  file: string
  sample: string
  why: string
}
export interface InlineDisable {
  file: string
  line: number
}
export interface Scan {
  name: string
  files: string[]
  findings: Finding[]
  errors: ParseError[]
  inlineDisables: InlineDisable[]
  unreadableAllowed: Record<string, string>
}
export type Verdict = 'blocking' | 'justified' | 'below the bar'
export interface Coverage {
  listed: number
  parsed: number
  skipped: ParseError[]
  tolerated: ParseError[]
  unreadable: Record<string, number>
}
export interface Decision {
  rows: { finding: Finding; verdict: Verdict; why: string }[]
  problems: string[]
  unused: Justification[]
  ok: boolean
}
export const SEVERITIES: string[]
export const CONFIDENCES: string[]
export const BLOCKING_SEVERITY: string
export const BLOCKING_CONFIDENCE: string
export function isReadByElectronegativity(file: string): boolean
export function reachesBar(finding: Pick<Finding, 'severity' | 'confidence'>): boolean
export function justificationFor(
  finding: Finding,
  justifications: Justification[]
): Justification | undefined
export function toFinding(scan: string, prefix: string, issue: unknown): Finding
export function coverage(scan: Scan): Coverage
export function decide(input: { scans: Scan[]; justifications: Justification[] }): Decision
