/**
 * Small, non-blocking messages about things that went wrong (or that can still be undone). A
 * failed call never stops the reader: it is reported here and the UI carries on with what it
 * has.
 */
import type { IpcError } from '@shared/ipc/result'

/** A button on a notice, e.g. Undo after a delete. */
export interface NoticeAction {
  label: string
  run: () => void
}

export interface Notice {
  id: number
  message: string
  action?: NoticeAction
}

export interface PushOptions {
  action?: NoticeAction
  /** How long the notice stays, in milliseconds. */
  ms?: number
}

/** Long enough to read a sentence, short enough not to linger over the text. */
const NOTICE_MS = 6000

class Notices {
  items = $state<Notice[]>([])
  #next = 1

  /**
   * Shows `message` for a few seconds; the same message twice in a row shows once. A notice
   * with an action replaces an identical one instead, so its button acts on the latest event
   * (the Undo of the most recent delete).
   */
  push(message: string, options: PushOptions = {}): void {
    const same = this.items.find((notice) => notice.message === message)
    if (same && !options.action) return
    if (same) this.dismiss(same.id)
    const id = this.#next++
    this.items.push(options.action ? { id, message, action: options.action } : { id, message })
    setTimeout(() => this.dismiss(id), options.ms ?? NOTICE_MS)
  }

  /** Reports a failed call, saying what the reader was trying to do. */
  fromError(doing: string, error: IpcError): void {
    this.push(`${doing}: ${error.message}`)
  }

  /** Runs a notice's action once and takes the notice away. */
  act(id: number): void {
    const notice = this.items.find((item) => item.id === id)
    this.dismiss(id)
    notice?.action?.run()
  }

  dismiss(id: number): void {
    this.items = this.items.filter((notice) => notice.id !== id)
  }
}

export const notices = new Notices()
