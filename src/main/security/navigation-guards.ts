/**
 * Keeps every web contents on the app's own pages: navigations elsewhere are cancelled, new
 * windows are never created, web links go to the system browser, and `<webview>` is refused.
 */
import type { WebContents } from 'electron'
import { externalUrl, isAppUrl } from './url-policy'

export interface NavigationGuardOptions {
  /** The dev server's origin in development, else null. */
  devOrigin: string | null
  /** Opens a web link in the system's handler: `openExternalSafely` (security/open-external.ts). */
  openLink: (url: string) => Promise<void>
  log?: (message: string) => void
}

/** Installs the guards on one web contents; called for each one as it is created. */
export function guardWebContents(contents: WebContents, options: NavigationGuardOptions): void {
  const log = options.log ?? ((message: string) => console.warn(message))
  const stayInApp = (event: { url: string; preventDefault: () => void }): void => {
    if (isAppUrl(event.url, options.devOrigin)) return
    event.preventDefault()
    log(`[dossier] blocked navigation to ${event.url}`)
  }
  contents.on('will-navigate', stayInApp)
  contents.on('will-redirect', stayInApp)
  contents.on('will-frame-navigate', stayInApp)

  // The reader has one window; a link asking for another is a web link for the browser.
  contents.setWindowOpenHandler(({ url }) => {
    const target = externalUrl(url)
    if (target !== null) {
      options.openLink(target).catch((error: unknown) => {
        log(`[dossier] could not open ${target}: ${String(error)}`)
      })
    }
    return { action: 'deny' }
  })

  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
  })
}
