import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '@shared/ipc/contract'
import { ok, type Result } from '@shared/ipc/result'

const ipcMain = vi.hoisted(() => ({ handle: vi.fn() }))
vi.mock('electron', () => ({ ipcMain }))

import { registerIpcHandlers } from '../../../src/main/ipc/register'

type Handler = (
  event: { senderFrame: { url: string } | null },
  request: unknown
) => Promise<Result<unknown>>

function handlerFor(channel: string): Handler {
  const call = ipcMain.handle.mock.calls.find(([name]) => name === channel)
  if (!call) throw new Error(`${channel} not registered`)
  return call[1] as Handler
}

const fromPage = (url: string) => ({ senderFrame: { url } })

describe('registerIpcHandlers', () => {
  const dispatch = vi.fn(async (channel: unknown, request: unknown) => ok({ channel, request }))

  beforeEach(() => {
    ipcMain.handle.mockClear()
    dispatch.mockClear()
  })

  it('registers a handler for every contract channel, and nothing else', () => {
    registerIpcHandlers(dispatch, { devOrigin: null })
    expect(ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(
      [...CHANNELS].sort()
    )
  })

  it("passes a call from the app's page to dispatch and answers its Result", async () => {
    registerIpcHandlers(dispatch, { devOrigin: null })
    const answer = await handlerFor('library:get')(fromPage('app://dossier/index.html'), {
      id: 'a'
    })
    expect(dispatch).toHaveBeenCalledWith('library:get', { id: 'a' })
    expect(answer).toEqual(ok({ channel: 'library:get', request: { id: 'a' } }))
  })

  it.each([
    ['a web page', 'https://example.com/'],
    ['a file page', 'file:///tmp/evil.html'],
    ['a look-alike host', 'app://dossier.evil/index.html'],
    ['the dev server when not in development', 'http://localhost:5173/']
  ])('refuses a call from %s without dispatching', async (_what, url) => {
    registerIpcHandlers(dispatch, { devOrigin: null, log: () => {} })
    const answer = await handlerFor('settings:get')(fromPage(url), undefined)
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses a call from a frame that is gone', async () => {
    registerIpcHandlers(dispatch, { devOrigin: null, log: () => {} })
    const answer = await handlerFor('settings:get')({ senderFrame: null }, undefined)
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('accepts the dev server page in development', async () => {
    registerIpcHandlers(dispatch, { devOrigin: 'http://localhost:5173' })
    const answer = await handlerFor('settings:get')(fromPage('http://localhost:5173/'), undefined)
    expect(answer.ok).toBe(true)
  })

  it('answers an internal error if dispatch throws', async () => {
    const throwing = vi.fn(async () => {
      throw new Error('boom')
    })
    registerIpcHandlers(throwing, { devOrigin: null, log: () => {} })
    const answer = await handlerFor('library:list')(fromPage('app://dossier/index.html'), undefined)
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})
