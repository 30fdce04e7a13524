import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { PageBlock } from '@shared/model/page-text'
import type { ArticleImportRow } from '@shared/ipc/contract'
import type { ArticleSummary } from '@shared/model/article'
import { makeSummary } from '../article-fixture'

vi.mock('../../../src/renderer/src/lib/api', () => ({ call: vi.fn() }))

const { call } = await import('../../../src/renderer/src/lib/api')
const { importer } = await import('../../../src/renderer/src/state/import.svelte')
const { library } = await import('../../../src/renderer/src/state/library.svelte')
const { articleActions } = await import('../../../src/renderer/src/state/article-actions.svelte')
const { notices } = await import('../../../src/renderer/src/state/notices.svelte')
const callMock = vi.mocked(call)

const imported = (id: string, date: string | null): ArticleSummary => ({
  ...makeSummary(id, `Title ${id}`),
  date,
  imported: true
})

const source = (name: string) => ({
  name,
  size: 4,
  read: async () => new Blob(['text'])
})

/** A main that imports `.md` files as articles dated by their name and fails the rest. */
function answer() {
  const channels: string[] = []
  callMock.mockImplementation((async (channel: string, request: { name?: string; id?: string }) => {
    channels.push(channel)
    if (channel === 'import:file') {
      const name = request.name ?? ''
      const row: ArticleImportRow = name.endsWith('.md')
        ? {
            name,
            status: 'imported',
            reason: 'Imported.',
            article: imported(name, name.slice(0, 10))
          }
        : { name, status: 'failed', reason: 'Not a web page: the file is binary data.' }
      return { ok: true, value: row }
    }
    if (channel === 'import:cancel') return { ok: true, value: { cancelled: true } }
    if (channel === 'library:remove')
      return { ok: true, value: { removed: library.get(request.id ?? null), notes: 2 } }
    if (channel === 'library:restore')
      return { ok: true, value: imported(request.id ?? '', '2020-01-01') }
    if (channel === 'library:page-text') return { ok: true, value: { blocks: PAGE_BLOCKS } }
    if (channel === 'library:get')
      return { ok: false, error: { code: 'not-found', message: 'gone' } }
    return { ok: true, value: undefined }
  }) as unknown as typeof call)
  return channels
}

const PAGE_BLOCKS: PageBlock[] = [
  { kind: 'heading', level: 1, text: 'First block' },
  { kind: 'paragraph', text: 'Second <b>block</b>' }
]

beforeEach(() => {
  callMock.mockReset()
  library.articles = [makeSummary('bundled', 'Bundled')].map((a) => ({ ...a, date: '2021-01-01' }))
  library.removed = []
  notices.items = []
})

describe('an import batch', () => {
  it('adds each imported article to the library in date order and reports every file', async () => {
    answer()
    await importer.start([source('2024-01-01.md'), source('photo.html'), source('2019-05-05.md')])
    expect(library.articles.map((a) => a.id)).toEqual(['2024-01-01.md', 'bundled', '2019-05-05.md'])
    expect(importer.rows.map((row) => row.status)).toEqual(['imported', 'failed', 'imported'])
    expect(importer.reportOpen).toBe(true)
    expect(importer.running).toBe(false)
    library.filter = 'imported'
    expect(library.shown.map((a) => a.id)).toEqual(['2024-01-01.md', '2019-05-05.md'])
    library.filter = 'all'
  })

  it('cancels: main is told, and the files not yet sent are reported as cancelled', async () => {
    const channels = answer()
    const started = importer.start([
      source('2024-01-01.md'),
      source('2024-01-02.md'),
      source('2024-01-03.md')
    ])
    await importer.cancel()
    await started
    expect(channels).toContain('import:cancel')
    expect(channels.filter((c) => c === 'import:file').length).toBeLessThan(3)
    expect(importer.rows.at(-1)?.reason).toMatch(/^Cancelled/)
  })
})

describe('removing an imported article', () => {
  it('takes it out of the library with an Undo notice naming its kept notes, and puts it back', async () => {
    answer()
    library.articles = [imported('mine', '2020-01-01'), ...library.articles]
    await articleActions.remove(library.get('mine')!)
    expect(library.has('mine')).toBe(false)
    expect(library.removedTitle('mine')).toBe('Title mine')
    expect(notices.items.at(-1)?.message).toBe('Removed “Title mine” (2 notes kept)')
    expect(articleActions.canUndo).toBe(true)
    notices.act(notices.items.at(-1)!.id)
    await vi.waitFor(() => expect(library.has('mine')).toBe(true))
    expect(articleActions.canUndo).toBe(false)
    // …and opens it again.
    expect(callMock).toHaveBeenCalledWith('library:get', { id: 'mine' })
  })
})

describe('the whole page’s text', () => {
  it('is kept with its blocks for the article it was asked for, until hidden', async () => {
    answer()
    await articleActions.showPageText('thin')
    expect(articleActions.pageText).toEqual({ id: 'thin', blocks: PAGE_BLOCKS })
    articleActions.hidePageText()
    expect(articleActions.pageText).toBeNull()
  })
})
