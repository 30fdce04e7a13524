/**
 * Copies text to the clipboard without asking for a permission. Dossier's session denies every
 * permission request (a security requirement), so `navigator.clipboard` may be refused in
 * Electron; a `copy` event raised by `document.execCommand('copy')` during a click or key press
 * needs none, and lets the HTML twin go along for rich paste. The async Clipboard API is the
 * fallback where execCommand is gone or does nothing.
 */

/** What to put on the clipboard: plain text always, HTML when a rich form exists. */
export interface ClipboardContent {
  text: string
  html?: string
}

/** Puts `content` on the clipboard; true when it got there. Never throws. */
export async function copyToClipboard(content: ClipboardContent): Promise<boolean> {
  if (copyWithEvent(content)) return true
  try {
    await navigator.clipboard.writeText(content.text)
    return true
  } catch {
    return false
  }
}

function copyWithEvent(content: ClipboardContent): boolean {
  if (typeof document.execCommand !== 'function') return false
  let written = false
  const onCopy = (event: ClipboardEvent): void => {
    if (!event.clipboardData) return
    event.clipboardData.setData('text/plain', content.text)
    if (content.html) event.clipboardData.setData('text/html', content.html)
    // Without this the browser would copy the page's selection instead.
    event.preventDefault()
    written = true
  }
  document.addEventListener('copy', onCopy, true)
  try {
    // False (or an exception) when the browser refuses outside a user gesture.
    return document.execCommand('copy') && written
  } catch {
    return false
  } finally {
    document.removeEventListener('copy', onCopy, true)
  }
}
