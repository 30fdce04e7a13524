import { describe, expect, it, vi } from 'vitest'
import type { App } from 'electron'
import { enableGlobalSandbox } from '../../../src/main/security/global-sandbox'

function fakeApp(switches: string[]) {
  return {
    enableSandbox: vi.fn(),
    commandLine: { hasSwitch: vi.fn((name: string) => switches.includes(name)) }
  }
}

describe('enableGlobalSandbox', () => {
  it('sandboxes every renderer app-wide', () => {
    const app = fakeApp([])
    expect(enableGlobalSandbox(app as unknown as App)).toBe(true)
    expect(app.enableSandbox).toHaveBeenCalledOnce()
  })

  it('leaves an explicit --no-sandbox in force rather than crash where the OS has no sandbox', () => {
    const app = fakeApp(['no-sandbox'])
    expect(enableGlobalSandbox(app as unknown as App)).toBe(false)
    expect(app.commandLine.hasSwitch).toHaveBeenCalledWith('no-sandbox')
    expect(app.enableSandbox).not.toHaveBeenCalled()
  })
})
