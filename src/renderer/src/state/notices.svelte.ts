/**
 * Small, non-blocking messages about things that went wrong. A failed call never stops the
 * reader: it is reported here and the UI carries on with what it has.
 */
import type { IpcError } from '@shared/ipc/result'

export interface Notice {
  id: number
  message: string
}

/** Long enough to read a sentence, short enough not to linger over the text. */
const NOTICE_MS = 6000

class Notices {
  items = $state<Notice[]>([])
  #next = 1

  /** Shows `message` for a few seconds; the same message twice in a row shows once. */
  push(message: string): void {
    if (this.items.some((notice) => notice.message === message)) return
    const id = this.#next++
    this.items.push({ id, message })
    setTimeout(() => this.dismiss(id), NOTICE_MS)
  }

  /** Reports a failed call, saying what the reader was trying to do. */
  fromError(doing: string, error: IpcError): void {
    this.push(`${doing}: ${error.message}`)
  }

  dismiss(id: number): void {
    this.items = this.items.filter((notice) => notice.id !== id)
  }
}

export const notices = new Notices()
