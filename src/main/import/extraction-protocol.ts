/**
 * Messages between main and the extraction process, where every imported file is decoded,
 * parsed and extracted, so a hostile or huge page costs that process, never main.
 */
import type { PageBlock } from '@shared/model/page-text'
import type { ImportInput, PipelineResult } from './import-pipeline'

export type ToExtractor =
  | ({ type: 'import'; id: number } & ImportInput)
  /** The whole text of a kept web page (a thin extraction's fallback). */
  | { type: 'page-text'; id: number; bytes: Uint8Array }

export type FromExtractor =
  | { type: 'import'; id: number; result: PipelineResult }
  | { type: 'page-text'; id: number; blocks: PageBlock[] }
  | { type: 'error'; id: number; message: string }

/** Main's hold on a running extraction process (or the in-process one in tests). */
export interface ExtractorHandle {
  postMessage(message: ToExtractor): void
  on(event: 'message', listener: (message: FromExtractor) => void): unknown
  /** `how`: the exit code, or the signal that ended the process. */
  on(event: 'exit', listener: (how: number | string) => void): unknown
  terminate(): unknown
}

export type StartExtractor = () => ExtractorHandle

export interface ExtractorPort {
  postMessage(message: FromExtractor): void
  on(event: 'message', listener: (message: ToExtractor) => void): unknown
}

/**
 * The extraction process's limits: a page's work is cut off after TIME_BUDGET_MS, and its heap
 * may not grow past MEMORY_BUDGET_MB (V8 then ends the process, and main starts another).
 */
export const TIME_BUDGET_MS = 10_000
export const MEMORY_BUDGET_MB = 512
/** Node/V8 flags of the process: its heap limit, and no `eval` of strings by anything it runs. */
export const EXTRACTOR_EXEC_ARGV = [
  `--max-old-space-size=${MEMORY_BUDGET_MB}`,
  '--disallow-code-generation-from-strings'
]
