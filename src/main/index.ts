/**
 * The Electron main process: lifecycle only. The scheme is declared privileged while this module
 * loads (Electron ignores it once ready); everything else waits for `ready`.
 */
import { join } from 'node:path'
import { app, BrowserWindow, session } from 'electron'
import { registerIpcHandlers } from './ipc/register'
import { utilityExtractor } from './import/utility-extractor'
import { utilityIndexWorker } from './library/utility-index-worker'
import { resolveDataDir, resolveResourcesDir } from './paths'
import { handleAppProtocol, registerAppScheme } from './protocol'
import { enableGlobalSandbox } from './security/global-sandbox'
import { guardWebContents } from './security/navigation-guards'
import { openExternalSafely } from './security/open-external'
import { hardenSession } from './security/session-hardening'
import { APP_ENTRY_URL, devServerOrigin } from './security/url-policy'
import { createServices, type Services } from './services'
import { createMainWindow } from './window'

registerAppScheme()

const log = (message: string): void => console.error(message)
// Like the scheme, the app-wide sandbox is only honoured before ready.
if (!enableGlobalSandbox(app))
  log('[dossier] started with --no-sandbox: renderers are not OS-sandboxed')
const devUrl = process.env.ELECTRON_RENDERER_URL ?? null
const devOrigin = devServerOrigin(process.env)
// Both are siblings of out/main in the build: out/preload, out/renderer.
const preloadPath = join(__dirname, '../preload/index.js')
const rendererDir = join(__dirname, '../renderer')

let mainWindow: BrowserWindow | null = null
let services: Services | null = null
let quitting = false
// macOS may ask for a window (`activate`) while services are still loading; wait for them.
let started = false

function openWindow(): void {
  mainWindow = createMainWindow({
    preloadPath,
    url: devOrigin && devUrl ? devUrl : APP_ENTRY_URL,
    devTools: !app.isPackaged,
    log
  })
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

function focusWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, devOrigin)
  handleAppProtocol(rendererDir)
  services = await createServices({
    resourcesDir: resolveResourcesDir({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
      env: process.env
    }),
    dataDir: resolveDataDir(process.env, app.getPath('userData')),
    log,
    // The packaged app cannot fork itself as Node (RunAsNode is off): a utility process instead.
    startIndexWorker: utilityIndexWorker(join(__dirname, 'index-worker.js')),
    startExtractor: utilityExtractor(join(__dirname, 'import-worker.js'))
  })
  registerIpcHandlers(services.dispatch, { devOrigin, log })
  started = true
  openWindow()
}

if (!app.requestSingleInstanceLock()) {
  // Another Dossier is running; it has been told (second-instance) and will come forward.
  app.quit()
} else {
  app.on('second-instance', focusWindow)
  // Any session besides the default one (a partition, a future feature) gets the same refusals.
  app.on('session-created', (created) => hardenSession(created, devOrigin))
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { devOrigin, openLink: openExternalSafely, log })
  })
  // The window's last note may still be on its way to disk: quit once every write has landed.
  app.on('before-quit', (event) => {
    if (quitting || !services) return
    event.preventDefault()
    quitting = true
    void services
      .idle()
      .catch(() => {})
      .finally(() => app.quit())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (started && BrowserWindow.getAllWindows().length === 0) openWindow()
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log(
        `[dossier] could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
      )
      app.exit(1)
    })
}
