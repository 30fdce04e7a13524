/**
 * Connects the contract's channels to Electron's IPC. Every call is checked to come from the
 * app's own page before the dispatcher (which validates the payload) sees it.
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

/** Whether an IPC call comes from one of the app's pages (not a frame it somehow navigated to). */
export function isTrustedSender(event: IpcMainInvokeEvent, devOrigin: string | null): boolean {
  const url = event.senderFrame?.url
  return typeof url === 'string' && isAppUrl(url, devOrigin)
}

/** Registers one `ipcMain.handle` per contract channel; each answers a Result and never throws. */
export function registerIpcHandlers(dispatch: Dispatch, options: RegisterIpcOptions): void {
  const log = options.log ?? ((message: string) => console.error(message))
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, request: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, options.devOrigin)) {
        log(`[dossier] refused ${channel} from ${event.senderFrame?.url ?? 'a detached frame'}`)
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
