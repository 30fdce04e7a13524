import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '@shared/ipc/contract'
import { ok, type Result } from '@shared/ipc/result'

const ipcMain = vi.hoisted(() => ({ handle: vi.fn() }))
vi.mock('electron', () => ({ ipcMain }))

import { registerIpcHandlers } from '../../../src/main/ipc/register'

/** The parts of a WebFrameMain the sender check may read. */
interface FakeFrame {
  url: string
  parent: FakeFrame | null
}

type Handler = (
  event: { senderFrame: FakeFrame | null },
  request: unknown
) => Promise<Result<unknown>>

function handlerFor(channel: string): Handler {
  const call = ipcMain.handle.mock.calls.find(([name]) => name === channel)
  if (!call) throw new Error(`${channel} not registered`)
  return call[1] as Handler
}

const APP_PAGE = 'app://dossier/index.html'
/** A call from the top-level frame of a window showing `url`. */
const fromPage = (url: string) => ({ senderFrame: { url, parent: null } })
/** A call from an iframe showing `url` inside the app's page. */
const fromSubframe = (url: string) => ({
  senderFrame: { url, parent: { url: APP_PAGE, parent: null } }
})

/** A payload that records every property anyone reads from it. */
function watchedPayload() {
  const reads: PropertyKey[] = []
  const payload = new Proxy(
    { id: 'a' },
    {
      get(target, key, receiver) {
        reads.push(key)
        return Reflect.get(target, key, receiver)
      },
      ownKeys(target) {
        reads.push('ownKeys')
        return Reflect.ownKeys(target)
      }
    }
  )
  return { payload, reads }
}

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
    const answer = await handlerFor('library:get')(fromPage(APP_PAGE), { id: 'a' })
    expect(dispatch).toHaveBeenCalledWith('library:get', { id: 'a' })
    expect(answer).toEqual(ok({ channel: 'library:get', request: { id: 'a' } }))
  })

  it.each([
    ['a web page', fromPage('https://example.com/')],
    ['a file page', fromPage('file:///tmp/evil.html')],
    ['a look-alike host', fromPage('app://dossier.evil/index.html')],
    ['the dev server when not in development', fromPage('http://localhost:5173/')],
    ['an iframe of a web page inside the app', fromSubframe('https://example.com/')],
    ['an iframe on the app’s own origin', fromSubframe('app://dossier/index.html')],
    ['a frame that is gone', { senderFrame: null }],
    ['a frame that does not say whether it is top-level', { senderFrame: { url: APP_PAGE } }]
  ])('refuses a call from %s before reading the payload or dispatching', async (_what, event) => {
    const log = vi.fn()
    registerIpcHandlers(dispatch, { devOrigin: null, log })
    for (const channel of CHANNELS) {
      const { payload, reads } = watchedPayload()
      const answer = await handlerFor(channel)(event as { senderFrame: FakeFrame | null }, payload)
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(reads, `${channel} read the payload of a refused call`).toEqual([])
    }
    expect(dispatch).not.toHaveBeenCalled()
    expect(log).toHaveBeenCalledTimes(CHANNELS.length)
  })

  it('refuses, rather than throws, when the frame was disposed while being read', async () => {
    registerIpcHandlers(dispatch, { devOrigin: null, log: () => {} })
    const disposed = {
      get senderFrame(): FakeFrame {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      }
    }
    const answer = await handlerFor('settings:get')(disposed as never, undefined)
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('logs a refused sender’s URL cut short', async () => {
    const log = vi.fn()
    registerIpcHandlers(dispatch, { devOrigin: null, log })
    const long = `https://example.com/${'x'.repeat(10_000)}`
    await handlerFor('settings:get')(fromPage(long), undefined)
    const [message] = log.mock.calls[0] as [string]
    expect(message).toContain('refused settings:get from top frame https://example.com/')
    expect(message.length).toBeLessThan(300)
  })

  it('accepts the dev server page in development, but not its iframes', async () => {
    registerIpcHandlers(dispatch, { devOrigin: 'http://localhost:5173', log: () => {} })
    const page = await handlerFor('settings:get')(fromPage('http://localhost:5173/'), undefined)
    expect(page.ok).toBe(true)
    const frame = await handlerFor('settings:get')(
      fromSubframe('http://localhost:5173/'),
      undefined
    )
    expect(frame).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('answers an internal error if dispatch throws', async () => {
    const throwing = vi.fn(async () => {
      throw new Error('boom')
    })
    registerIpcHandlers(throwing, { devOrigin: null, log: () => {} })
    const answer = await handlerFor('library:list')(fromPage(APP_PAGE), undefined)
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})
