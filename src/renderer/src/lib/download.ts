/**
 * Saves a file the app made (an export) the way a web page does: a Blob behind an
 * `<a download>`. Electron turns it into its save dialog, a browser into a download; no
 * network and no file-system access from the renderer either way.
 */

export interface DownloadableFile {
  fileName: string
  mimeType: string
  content: string
}

/** Offers `file` for saving under its name. */
export function downloadFile(file: DownloadableFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }))
  const link = doc.createElement('a')
  link.href = url
  link.download = file.fileName
  link.hidden = true
  doc.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    // The click starts the download synchronously, but revoking in the same task cancels it in
    // some engines: give it a moment.
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
}
