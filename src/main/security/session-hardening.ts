/**
 * Session-wide refusals: the reader needs no permission (camera, notifications, clipboard
 * reading…) and no network, so every request for either is denied.
 */
import type { Session } from 'electron'
import { isBlockedRequest } from './network-policy'

/** Denies all permissions and cancels all network requests (bar the dev server) on `session`. */
export function hardenSession(session: Session, devOrigin: string | null): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: isBlockedRequest(details.url, devOrigin) })
  })
}
