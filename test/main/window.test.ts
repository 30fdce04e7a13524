import { beforeEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  const state: { loadError: Error | null } = { loadError: null }
  class FakeWindow {
    static instances: FakeWindow[] = []
    readonly once = vi.fn((name: string, listener: () => void) => {
      this.onceListeners.set(name, listener)
    })
    readonly show = vi.fn()
    readonly loadURL = vi.fn(async (_url: string) => {
      if (state.loadError) throw state.loadError
    })
    readonly onceListeners = new Map<string, () => void>()
    constructor(readonly options: unknown) {
      FakeWindow.instances.push(this)
    }
  }
  return { BrowserWindow: FakeWindow, state }
})
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow }))

import { createMainWindow, windowOptions } from '../../src/main/window'

describe('windowOptions', () => {
  const options = windowOptions('/app/out/preload/index.js')

  it('isolates and sandboxes the page with no Node access', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false
    })
  })

  it('enables no Blink features and grants nothing beyond the defaults it names', () => {
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
    expect(options.webPreferences).not.toHaveProperty('additionalArguments')
    expect(options.webPreferences).not.toHaveProperty('partition')
  })

  it('keeps DevTools shut unless asked for in development', () => {
    expect(options.webPreferences?.devTools).toBe(false)
    expect(windowOptions('/p.js', true).webPreferences?.devTools).toBe(true)
  })

  it('stays hidden until painted, titled Dossier, at a readable minimum size', () => {
    expect(options.show).toBe(false)
    expect(options.title).toBe('Dossier')
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i)
    expect(options.minWidth).toBeLessThanOrEqual(options.width ?? 0)
    expect(options.minHeight).toBeLessThanOrEqual(options.height ?? 0)
  })
})

describe('createMainWindow', () => {
  beforeEach(() => {
    electron.BrowserWindow.instances.length = 0
    electron.state.loadError = null
  })

  it('loads the given URL and shows the window only once it is ready to show', () => {
    createMainWindow({ preloadPath: '/p.js', url: 'app://dossier/index.html' })
    const window = electron.BrowserWindow.instances[0]
    expect(window?.loadURL).toHaveBeenCalledWith('app://dossier/index.html')
    expect(window?.show).not.toHaveBeenCalled()
    window?.onceListeners.get('ready-to-show')?.()
    expect(window?.show).toHaveBeenCalledOnce()
  })

  it('opens the window without DevTools unless told otherwise', () => {
    createMainWindow({ preloadPath: '/p.js', url: 'app://dossier/index.html' })
    createMainWindow({ preloadPath: '/p.js', url: 'http://localhost:5173/', devTools: true })
    const [packaged, development] = electron.BrowserWindow.instances as unknown as {
      options: { webPreferences: { devTools: boolean } }
    }[]
    expect(packaged?.options.webPreferences.devTools).toBe(false)
    expect(development?.options.webPreferences.devTools).toBe(true)
  })

  it('logs a failed load instead of leaving an unhandled rejection', async () => {
    const log = vi.fn()
    electron.state.loadError = new Error('ERR_FAILED')
    createMainWindow({ preloadPath: '/p.js', url: 'app://dossier/index.html', log })
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('ERR_FAILED')))
  })
})
