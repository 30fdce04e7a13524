import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleImportRow } from '@shared/ipc/contract'
import type { Result } from '@shared/ipc/result'
import type { ArticleSummary, ArticleView } from '@shared/model/article'
import type { PageBlock } from '@shared/model/page-text'
import type { SearchResponse } from '@shared/model/search'
import { IMPORTED_DIR, TRASH_DIR } from '../../../src/main/import/imported-store'
import { inProcessExtractor } from '../../../src/main/import/start-extractor'
import { startInProcessIndexWorker } from '../../../src/main/library/in-process-index-worker'
import { createServices, type Services } from '../../../src/main/services'

const FIXTURES = join(__dirname, '../../fixtures/import')
const LIBRARY = join(__dirname, '../../fixtures/library')

let open: Services[] = []
afterEach(async () => {
  await Promise.all(open.map((services) => services.close()))
  open = []
})

async function start(resourcesDir?: string) {
  const dir = resourcesDir ?? (await mkdtemp(join(tmpdir(), 'dossier-import-')))
  if (!resourcesDir) await cp(LIBRARY, join(dir, 'articles'), { recursive: true })
  const services = await createServices({
    resourcesDir: dir,
    dataDir: join(dir, 'data'),
    log: () => {},
    startIndexWorker: startInProcessIndexWorker,
    startExtractor: inProcessExtractor
  })
  open.push(services)
  await services.search.settled()
  const call = async <T>(channel: string, request?: unknown): Promise<T> => {
    const result = (await services.dispatch(channel, request)) as Result<T>
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
    return result.value
  }
  const importFile = async (name: string, batchId = 'batch') =>
    call<ArticleImportRow>('import:file', {
      batchId,
      name,
      data: (await readFile(join(FIXTURES, name))).toString('base64')
    })
  return { dir, services, call, importFile }
}

describe('importing files through the dispatcher', () => {
  it('imports a page, Markdown and text, each listed, readable and searchable at once', async () => {
    const { call, importFile } = await start()
    const rows = [
      await importFile('ferries.html'),
      await importFile('lighthouse.md'),
      await importFile('harvest.txt')
    ]
    expect(rows.map((row) => [row.status, row.article?.title])).toEqual([
      ['imported', 'Ferries return to the harbour'],
      ['imported', 'The lighthouse keeper retires'],
      ['imported', 'Harvest festival draws a crowd']
    ])
    expect(rows[0]!.reason).toBe("Imported with the details from the page's JSON-LD.")
    expect(rows[0]!.article).toMatchObject({
      imported: true,
      author: 'Ana Lima',
      source: 'Harbour Times',
      date: '2024-05-02',
      url: 'https://example.org/ferries',
      language: 'en-GB',
      dir: 'ltr'
    })
    const { articles } = await call<{ articles: ArticleSummary[] }>('library:list')
    expect(articles.filter((a) => a.imported).map((a) => a.title)).toHaveLength(3)

    const search = await call<SearchResponse>('search:query', { query: '"ran out of bread"' })
    expect(search.results.map((r) => r.title)).toEqual(['Harvest festival draws a crowd'])

    const view = await call<ArticleView>('library:get', { id: rows[1]!.article!.id })
    expect(view.blocks.map((b) => b.kind)).toEqual([
      'title',
      'paragraph',
      'heading',
      'list-item',
      'list-item',
      'list-item',
      'list-item',
      'blockquote'
    ])
    expect(view.extraction).toBeNull()
    const page = await call<ArticleView>('library:get', { id: rows[0]!.article!.id })
    expect(page.extraction).toEqual({ thin: false, images: 0 })
    const whole = await call<{ blocks: PageBlock[] }>('library:page-text', { id: page.id })
    expect(whole.blocks.slice(0, 3)).toEqual([
      { kind: 'list-item', list: { ordered: false, depth: 1, index: 1 }, text: 'Home' },
      { kind: 'list-item', list: { ordered: false, depth: 1, index: 2 }, text: 'News' },
      { kind: 'heading', level: 1, text: 'Ferries return' }
    ])
    expect(page.quotes.map((q) => page.text.slice(q.start, q.end))).toContain('“We missed this,”')
  })

  it('refuses bad files each with its reason and leaves the library as it was', async () => {
    const { call, importFile } = await start()
    const before = await call<{ articles: ArticleSummary[] }>('library:list')
    const rows = await Promise.all(
      ['binary.html', 'empty.html', 'no-article.html'].map((name) => importFile(name))
    )
    expect(rows.map((row) => [row.status, row.reason])).toEqual([
      ['failed', 'Not a text file: it holds binary data.'],
      ['failed', 'The file is empty.'],
      ['failed', 'No article found on the page.']
    ])
    expect(await call('library:list')).toEqual(before)
  })

  it('decodes a windows-1252 page and recognises a second copy as a duplicate', async () => {
    const { importFile } = await start()
    const first = await importFile('cafe-1252.html')
    expect(first.article?.title).toBe('Café reopens')
    const again = await importFile('cafe-1252.html')
    expect(again).toMatchObject({
      status: 'duplicate',
      reason: 'Already in the library as “Café reopens”.'
    })
  })

  it('removes to the trash keeping notes, restores, edits, and keeps it all across a restart', async () => {
    const { dir, call, importFile } = await start()
    const { article } = await importFile('harvest.txt')
    const id = article!.id
    await call('notes:create', { articleId: id, kind: 'article-note', note: 'Good day out.' })
    const removed = await call<{ removed: ArticleSummary; notes: number }>('library:remove', { id })
    expect(removed).toMatchObject({ removed: { id }, notes: 1 })
    expect(await readdir(join(dir, 'data', IMPORTED_DIR, TRASH_DIR))).toContain(`${id}.md`)
    const gone = await call<SearchResponse>('search:query', { query: 'bakery' })
    expect(gone.results.filter((r) => r.kind === 'article')).toEqual([])

    await call('library:restore', { id })
    const edited = await call<ArticleSummary>('library:edit', {
      id,
      details: { author: 'Village Press', date: '2024-10-01' }
    })
    expect(edited).toMatchObject({ author: 'Village Press', date: '2024-10-01', imported: true })

    const again = await start(dir)
    const view = await again.call<ArticleView>('library:get', { id })
    expect(view).toMatchObject({ title: 'Harvest festival draws a crowd', author: 'Village Press' })
    const found = await again.call<SearchResponse>('search:query', { query: 'bakery' })
    expect(found.results.map((r) => r.articleId)).toContain(id)
  })

  it('names a removed article after a restart, exports its notes under its title and restores it', async () => {
    const { dir, call, importFile } = await start()
    const { article } = await importFile('harvest.txt')
    const id = article!.id
    await call('notes:create', { articleId: id, kind: 'article-note', note: 'Good day out.' })
    await call('library:remove', { id })

    const again = await start(dir)
    const { articles } = await again.call<{ articles: ArticleSummary[] }>('library:removed', {
      ids: [id, 'never-imported']
    })
    expect(articles.map((a) => [a.id, a.title])).toEqual([[id, 'Harvest festival draws a crowd']])
    const file = await again.call<{ content: string }>('notes:export', {
      articleId: id,
      format: 'markdown'
    })
    expect(file.content).toBe(
      '# Harvest festival draws a crowd\n\n*Removed from the library; it can be restored from the Notebook.*\n\n**Note on the article**\n\nGood day out.\n'
    )
    await again.call('library:restore', { id })
    expect(
      (await again.call<{ articles: ArticleSummary[] }>('library:removed', { ids: [id] })).articles
    ).toEqual([])
    const notes = await again.call<{ annotations: { note: string }[] }>('notes:list', {
      articleId: id
    })
    expect(notes.annotations.map((a) => a.note)).toEqual(['Good day out.'])
  })

  it('refuses to edit or remove a bundled article, and gives its text as its page text', async () => {
    const { call } = await start()
    const { articles } = await call<{ articles: ArticleSummary[] }>('library:list')
    const bundled = articles[0]!.id
    await expect(call('library:remove', { id: bundled })).rejects.toThrow(/invalid-request/)
    const view = await call<ArticleView>('library:get', { id: bundled })
    const { blocks } = await call<{ blocks: PageBlock[] }>('library:page-text', { id: bundled })
    expect(blocks.map((block) => block.text).join('\n\n')).toBe(view.text)
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, text: view.title })
  })

  it('gives an imported text file’s paragraphs as its page text, not its hard-wrapped lines', async () => {
    const { call } = await start()
    const row = await call<ArticleImportRow>('import:file', {
      batchId: 'batch',
      name: 'wrapped.txt',
      data: Buffer.from(
        'Wrapped notes\n\nThe first paragraph runs on\nover two lines.\n\nThe second.\n'
      ).toString('base64')
    })
    const { blocks } = await call<{ blocks: PageBlock[] }>('library:page-text', {
      id: row.article!.id
    })
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Wrapped notes' },
      { kind: 'paragraph', text: 'The first paragraph runs on over two lines.' },
      { kind: 'paragraph', text: 'The second.' }
    ])
  })

  it('answers later files of a cancelled batch as cancelled', async () => {
    const { call, importFile } = await start()
    await call('import:cancel', { batchId: 'b2' })
    expect(await importFile('harvest.txt', 'b2')).toMatchObject({
      status: 'failed',
      reason: 'Cancelled.'
    })
  })
})
