/**
 * The preload: the renderer's only door to main. It exposes one object, `window.dossier`, that
 * forwards contract channels and nothing else. Sandboxed, it can require only `electron`; the
 * shared contract is bundled in.
 */
import { contextBridge, ipcRenderer } from 'electron'
import {
  isChannel,
  type Channel,
  type DossierBridge,
  type RequestOf,
  type ResponseOf
} from '@shared/ipc/contract'
import { fail, type Result } from '@shared/ipc/result'

const bridge = {
  invoke<C extends Channel>(
    channel: C,
    ...request: RequestOf<C> extends void ? [] : [RequestOf<C>]
  ): Promise<Result<ResponseOf<C>>> {
    // The page is untrusted at runtime whatever its types say: only contract channels pass.
    if (!isChannel(channel)) {
      return Promise.resolve(
        fail('unknown-channel', `Unknown channel: ${String(channel).slice(0, 60)}`)
      )
    }
    return ipcRenderer.invoke(channel, ...request)
  }
} satisfies DossierBridge

contextBridge.exposeInMainWorld('dossier', bridge)
