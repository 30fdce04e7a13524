/**
 * Session-wide refusals: the reader needs no permission (camera, notifications, clipboard
 * reading, USB/HID/serial devices, screen capture…) and no network, so every request for either
 * is denied. Applied to every session the app creates, not only the default one (see index.ts).
 */
import type { Session } from 'electron'
import { isBlockedRequest } from './network-policy'

/**
 * Denies all permissions, device access and screen capture, turns the spellchecker off, and
 * cancels every network request (bar the dev server in development) on `session`.
 */
export function hardenSession(session: Session, devOrigin: string | null): void {
  // Chromium asks the check handler first and the request handler only if the check says no:
  // both must refuse, or a granted check would skip the request.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  // Device access (WebUSB, WebHID, Web Serial) is granted through its own handler, not the above.
  session.setDevicePermissionHandler(() => false)
  // getDisplayMedia: answering with no stream refuses the capture.
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}))
  // On Windows and Linux the spellchecker would download Hunspell dictionaries from Google.
  session.setSpellCheckerEnabled(false)
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: isBlockedRequest(details.url, devOrigin) })
  })
}
