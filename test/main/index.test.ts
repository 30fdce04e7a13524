import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ok } from '@shared/ipc/result'
import { fakeSessionApi } from '../support/fake-session'

/** Minimal Electron: records calls in order and lets each test decide when `ready` happens. */
const fake = await vi.hoisted(async () => {
  // Hoisted above the imports: the helper is imported here, not through the import above.
  const { fakeSessionApi: sessionApi } = await import('../support/fake-session')
  const order: string[] = []
  const appListeners = new Map<string, (...args: unknown[]) => void>()
  let resolveReady: () => void = () => {}
  const windows: FakeWindow[] = []

  class FakeWindow {
    readonly loadURL = vi.fn(async (_url: string) => {})
    readonly once = vi.fn()
    readonly on = vi.fn()
    readonly show = vi.fn()
    readonly focus = vi.fn()
    readonly restore = vi.fn()
    readonly isMinimized = vi.fn(() => false)
    constructor(readonly options: unknown) {
      order.push('window')
      windows.push(this)
    }
    static getAllWindows = () => windows
  }

  const app = {
    isPackaged: false,
    enableSandbox: vi.fn(() => order.push('enableSandbox')),
    commandLine: { hasSwitch: vi.fn((_name: string) => false) },
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    getAppPath: vi.fn(() => '/repo'),
    getPath: vi.fn((_name: string) => '/home/me/.config/Dossier'),
    on: vi.fn((name: string, listener: (...args: unknown[]) => void) => {
      appListeners.set(name, listener)
      return app
    }),
    whenReady: vi.fn(() => {
      order.push('whenReady')
      return new Promise<void>((resolve) => {
        resolveReady = () => {
          order.push('ready')
          resolve()
        }
      })
    })
  }
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
    handle: vi.fn(() => order.push('protocol.handle'))
  }
  const session = { defaultSession: sessionApi() }
  const ipcMain = { handle: vi.fn(() => order.push('ipcMain.handle')) }
  const shell = { openExternal: vi.fn(async () => {}) }
  /** The services' pending writes: a test resolves them when it wants them on disk. */
  const idle: { promise: Promise<void>; resolve: () => void } = {
    promise: Promise.resolve(),
    resolve: () => {}
  }
  const createServices = vi.fn(async (_options: unknown) => {
    order.push('createServices')
    return {
      handlers: {},
      dispatch: vi.fn(async () => ok(null)),
      skipped: [{ file: 'broken.md', reason: 'no title' }],
      idle: () => idle.promise
    }
  })
  return {
    order,
    appListeners,
    windows,
    ready: () => resolveReady(),
    electron: { app, protocol, session, ipcMain, shell, BrowserWindow: FakeWindow },
    createServices,
    idle
  }
})

vi.mock('electron', () => fake.electron)
vi.mock('../../src/main/services', () => ({ createServices: fake.createServices }))

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

async function startMain(): Promise<void> {
  vi.resetModules()
  await import('../../src/main/index')
}

describe('main process', () => {
  let errors: ReturnType<typeof vi.spyOn>

  beforeEach(() => {
    fake.order.length = 0
    fake.appListeners.clear()
    fake.windows.length = 0
    vi.clearAllMocks()
    fake.electron.app.requestSingleInstanceLock.mockReturnValue(true)
    errors = vi.spyOn(console, 'error').mockImplementation(() => {})
  })
  afterEach(() => {
    errors.mockRestore()
    vi.unstubAllEnvs()
  })

  it('declares the app: scheme privileged while loading, before ready and before handling it', async () => {
    await startMain()
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce()
    expect(fake.electron.protocol.handle).not.toHaveBeenCalled()
    expect(fake.createServices).not.toHaveBeenCalled()

    fake.ready()
    await settle()
    const at = (step: string) => fake.order.indexOf(step)
    expect(at('registerSchemesAsPrivileged')).toBe(0)
    expect(at('registerSchemesAsPrivileged')).toBeLessThan(at('ready'))
    expect(at('ready')).toBeLessThan(at('protocol.handle'))
  })

  it('on ready, builds the services, registers IPC, then opens the app page', async () => {
    await startMain()
    fake.ready()
    await settle()
    expect(fake.createServices).toHaveBeenCalledWith(
      expect.objectContaining({ resourcesDir: expect.stringMatching(/resources$/) })
    )
    const at = (step: string) => fake.order.indexOf(step)
    expect(at('createServices')).toBeLessThan(at('ipcMain.handle'))
    expect(at('ipcMain.handle')).toBeLessThan(at('window'))
    expect(fake.windows[0]?.loadURL).toHaveBeenCalledWith('app://dossier/index.html')
  })

  it('uses DOSSIER_DATA_DIR for user data when set', async () => {
    vi.stubEnv('DOSSIER_DATA_DIR', '/tmp/dossier-data')
    await startMain()
    fake.ready()
    await settle()
    expect(fake.createServices).toHaveBeenCalledWith(
      expect.objectContaining({ dataDir: '/tmp/dossier-data' })
    )
  })

  it('gives the services a logger, through which they report skipped files', async () => {
    await startMain()
    fake.ready()
    await settle()
    const options = fake.createServices.mock.calls[0]?.[0] as { log: (message: string) => void }
    options.log('[dossier] Skipped article broken.md: no title')
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('broken.md'))
  })

  it('hardens the default session before any page loads', async () => {
    await startMain()
    fake.ready()
    await settle()
    expect(fake.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled()
    expect(fake.electron.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled()
  })

  it('sandboxes every renderer app-wide, before ready', async () => {
    await startMain()
    expect(fake.electron.app.enableSandbox).toHaveBeenCalledOnce()
    fake.ready()
    await settle()
    expect(fake.order.indexOf('enableSandbox')).toBeLessThan(fake.order.indexOf('ready'))
  })

  it('hardens every session Electron creates, not only the default one', async () => {
    await startMain()
    const created = fakeSessionApi()
    fake.appListeners.get('session-created')?.(created)
    expect(created.setPermissionRequestHandler).toHaveBeenCalledOnce()
    expect(created.setPermissionCheckHandler).toHaveBeenCalledOnce()
    const onBefore = created.webRequest.onBeforeRequest.mock.calls[0]?.[0] as (
      details: { url: string },
      callback: (response: { cancel: boolean }) => void
    ) => void
    const callback = vi.fn()
    onBefore({ url: 'https://example.com/pixel.png' }, callback)
    expect(callback).toHaveBeenCalledWith({ cancel: true })
  })

  it('keeps DevTools shut in the packaged app', async () => {
    fake.electron.app.isPackaged = true
    // Packaged, the resources are found beside the app, where Electron says.
    const withResources = process as { resourcesPath?: string }
    withResources.resourcesPath = '/opt/Dossier/resources'
    try {
      await startMain()
      fake.ready()
      await settle()
      const options = fake.windows[0]?.options as { webPreferences: { devTools: boolean } }
      expect(options.webPreferences.devTools).toBe(false)
    } finally {
      fake.electron.app.isPackaged = false
      delete withResources.resourcesPath
    }
  })

  it('guards every web contents as it is created', async () => {
    await startMain()
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() }
    fake.appListeners.get('web-contents-created')?.({}, contents)
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce()
    const events = contents.on.mock.calls.map(([name]) => name)
    expect(events).toEqual(
      expect.arrayContaining([
        'will-navigate',
        'will-redirect',
        'will-frame-navigate',
        'will-attach-webview'
      ])
    )
  })

  it('quits at once, doing nothing else, when another instance holds the lock', async () => {
    fake.electron.app.requestSingleInstanceLock.mockReturnValue(false)
    await startMain()
    expect(fake.electron.app.quit).toHaveBeenCalledOnce()
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled()
  })

  it('brings the existing window forward when a second instance starts', async () => {
    await startMain()
    fake.ready()
    await settle()
    const window = fake.windows[0]
    window?.isMinimized.mockReturnValue(true)
    fake.appListeners.get('second-instance')?.()
    expect(window?.restore).toHaveBeenCalledOnce()
    expect(window?.focus).toHaveBeenCalledOnce()
  })

  it('on quit, waits for notes and settings still being written, then quits', async () => {
    fake.idle.promise = new Promise((resolve) => (fake.idle.resolve = resolve))
    await startMain()
    fake.ready()
    await settle()
    const event = { preventDefault: vi.fn() }
    fake.appListeners.get('before-quit')?.(event)
    expect(event.preventDefault).toHaveBeenCalledOnce()
    await settle()
    expect(fake.electron.app.quit).not.toHaveBeenCalled()

    fake.idle.resolve()
    await settle()
    expect(fake.electron.app.quit).toHaveBeenCalledOnce()
    // The quit it asks for goes through.
    const again = { preventDefault: vi.fn() }
    fake.appListeners.get('before-quit')?.(again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })

  it('quits when the last window closes (outside macOS)', async () => {
    await startMain()
    fake.appListeners.get('window-all-closed')?.()
    if (process.platform === 'darwin') expect(fake.electron.app.quit).not.toHaveBeenCalled()
    else expect(fake.electron.app.quit).toHaveBeenCalledOnce()
  })

  it('reopens a window on activate only once started and when none is open', async () => {
    await startMain()
    fake.appListeners.get('activate')?.()
    expect(fake.windows).toHaveLength(0)
    fake.ready()
    await settle()
    expect(fake.windows).toHaveLength(1)
    fake.appListeners.get('activate')?.()
    expect(fake.windows).toHaveLength(1)
    fake.windows.length = 0
    fake.appListeners.get('activate')?.()
    expect(fake.windows).toHaveLength(1)
  })

  it('exits with an error if the services cannot start', async () => {
    fake.createServices.mockRejectedValueOnce(new Error('index missing'))
    await startMain()
    fake.ready()
    await settle()
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('index missing'))
    expect(fake.electron.app.exit).toHaveBeenCalledWith(1)
  })
})
