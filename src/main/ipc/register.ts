/**
 * Connects the contract's channels to Electron's IPC. Every call is checked to come from the
 * app's own page (checklist item 17) before the dispatcher, which validates the payload, sees it.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '@shared/ipc/contract'
import { fail, type Result } from '@shared/ipc/result'
import { isAppUrl } from '../security/url-policy'
import type { Dispatch } from './dispatcher'

export interface RegisterIpcOptions {
  /** The dev server's origin in development, else null. */
  devOrigin: string | null
  log?: (message: string) => void
}

/** How much of a refused sender's URL the log keeps: a page's URL is the page's to choose. */
const LOGGED_URL_CHARS = 200

/**
 * Whether an IPC call comes from the app's own page: the top-level frame of its web contents
 * (never an iframe, even one on the app's origin) showing an app URL (not a page it somehow
 * navigated to). A frame that is gone is refused: Electron gives null for it, and throws from a
 * frame disposed meanwhile. Only the event is read, never the payload.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, devOrigin: string | null): boolean {
  try {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null) return false
    return typeof frame.url === 'string' && isAppUrl(frame.url, devOrigin)
  } catch {
    return false
  }
}

function describeSender(event: IpcMainInvokeEvent): string {
  try {
    const frame = event.senderFrame
    if (!frame) return 'a detached frame'
    const where = frame.parent === null ? 'top frame' : 'subframe'
    return `${where} ${String(frame.url).slice(0, LOGGED_URL_CHARS)}`
  } catch {
    return 'a disposed frame'
  }
}

/** Registers one `ipcMain.handle` per contract channel; each answers a Result and never throws. */
export function registerIpcHandlers(dispatch: Dispatch, options: RegisterIpcOptions): void {
  const log = options.log ?? ((message: string) => console.error(message))
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, request: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, options.devOrigin)) {
        log(`[dossier] refused ${channel} from ${describeSender(event)}`)
        return fail('forbidden', 'IPC is only answered for the app’s own pages')
      }
      try {
        return await dispatch(channel, request)
      } catch (error) {
        // Dispatch is meant never to throw; if it does, the renderer still gets a Result.
        log(`[dossier] ${channel} dispatch threw: ${String(error)}`)
        return fail('internal', `${channel} failed unexpectedly`)
      }
    })
  }
}
