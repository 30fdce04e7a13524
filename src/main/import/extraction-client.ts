/**
 * Main's side of the extraction process: one file at a time, each within the time budget. A
 * file that overruns it, or whose work ends the process (out of memory), fails with that reason;
 * the process is killed and a fresh one started for the next file. Cancelling a batch kills
 * its file in flight and fails the rest of it.
 */
import type { ImportInput, PipelineResult } from './import-pipeline'
import type { PageBlock } from '@shared/model/page-text'
import {
  TIME_BUDGET_MS,
  type ExtractorHandle,
  type FromExtractor,
  type StartExtractor,
  type ToExtractor
} from './extraction-protocol'

type Job = {
  message: ToExtractor
  batchId: string | null
  resolve: (answer: FromExtractor) => void
}

export const CANCELLED = 'Cancelled.'

export class ExtractionClient {
  private process: ExtractorHandle | null = null
  private readonly queue: Job[] = []
  private current: (Job & { timer: NodeJS.Timeout }) | null = null
  private nextId = 1
  private readonly cancelled = new Set<string>()

  constructor(
    private readonly start: StartExtractor,
    private readonly timeBudgetMs = TIME_BUDGET_MS
  ) {}

  async extract(input: ImportInput, batchId: string | null = null): Promise<PipelineResult> {
    if (batchId !== null && this.cancelled.has(batchId)) return { ok: false, reason: CANCELLED }
    const answer = await this.run({ type: 'import', id: 0, ...input }, batchId)
    if (answer.type === 'import') return answer.result
    return { ok: false, reason: answer.type === 'error' ? answer.message : 'No answer.' }
  }

  /** A saved web page's whole text, block by block; null when the process could not say. */
  async pageText(bytes: Uint8Array): Promise<PageBlock[] | null> {
    const answer = await this.run({ type: 'page-text', id: 0, bytes }, null)
    return answer.type === 'page-text' ? answer.blocks : null
  }

  isCancelled(batchId: string): boolean {
    return this.cancelled.has(batchId)
  }

  /** Stops a batch; answers whether it had a file in flight or waiting. */
  cancel(batchId: string): boolean {
    this.cancelled.add(batchId)
    let stopped = false
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const job = this.queue[i]!
      if (job.batchId !== batchId) continue
      this.queue.splice(i, 1)
      job.resolve({ type: 'error', id: job.message.id, message: CANCELLED })
      stopped = true
    }
    if (this.current?.batchId === batchId) {
      this.finish({ type: 'error', id: this.current.message.id, message: CANCELLED }, true)
      stopped = true
    }
    return stopped
  }

  close(): void {
    void this.process?.terminate()
    this.process = null
  }

  private run(message: ToExtractor, batchId: string | null): Promise<FromExtractor> {
    return new Promise((resolve) => {
      this.queue.push({ message: { ...message, id: this.nextId++ }, batchId, resolve })
      this.next()
    })
  }

  private next(): void {
    if (this.current || this.queue.length === 0) return
    const job = this.queue.shift()!
    const timer = setTimeout(() => {
      const seconds = Math.round(this.timeBudgetMs / 1000)
      const message = `Took too long to read (over ${seconds} s); it was stopped.`
      this.finish({ type: 'error', id: job.message.id, message }, true)
    }, this.timeBudgetMs)
    this.current = { ...job, timer }
    this.ensureProcess().postMessage(job.message)
  }

  private ensureProcess(): ExtractorHandle {
    if (this.process) return this.process
    const process = this.start()
    this.process = process
    process.on('message', (message) => {
      if (this.process === process && this.current?.message.id === message.id)
        this.finish(message, false)
    })
    process.on('exit', (how) => {
      if (this.process !== process) return
      this.process = null
      if (this.current) {
        const message = `Reading it stopped the import process (${String(how)}): the file is too large or too complex.`
        this.finish({ type: 'error', id: this.current.message.id, message }, false)
      }
    })
    return process
  }

  /** Answers the job in flight; `kill`: its process is stopped (a fresh one serves the next). */
  private finish(answer: FromExtractor, kill: boolean): void {
    const job = this.current
    if (!job) return
    clearTimeout(job.timer)
    this.current = null
    if (kill) {
      const process = this.process
      this.process = null
      void process?.terminate()
    }
    job.resolve(answer)
    this.next()
  }
}
