import { afterEach, describe, expect, it, vi } from 'vitest'
import { downloadFile } from '../../../src/renderer/src/lib/download'

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('downloadFile', () => {
  it('offers the content as a file under its name, then lets the blob go', async () => {
    vi.useFakeTimers()
    const blobs: Blob[] = []
    // jsdom has no object URLs: stand in for them, keeping the blob to read back.
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob)
      return 'blob:dossier/1'
    })
    URL.revokeObjectURL = vi.fn()
    const clicked: { href: string; download: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicked.push({ href: this.href, download: this.download })
    })

    downloadFile({
      fileName: 'kim-snubs-trump.md',
      mimeType: 'text/markdown',
      content: '# Notes\n'
    })

    expect(clicked).toEqual([{ href: 'blob:dossier/1', download: 'kim-snubs-trump.md' }])
    expect(blobs[0]?.type).toBe('text/markdown')
    expect(await blobs[0]?.text()).toBe('# Notes\n')
    expect(document.querySelector('a[download]')).toBeNull()
    expect(URL.revokeObjectURL).not.toHaveBeenCalled()
    vi.runAllTimers()
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:dossier/1')
  })
})
