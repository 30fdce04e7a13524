/**
 * The reader's one window. Its options are a pure function so the security settings are tested
 * as data; the guards against leaving the app are installed for every web contents in index.ts.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'

/** Paper colour shown before the first paint, so the window never flashes white-then-cream. */
export const WINDOW_BACKGROUND = '#f6f1e7'

/**
 * The BrowserWindow options: sandboxed, isolated, no Node, hidden until painted. DevTools only
 * when asked for (development): otherwise Ctrl+Shift+I in the default menu would open them.
 */
export function windowOptions(
  preloadPath: string,
  devTools = false
): BrowserWindowConstructorOptions {
  return {
    title: 'Dossier',
    width: 1200,
    height: 800,
    // Narrower than this and the sidebar and a readable column no longer fit side by side.
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
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
      spellcheck: false,
      devTools
    }
  }
}

export interface MainWindowOptions {
  preloadPath: string
  /** `app://dossier/index.html`, or the dev server's URL in development. */
  url: string
  /** Whether DevTools may open: in development only, never in the packaged app. */
  devTools?: boolean
  log?: (message: string) => void
}

/** Creates the window, shows it once it has painted, and loads the app. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const log = options.log ?? ((message: string) => console.error(message))
  const window = new BrowserWindow(windowOptions(options.preloadPath, options.devTools ?? false))
  window.once('ready-to-show', () => window.show())
  window.loadURL(options.url).catch((error: unknown) => {
    log(`[dossier] could not load ${options.url}: ${String(error)}`)
  })
  return window
}
