import { describe, expect, it, vi } from 'vitest'
import type { WebContents } from 'electron'
import { guardWebContents } from '../../../src/main/security/navigation-guards'

type Listener = (event: { url: string; preventDefault: () => void }) => void

/** A web contents that records the listeners and window-open handler installed on it. */
function fakeContents() {
  const listeners = new Map<string, Listener>()
  let openHandler: ((details: { url: string }) => { action: string }) | null = null
  const contents = {
    on: vi.fn((name: string, listener: Listener) => listeners.set(name, listener)),
    setWindowOpenHandler: vi.fn((handler: typeof openHandler) => {
      openHandler = handler
    })
  }
  const fire = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() }
    const listener = listeners.get(name)
    if (!listener) throw new Error(`no ${name} listener`)
    listener(event)
    return event.preventDefault
  }
  const open = (url: string) => {
    if (!openHandler) throw new Error('no window open handler')
    return openHandler({ url })
  }
  return { contents: contents as unknown as WebContents, listeners, fire, open }
}

function setup(devOrigin: string | null = null) {
  const fake = fakeContents()
  const openExternal = vi.fn(async (_url: string) => {})
  guardWebContents(fake.contents, { devOrigin, openLink: openExternal, log: () => {} })
  return { ...fake, openExternal }
}

describe('guardWebContents', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])(
    'cancels %s to a foreign page and allows the app’s own',
    (name) => {
      const { fire } = setup()
      expect(fire(name, 'https://example.com/')).toHaveBeenCalledOnce()
      expect(fire(name, 'file:///etc/passwd')).toHaveBeenCalledOnce()
      expect(fire(name, 'app://dossier/index.html')).not.toHaveBeenCalled()
    }
  )

  it('allows navigation within the dev server in development only', () => {
    expect(
      setup('http://localhost:5173').fire('will-navigate', 'http://localhost:5173/')
    ).not.toHaveBeenCalled()
    expect(setup(null).fire('will-navigate', 'http://localhost:5173/')).toHaveBeenCalledOnce()
  })

  it('always denies new windows, handing web links to the system browser', () => {
    const { open, openExternal } = setup()
    expect(open('https://example.com/story')).toEqual({ action: 'deny' })
    expect(open('mailto:desk@example.com')).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls).toEqual([
      ['https://example.com/story'],
      ['mailto:desk@example.com']
    ])
  })

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://dossier/index.html',
    'smb://host/x',
    'nonsense'
  ])('denies a window for %s without opening anything', (url) => {
    const { open, openExternal } = setup()
    expect(open(url)).toEqual({ action: 'deny' })
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('refuses to attach a <webview>', () => {
    const { fire } = setup()
    expect(fire('will-attach-webview', 'app://dossier/index.html')).toHaveBeenCalledOnce()
  })

  it('reports, rather than throws, when the system cannot open a link', async () => {
    const fake = fakeContents()
    const log = vi.fn()
    const openExternal = vi.fn(async () => {
      throw new Error('no handler')
    })
    guardWebContents(fake.contents, { devOrigin: null, openLink: openExternal, log })
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' })
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('no handler')))
  })
})
