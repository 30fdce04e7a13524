import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { DossierBridge } from '@shared/ipc/contract'
import { ok } from '@shared/ipc/result'

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]) => ({
      ok: true,
      value: 'from main'
    }))
  }
}))
vi.mock('electron', () => electron)

let bridge: DossierBridge

beforeAll(async () => {
  await import('../../src/preload/index')
  bridge = electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as DossierBridge
})

describe('preload', () => {
  it('exposes exactly one object, as window.dossier', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce()
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe('dossier')
    expect(Object.keys(bridge)).toEqual(['invoke'])
  })

  it('forwards a contract channel and its request to main', async () => {
    await expect(bridge.invoke('library:get', { id: 'north-korea' })).resolves.toEqual(
      ok('from main')
    )
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('library:get', {
      id: 'north-korea'
    })
  })

  it('forwards a request-less channel with no payload', async () => {
    await bridge.invoke('library:list')
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('library:list')
  })

  it.each(['shell:open', '', 'library:get ', 42, null])(
    'rejects unknown channel %j without reaching ipcRenderer',
    async (channel) => {
      electron.ipcRenderer.invoke.mockClear()
      const invoke = bridge.invoke as (channel: unknown, request?: unknown) => Promise<unknown>
      await expect(invoke(channel, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown-channel' }
      })
      expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled()
    }
  )
})
