/**
 * Chromium's sandbox for every renderer the app will ever start, whatever its webPreferences say
 * (the window already asks for `sandbox: true`; this also covers any web contents created later).
 * It applies to renderers only: the index worker is an Electron utility process, a Node service
 * that this switch does not sandbox, so it keeps its file access.
 */
import type { App } from 'electron'

/**
 * Calls `app.enableSandbox()` unless the user started the app with `--no-sandbox`. Electron's
 * enableSandbox strips that switch, and it is what people pass (as Playwright does) where the OS
 * offers no usable sandbox, e.g. unprivileged user namespaces switched off on Linux: overriding it
 * would make the app crash at start there instead of running less confined. Must run before
 * `ready`. Returns whether the sandbox was enabled.
 */
export function enableGlobalSandbox(app: Pick<App, 'enableSandbox' | 'commandLine'>): boolean {
  if (app.commandLine.hasSwitch('no-sandbox')) return false
  app.enableSandbox()
  return true
}
