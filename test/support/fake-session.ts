import { vi } from 'vitest'

/** The part of an Electron session the app hardens, each method a spy a test can inspect or call. */
export function fakeSessionApi() {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setDisplayMediaRequestHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() }
  }
}
