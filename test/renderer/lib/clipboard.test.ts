import { afterEach, describe, expect, it, vi } from 'vitest'
import { copyToClipboard } from '../../../src/renderer/src/lib/clipboard'

/** A document.execCommand that raises the copy event a browser would, and whose data it keeps. */
function fakeExecCommand(answer = true) {
  const written = new Map<string, string>()
  const exec = vi.fn((command: string) => {
    if (command !== 'copy') return false
    const event = new Event('copy', { cancelable: true }) as ClipboardEvent
    Object.defineProperty(event, 'clipboardData', {
      value: { setData: (type: string, data: string) => written.set(type, data) }
    })
    document.dispatchEvent(event)
    return answer && event.defaultPrevented
  })
  Object.defineProperty(document, 'execCommand', { value: exec, configurable: true })
  return { exec, written }
}

function fakeClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
}

afterEach(() => {
  Reflect.deleteProperty(document, 'execCommand')
  Reflect.deleteProperty(navigator, 'clipboard')
})

describe('copyToClipboard', () => {
  it('writes plain text and HTML through a copy event, asking for no permission', async () => {
    const { written } = fakeExecCommand()
    const writeText = vi.fn(async () => {})
    fakeClipboard(writeText)
    expect(await copyToClipboard({ text: '“a” — B', html: '“a” — <em>B</em>' })).toBe(true)
    expect(written.get('text/plain')).toBe('“a” — B')
    expect(written.get('text/html')).toBe('“a” — <em>B</em>')
    expect(writeText).not.toHaveBeenCalled()
  })

  it('falls back to the Clipboard API when the copy command does nothing', async () => {
    fakeExecCommand(false)
    const writeText = vi.fn(async () => {})
    fakeClipboard(writeText)
    expect(await copyToClipboard({ text: 'words' })).toBe(true)
    expect(writeText).toHaveBeenCalledWith('words')
  })

  it('answers false, without throwing, when both are refused', async () => {
    fakeExecCommand(false)
    fakeClipboard(async () => {
      throw new DOMException('denied', 'NotAllowedError')
    })
    expect(await copyToClipboard({ text: 'words' })).toBe(false)
  })

  it('leaves later copies by the person alone', async () => {
    const { written } = fakeExecCommand()
    await copyToClipboard({ text: 'ours' })
    written.clear()
    const event = new Event('copy', { cancelable: true })
    document.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(false)
  })
})
