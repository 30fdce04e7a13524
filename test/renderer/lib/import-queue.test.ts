import { describe, expect, it } from 'vitest'
import type { ArticleImportRow } from '@shared/ipc/contract'
import { IMPORT_MAX_BYTES } from '@shared/import/limits'
import { fail, ok } from '@shared/ipc/result'
import {
  CANCELLED_REASON,
  localRefusal,
  runImport,
  summarizeRows,
  type ImportRequest,
  type ImportSource
} from '../../../src/renderer/src/lib/import-queue'

const source = (name: string, text = 'Some words', path?: string): ImportSource => {
  const data = new TextEncoder().encode(text)
  return {
    name,
    size: data.length,
    ...(path ? { path } : {}),
    read: async () => new Blob([data])
  }
}

/** A main that imports everything it is sent and records what it got. */
function fakeMain() {
  const sent: ImportRequest[] = []
  const send = async (request: ImportRequest) => {
    sent.push(request)
    const text = new TextDecoder().decode(
      Uint8Array.from(atob(request.data), (c) => c.charCodeAt(0))
    )
    return ok<ArticleImportRow>({ name: request.name, status: 'imported', reason: `Read ${text}.` })
  }
  return { sent, send }
}

describe('localRefusal', () => {
  it('refuses other kinds of file and files over the limit, naming the limit', () => {
    expect(localRefusal('photo.jpg', 10)).toMatch(/only \.html, \.htm, \.md, \.markdown, \.txt/)
    expect(localRefusal('Notes.TXT', 10)).toBeNull()
    expect(localRefusal('page.html', IMPORT_MAX_BYTES)).toBeNull()
    expect(localRefusal('page.html', 60 * 1024 * 1024)).toBe(
      'Too big to import: 60 MB (the limit is 50 MB).'
    )
  })
})

describe('runImport', () => {
  it('sends each file in turn, as base64 with its folder path, and gives a row per file', async () => {
    const main = fakeMain()
    const progress: string[] = []
    const rows = await runImport(
      [source('a.md', 'alpha'), source('b.txt', 'beta', 'folder/b.txt')],
      {
        batchId: 'batch',
        send: main.send,
        cancelled: () => false,
        onProgress: (i, s) => progress.push(`${i}:${s.name}`)
      }
    )
    expect(progress).toEqual(['0:a.md', '1:b.txt'])
    expect(main.sent.map((r) => [r.batchId, r.name, r.path])).toEqual([
      ['batch', 'a.md', undefined],
      ['batch', 'b.txt', 'folder/b.txt']
    ])
    expect(rows.map((row) => row.reason)).toEqual(['Read alpha.', 'Read beta.'])
  })

  it('refuses a wrong kind of file without reading it, and carries on with the rest', async () => {
    const main = fakeMain()
    let readPicture = false
    const picture: ImportSource = {
      ...source('cat.png'),
      read: async () => ((readPicture = true), new Blob(['x']))
    }
    const rows = await runImport([picture, source('ok.txt')], {
      batchId: 'b',
      send: main.send,
      cancelled: () => false
    })
    expect(readPicture).toBe(false)
    expect(rows.map((row) => row.status)).toEqual(['failed', 'imported'])
    expect(main.sent.map((r) => r.name)).toEqual(['ok.txt'])
  })

  it('reports a file that cannot be read, and an error from main, as failed rows', async () => {
    const gone: ImportSource = {
      ...source('gone.html'),
      read: async () => {
        throw new DOMException('', 'NotFoundError')
      }
    }
    const rows = await runImport([gone, source('x.md')], {
      batchId: 'b',
      send: async () => fail('internal', 'The import worker stopped.'),
      cancelled: () => false
    })
    expect(rows).toEqual([
      {
        name: 'gone.html',
        status: 'failed',
        reason: 'Could not read the file (it may have been moved or deleted).'
      },
      { name: 'x.md', status: 'failed', reason: 'The import worker stopped.' }
    ])
  })

  it('stops sending once cancelled, listing the files left as cancelled', async () => {
    const main = fakeMain()
    let cancelled = false
    const rows = await runImport([source('1.md'), source('2.md'), source('3.md')], {
      batchId: 'b',
      send: async (request) => {
        cancelled = true
        return main.send(request)
      },
      cancelled: () => cancelled
    })
    expect(main.sent.map((r) => r.name)).toEqual(['1.md'])
    expect(rows.map((row) => [row.status, row.reason])).toEqual([
      ['imported', 'Read Some words.'],
      ['failed', CANCELLED_REASON],
      ['failed', CANCELLED_REASON]
    ])
  })
})

describe('summarizeRows', () => {
  it('counts what happened, leaving out what did not', () => {
    const row = (status: ArticleImportRow['status']): ArticleImportRow => ({
      name: 'f',
      status,
      reason: ''
    })
    expect(summarizeRows([row('imported'), row('failed'), row('imported')])).toBe(
      '2 imported, 1 failed.'
    )
    expect(summarizeRows([row('duplicate')])).toBe('1 already in the library.')
    expect(summarizeRows([])).toBe('No files.')
    expect(summarizeRows([row('failed')], 1)).toBe(
      '1 failed; 1 resource file of saved pages left out.'
    )
  })
})
