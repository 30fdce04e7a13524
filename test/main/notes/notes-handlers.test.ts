import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Result } from '@shared/ipc/result'
import type { AnnotationView } from '@shared/model/annotation'
import type { SearchResponse } from '@shared/model/search'
import { parseArticle } from '@shared/content/parse-article'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import { startInProcessIndexWorker } from '../../../src/main/library/in-process-index-worker'
import { localLibrary } from '../../../src/main/library/library-access'
import { Anchors, createNotesHandlers } from '../../../src/main/notes/notes-handlers'
import { NotesStore, writeDurably } from '../../../src/main/notes/notes-store'
import { createServices } from '../../../src/main/services'
import type { Handlers } from '@shared/ipc/contract'

const LIBRARY = join(__dirname, '../../fixtures/library')

/** Services over a fresh copy of the fixture library and a data folder of their own. */
async function start(resourcesDir?: string, dataDir?: string) {
  const resources = resourcesDir ?? (await mkdtemp(join(tmpdir(), 'dossier-res-')))
  if (!resourcesDir) await cp(LIBRARY, join(resources, 'articles'), { recursive: true })
  const services = await createServices({
    resourcesDir: resources,
    dataDir: dataDir ?? join(resources, 'data'),
    log: () => {},
    startIndexWorker: startInProcessIndexWorker
  })
  return { ...services, resourcesDir: resources }
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

const GARDEN = 'garden-notes'
const GARDEN_TEXT =
  'Notes From a Small Garden\n\nThe tomatoes did well this year. Talks with the neighbours about the fence went nowhere.'
const at = (phrase: string) => {
  const start = GARDEN_TEXT.indexOf(phrase)
  return { start, end: start + phrase.length }
}

describe('notes handlers', () => {
  it('describe a highlight from main’s own text and list it anchored', async () => {
    const { dispatch } = await start()
    const created = value<AnnotationView>(
      await dispatch('notes:create', {
        articleId: GARDEN,
        kind: 'highlight',
        ...at('did well this year'),
        color: 'green',
        note: 'Plant *earlier*.',
        tags: ['garden', ' garden ', 'tomatoes']
      })
    )
    expect(created).toMatchObject({
      articleId: GARDEN,
      kind: 'highlight',
      color: 'green',
      note: 'Plant *earlier*.',
      tags: ['garden', 'tomatoes'],
      target: {
        position: { type: 'TextPositionSelector', ...at('did well this year') },
        quote: {
          type: 'TextQuoteSelector',
          exact: 'did well this year',
          prefix: 'om a Small Garden\n\nThe tomatoes ',
          suffix: '. Talks with the neighbours abou'
        }
      },
      anchor: at('did well this year')
    })
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(created.created).toBe(created.updated)
    const list = value<{ annotations: AnnotationView[] }>(
      await dispatch('notes:list', { articleId: GARDEN })
    )
    expect(list.annotations).toEqual([created])
  })

  it('list an article’s notes in reading order: article notes, highlights by place, orphans', async () => {
    const { dispatch, resourcesDir } = await start()
    const make = (request: object) =>
      dispatch('notes:create', { articleId: GARDEN, ...request }).then(value<AnnotationView>)
    const late = await make({ kind: 'highlight', ...at('the fence') })
    const early = await make({ kind: 'highlight', ...at('The tomatoes') })
    const doomed = await make({ kind: 'highlight', ...at('went nowhere.') })
    const whole = await make({ kind: 'article-note', note: 'Calm.' })

    // The article is edited: a sentence goes, the rest moves.
    const path = join(resourcesDir, 'articles', `${GARDEN}.md`)
    const source = await readFile(path, 'utf8')
    await writeFile(
      path,
      source
        .replace('The tomatoes', 'A new first sentence. The tomatoes')
        .replace(' went nowhere.', '.')
    )
    const { dispatch: again } = await start(resourcesDir)
    const { annotations } = value<{ annotations: AnnotationView[] }>(
      await again('notes:list', { articleId: GARDEN })
    )
    expect(annotations.map((a) => a.id)).toEqual([whole.id, early.id, late.id, doomed.id])
    const text = parseArticle(GARDEN, await readFile(path, 'utf8')).text
    expect(annotations.map((a) => a.anchor && text.slice(a.anchor.start, a.anchor.end))).toEqual([
      null,
      'The tomatoes',
      'the fence',
      null
    ])
    // The orphan keeps its quote and note.
    expect(annotations[3]).toMatchObject({ target: { quote: { exact: 'went nowhere.' } } })
  })

  it('update a note, and write nothing when nothing changed', async () => {
    const { dispatch } = await start()
    const created = value<AnnotationView>(
      await dispatch('notes:create', { articleId: GARDEN, kind: 'article-note', note: 'a' })
    )
    const same = value<AnnotationView>(
      await dispatch('notes:update', { id: created.id, note: 'a' })
    )
    expect(same.updated).toBe(created.updated)
    await new Promise((resolve) => setTimeout(resolve, 5))
    const edited = value<AnnotationView>(
      await dispatch('notes:update', { id: created.id, note: 'b', tags: ['x'], color: 'pink' })
    )
    expect(edited).toMatchObject({
      note: 'b',
      tags: ['x'],
      color: 'pink',
      created: created.created
    })
    expect(edited.updated > created.updated).toBe(true)
  })

  it('delete a note and put it back exactly as it was (undo)', async () => {
    const { dispatch } = await start()
    const created = value<AnnotationView>(
      await dispatch('notes:create', { articleId: GARDEN, kind: 'highlight', ...at('Talks') })
    )
    const { deleted } = value<{ deleted: AnnotationView }>(
      await dispatch('notes:delete', { id: created.id })
    )
    expect(value<{ annotations: unknown[] }>(await dispatch('notes:list', {})).annotations).toEqual(
      []
    )
    const restored = value<AnnotationView>(await dispatch('notes:restore', { annotation: deleted }))
    expect(restored).toEqual(created)
  })

  it('export every note and import it into a fresh profile exactly', async () => {
    const { dispatch, resourcesDir } = await start()
    await dispatch('notes:create', {
      articleId: GARDEN,
      kind: 'highlight',
      ...at('the neighbours'),
      color: 'purple',
      note: '**Fence** talks: 🌱 see Pyŏngyang',
      tags: ['neighbours', 'fence']
    })
    await dispatch('notes:create', { articleId: 'summit-diary', kind: 'article-note', note: 'x' })
    const before = value<{ annotations: AnnotationView[] }>(await dispatch('notes:list', {}))
    const file = value<{ fileName: string; mimeType: string; content: string }>(
      await dispatch('notes:export', { format: 'web-annotation' })
    )
    expect(file).toMatchObject({
      fileName: 'dossier-notes-all.jsonld',
      mimeType: 'application/ld+json'
    })

    const fresh = await start(resourcesDir, await mkdtemp(join(tmpdir(), 'dossier-fresh-')))
    expect(value(await fresh.dispatch('notes:import', { content: file.content }))).toEqual({
      imported: 2,
      unchanged: 0
    })
    expect(value(await fresh.dispatch('notes:list', {}))).toEqual(before)
    expect(value(await fresh.dispatch('notes:import', { content: file.content }))).toEqual({
      imported: 0,
      unchanged: 2
    })
  })

  it('export one article’s notes as Markdown', async () => {
    const { dispatch } = await start()
    await dispatch('notes:create', {
      articleId: GARDEN,
      kind: 'highlight',
      ...at('The tomatoes'),
      note: 'Yes.'
    })
    await dispatch('notes:create', {
      articleId: 'summit-diary',
      kind: 'article-note',
      note: 'Other.'
    })
    const file = value<{ fileName: string; content: string }>(
      await dispatch('notes:export', { articleId: GARDEN, format: 'markdown' })
    )
    expect(file.fileName).toBe('dossier-notes-garden-notes.md')
    expect(file.content).toBe('# Notes From a Small Garden\n\n> The tomatoes\n\nYes.\n')
  })

  it('refuse an invalid import with a clear message and leave the stored notes alone', async () => {
    const { dispatch } = await start()
    await dispatch('notes:create', { articleId: GARDEN, kind: 'article-note', note: 'keep me' })
    const before = await dispatch('notes:list', {})
    const result = await dispatch('notes:import', { content: '{"type": "AnnotationCollection"}' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(!result.ok && result.error.message).toMatch(/not a Web Annotation file/)
    expect(await dispatch('notes:list', {})).toEqual(before)
  })

  it('find notes in the main search, merged with articles by score', async () => {
    const { dispatch, search } = await start()
    await search.settled()
    const created = value<AnnotationView>(
      await dispatch('notes:create', {
        articleId: GARDEN,
        kind: 'highlight',
        ...at('the fence'),
        note: 'A hedge instead?',
        tags: ['boundaries']
      })
    )
    const byNote = value<SearchResponse>(await dispatch('search:query', { query: 'hedge' }))
    expect(byNote.results).toEqual([
      expect.objectContaining({
        kind: 'note',
        articleId: GARDEN,
        annotationId: created.id,
        title: 'Notes From a Small Garden',
        firstMatch: created.anchor!.start,
        snippet: { text: 'A hedge instead?', highlights: [{ start: 2, end: 7 }] }
      })
    ])
    // "fence" is in the article and in the highlighted passage: both are found.
    const both = value<SearchResponse>(await dispatch('search:query', { query: 'fence' }))
    expect(both.results.map((r) => r.kind).sort()).toEqual(['article', 'note'])
    const limited = value<SearchResponse>(
      await dispatch('search:query', { query: 'fence', limit: 1 })
    )
    expect(limited.results).toHaveLength(1)
  })

  it('report the store’s status', async () => {
    const { dispatch } = await start()
    await dispatch('notes:create', { articleId: GARDEN, kind: 'article-note' })
    expect(value(await dispatch('notes:status', undefined))).toEqual({ notice: null, count: 1 })
  })
})

describe('notes handlers refuse hostile payloads with a clear error', () => {
  const uuid = '00000000-0000-4000-8000-000000000001'
  it.each([
    [
      'a 50 MB note',
      'notes:create',
      { articleId: GARDEN, kind: 'article-note', note: 'x'.repeat(50 * 1024 * 1024) },
      /at note: a note may hold at most 100,000 characters/
    ],
    [
      'a selector past the end of the text',
      'notes:create',
      { articleId: GARDEN, kind: 'highlight', start: 5, end: 5000 },
      /selection 5–5000 runs past the end of the article's text \(115 characters\)/
    ],
    [
      'an empty selection',
      'notes:create',
      { articleId: GARDEN, kind: 'highlight', start: 5, end: 5 },
      /start < end/
    ],
    [
      'negative offsets',
      'notes:create',
      { articleId: GARDEN, kind: 'highlight', start: -1, end: 5 },
      /at start: must not be negative/
    ],
    [
      'fractional offsets',
      'notes:create',
      { articleId: GARDEN, kind: 'highlight', start: 1.5, end: 5 },
      /at start/
    ],
    [
      'offsets as strings',
      'notes:create',
      { articleId: GARDEN, kind: 'highlight', start: '1', end: '5' },
      /at start/
    ],
    [
      'a quote sent by the renderer',
      'notes:create',
      { articleId: GARDEN, kind: 'highlight', start: 1, end: 5, exact: 'lies' },
      /Unrecognized key/i
    ],
    [
      'a __proto__ key',
      'notes:create',
      JSON.parse(
        `{"articleId": "${GARDEN}", "kind": "article-note", "__proto__": {"admin": true}}`
      ),
      /Unrecognized key/i
    ],
    ['an unknown colour', 'notes:update', { id: uuid, color: 'chartreuse' }, /at color/],
    [
      'too many tags',
      'notes:update',
      { id: uuid, tags: Array.from({ length: 33 }, (_, i) => `t${i}`) },
      /at most 32 tags/
    ],
    [
      'a tag too long',
      'notes:update',
      { id: uuid, tags: ['x'.repeat(65)] },
      /at most 64 characters/
    ],
    ['an empty tag', 'notes:update', { id: uuid, tags: ['  '] }, /may not be empty/],
    [
      'an id that is not a UUID',
      'notes:delete',
      { id: '../../notes.json' },
      /not an annotation id/
    ],
    ['a path as article id', 'notes:list', { articleId: '../secrets' }, /not an article id/],
    [
      'a restore with a made-up kind',
      'notes:restore',
      { annotation: { id: uuid, kind: 'virus' } },
      /at annotation/
    ],
    [
      'an import over 20 MB',
      'notes:import',
      { content: ' '.repeat(20 * 1024 * 1024 + 1) },
      /at most 20 MB/
    ],
    ['an export in an unknown format', 'notes:export', { format: 'pdf' }, /at format/]
  ] as const)('%s', async (_case, channel, payload, message) => {
    const { dispatch } = await start()
    const result = await dispatch(channel, payload)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(!result.ok && result.error.message).toMatch(message)
  })

  it('answer not-found for an unknown article or note', async () => {
    const { dispatch } = await start()
    for (const [channel, payload] of [
      ['notes:create', { articleId: 'missing', kind: 'article-note' }],
      ['notes:list', { articleId: 'missing' }],
      ['notes:update', { id: uuid, note: 'x' }],
      ['notes:delete', { id: uuid }],
      ['notes:export', { articleId: 'missing', format: 'markdown' }]
    ] as const)
      expect(await dispatch(channel, payload)).toMatchObject({
        ok: false,
        error: { code: 'not-found' }
      })
  })
})

describe('a failed write', () => {
  it('is answered with a plain message, and nothing is stored', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dossier-full-'))
    let full = false
    const notes = await NotesStore.open(dataDir, {
      writeFile: async (path, content) => {
        if (full) throw Object.assign(new Error('no space left'), { code: 'ENOSPC' })
        await writeDurably(path, content)
      }
    })
    const article = parseArticle(GARDEN, await readFile(join(LIBRARY, `${GARDEN}.md`), 'utf8'))
    const library = localLibrary([article])
    const handlers = createNotesHandlers({ library, notes, anchors: new Anchors(library.ask) })
    const dispatch = createDispatcher(handlers as unknown as Handlers, { log: () => {} })
    const created = value<AnnotationView>(
      await dispatch('notes:create', { articleId: GARDEN, kind: 'article-note', note: 'v1' })
    )
    full = true
    expect(await dispatch('notes:update', { id: created.id, note: 'v2' })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Your notes could not be saved: the disk is full.' }
    })
    expect(notes.get(created.id)?.note).toBe('v1')
  })
})
