/**
 * An import batch as the UI shows it: which file is being imported, the rows so far, Cancel,
 * and the report once it ends. Each imported article joins the library as soon as main
 * answers for it, so the list grows while the batch runs.
 */
import type { ArticleImportRow } from '@shared/ipc/contract'
import { call } from '../lib/api'
import { runImport, type ImportSource } from '../lib/import-queue'
import { library } from './library.svelte'
import { notices } from './notices.svelte'

class ImportState {
  running = $state(false)
  /** Files in the batch, and how many have answered. */
  total = $state(0)
  done = $state(0)
  /** The file being imported now (1-based position and name). */
  current = $state<{ position: number; name: string } | null>(null)
  cancelling = $state(false)
  /** The last batch's rows; the report shows while `reportOpen`. */
  rows = $state.raw<ArticleImportRow[]>([])
  reportOpen = $state(false)
  /** Files of a dropped folder left out (a saved page's resources, hidden files). */
  leftOut = $state(0)

  #batchId = ''

  /** Imports `sources` one by one; a second batch while one runs is refused. */
  async start(sources: readonly ImportSource[], leftOut = 0): Promise<void> {
    if (this.running) {
      notices.push('An import is already running: wait for it to finish, or cancel it.')
      return
    }
    if (sources.length === 0) {
      if (leftOut > 0) notices.push('Nothing to import there: no pages, Markdown or text files.')
      return
    }
    this.#batchId = crypto.randomUUID()
    this.running = true
    this.cancelling = false
    this.total = sources.length
    this.done = 0
    this.rows = []
    this.leftOut = leftOut
    this.reportOpen = false
    try {
      await runImport(sources, {
        batchId: this.#batchId,
        send: (request) => call('import:file', request),
        cancelled: () => this.cancelling,
        onProgress: (index, source) => {
          this.current = { position: index + 1, name: source.name }
        },
        onRow: (row) => {
          this.rows = [...this.rows, row]
          this.done = this.rows.length
          if (row.status === 'imported' && row.article) library.place(row.article)
        }
      })
    } finally {
      this.running = false
      this.current = null
      this.reportOpen = true
    }
  }

  /** Stops the batch: the file in flight is abandoned in main, the rest are not sent. */
  async cancel(): Promise<void> {
    if (!this.running || this.cancelling) return
    this.cancelling = true
    const result = await call('import:cancel', { batchId: this.#batchId })
    if (!result.ok) notices.fromError('Could not cancel the import', result.error)
  }

  closeReport(): void {
    this.reportOpen = false
  }
}

export const importer = new ImportState()
