import { beforeEach, describe, expect, it, vi } from 'vitest'

const shell = vi.hoisted(() => ({ openExternal: vi.fn(async (_url: string) => {}) }))
vi.mock('electron', () => ({ shell }))

import { openExternalSafely } from '../../../src/main/security/open-external'

beforeEach(() => {
  shell.openExternal.mockClear()
})

describe('openExternalSafely', () => {
  it.each([
    ['https://example.com/story?id=1', 'https://example.com/story?id=1'],
    ['HTTP://Example.com', 'http://example.com/'],
    ['mailto:desk@example.com', 'mailto:desk@example.com']
  ])('hands the web or mail link %s to the system, normalised', async (raw, opened) => {
    await openExternalSafely(raw)
    expect(shell.openExternal.mock.calls).toEqual([[opened]])
  })

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://dossier/index.html',
    'smb://host/share',
    'ms-settings:privacy',
    'not a url',
    ''
  ])('refuses %j with a reason, opening nothing', async (raw) => {
    await expect(openExternalSafely(raw)).rejects.toThrow(/not an http, https or mailto URL/)
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('passes on the system’s own failure to open a link', async () => {
    shell.openExternal.mockRejectedValueOnce(new Error('no handler for https'))
    await expect(openExternalSafely('https://example.com/')).rejects.toThrow('no handler for https')
  })
})
