/**
 * The one door from the app to the system's URL handler. Whoever asks (today the window-open
 * guard), the URL is parsed here by `externalUrl()`, so only http, https and mailto links ever
 * reach `shell.openExternal`. ESLint forbids calling `openExternal` anywhere else.
 */
import { shell } from 'electron'
import { externalUrl } from './url-policy'

/**
 * Opens `raw` in the system's browser or mail client when it is an http, https or mailto URL.
 * @throws (rejects) when `raw` is anything else, having opened nothing.
 */
export async function openExternalSafely(raw: string): Promise<void> {
  const url = externalUrl(raw)
  if (url === null) {
    throw new Error(`refused to open ${JSON.stringify(raw)}: not an http, https or mailto URL`)
  }
  await shell.openExternal(url)
}
