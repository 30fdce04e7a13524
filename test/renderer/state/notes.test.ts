import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeNotesMain, makeAnnotation } from '../fake-notes-main'

vi.mock('../../../src/renderer/src/lib/api', () => ({ call: vi.fn() }))

// The first import compiles the state's modules through Vite: 4–8 s on a loaded two-core
// machine, most of the 10 s a beforeEach hook is given. Done once here, as the file loads (no
// time limit), each beforeEach below only runs the compiled modules afresh (0.1–0.3 s).
await import('../../../src/renderer/src/state/notes.svelte')

type NotesModule = typeof import('../../../src/renderer/src/state/notes.svelte')
type NoticesModule = typeof import('../../../src/renderer/src/state/notices.svelte')

let main: FakeNotesMain
let notes: NotesModule['notes']
let notices: NoticesModule['notices']
let AUTOSAVE_MS: number

/** A fresh notes state (the module holds one instance) talking to a fresh fake main. */
beforeEach(async () => {
  vi.resetModules()
  vi.useFakeTimers()
  main = new FakeNotesMain()
  const { call } = await import('../../../src/renderer/src/lib/api')
  vi.mocked(call).mockImplementation(((channel: string, request?: unknown) =>
    main.handle(channel, request)) as never)
  ;({ notes, AUTOSAVE_MS } = await import('../../../src/renderer/src/state/notes.svelte'))
  ;({ notices } = await import('../../../src/renderer/src/state/notices.svelte'))
})

afterEach(() => {
  vi.useRealTimers()
})

const updates = () => main.calls.filter(([channel]) => channel === 'notes:update')
const messages = () => notices.items.map((notice) => notice.message)

/** Opens a note on a new highlight for writing. */
async function editingNewHighlight() {
  await notes.showArticle('fixture-article')
  const created = await notes.highlight('fixture-article', 0, 3)
  await notes.edit(created!.id)
  return created!
}

describe('notes state', () => {
  it('loads the open article’s annotations in reading order, orphans last', async () => {
    const orphan = makeAnnotation({ anchor: null, note: 'lost' })
    const late = makeAnnotation({ anchor: { start: 20, end: 25 } })
    const early = makeAnnotation({ anchor: { start: 2, end: 6 } })
    const whole = makeAnnotation({ kind: 'article-note', note: 'about all of it' })
    main.stored = [orphan, late, early, whole]
    await notes.showArticle('fixture-article')
    expect(notes.items.map((a) => a.id)).toEqual([whole.id, early.id, late.id, orphan.id])
    expect(notes.ranges.map((r) => [r.start, r.end, r.id])).toEqual([
      [2, 6, early.id],
      [20, 25, late.id]
    ])
  })

  it('keeps only the last article’s notes when two opens overlap', async () => {
    main.stored = [makeAnnotation({ articleId: 'a' }), makeAnnotation({ articleId: 'b' })]
    const first = notes.showArticle('a')
    const second = notes.showArticle('b')
    await Promise.all([first, second])
    expect(notes.items.map((a) => a.articleId)).toEqual(['b'])
  })

  it('highlights a passage in the colour last chosen', async () => {
    await notes.showArticle('fixture-article')
    await notes.highlight('fixture-article', 0, 3, 'green')
    const second = await notes.highlight('fixture-article', 5, 9)
    expect(second?.color).toBe('green')
    expect(notes.items.map((a) => a.anchor)).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 9 }
    ])
  })

  it('saves a note once typing pauses, not on every keystroke', async () => {
    const created = await editingNewHighlight()
    for (const text of ['A', 'An', 'An i', 'An idea']) notes.type(text)
    expect(updates()).toEqual([])
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 1)
    expect(updates()).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(updates()).toEqual([['notes:update', { id: created.id, note: 'An idea' }]])
    expect(main.stored[0]?.note).toBe('An idea')
  })

  it('saves what was typed when the editor closes, without waiting', async () => {
    const created = await editingNewHighlight()
    notes.type('Every last characte')
    notes.type('Every last character')
    expect(await notes.close()).toBe(true)
    expect(notes.draft).toBeNull()
    expect(main.stored.find((a) => a.id === created.id)?.note).toBe('Every last character')
    // Nothing is left to save later.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS * 2)
    expect(updates()).toHaveLength(1)
  })

  it('keeps the text in the editor when a save fails, and saves it with the next change', async () => {
    const created = await editingNewHighlight()
    main.refuseWrites = 'The disk is full'
    notes.type('Do not lose me')
    expect(await notes.close()).toBe(false)
    expect(notes.draft?.text).toBe('Do not lose me')
    expect(notes.saveError).toBe('The disk is full')
    expect(messages().some((m) => m.includes('The disk is full'))).toBe(true)

    main.refuseWrites = null
    notes.type('Do not lose me!')
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS)
    expect(main.stored.find((a) => a.id === created.id)?.note).toBe('Do not lose me!')
    expect(notes.saveError).toBeNull()
    expect(await notes.close()).toBe(true)
  })

  it('saves the note being written before opening another', async () => {
    const first = await editingNewHighlight()
    const second = await notes.highlight('fixture-article', 5, 9)
    notes.type('first thoughts')
    await notes.edit(second!.id)
    expect(notes.draft?.id).toBe(second!.id)
    expect(main.stored.find((a) => a.id === first.id)?.note).toBe('first thoughts')
  })

  it('runs one save at a time, so an older text never lands after a newer one', async () => {
    const created = await editingNewHighlight()
    main.latency = 50
    notes.type('one')
    const saving = notes.flush()
    await vi.advanceTimersByTimeAsync(10)
    // 'one' is on its way to disk; the next change waits for it.
    notes.type('one two')
    const again = notes.flush()
    await vi.advanceTimersByTimeAsync(200)
    expect(await saving).toBe(true)
    expect(await again).toBe(true)
    expect(updates().map(([, request]) => (request as { note: string }).note)).toEqual([
      'one',
      'one two'
    ])
    expect(main.stored.find((a) => a.id === created.id)?.note).toBe('one two')
  })

  it('drops a note on the whole article that was left empty', async () => {
    await notes.showArticle('fixture-article')
    await notes.addArticleNote('fixture-article')
    expect(notes.draft).not.toBeNull()
    await notes.close()
    expect(main.stored).toEqual([])
    expect(notes.items).toEqual([])
  })

  it('keeps a note on the whole article once something is written', async () => {
    await notes.showArticle('fixture-article')
    await notes.addArticleNote('fixture-article')
    notes.type('Worth rereading')
    await notes.close()
    expect(main.stored.map((a) => [a.kind, a.note])).toEqual([['article-note', 'Worth rereading']])
  })

  it('undoes a delete with everything typed so far, from the toast or the shortcut', async () => {
    const created = await editingNewHighlight()
    notes.type('typed just before deleting')
    await notes.remove(created.id)
    expect(notes.items).toEqual([])
    expect(notes.draft).toBeNull()
    const toast = notices.items.find((notice) => notice.action)
    expect(toast?.message).toBe('Highlight deleted')

    notices.act(toast!.id)
    await vi.waitFor(() => expect(notes.items).toHaveLength(1))
    expect(notes.items[0]).toMatchObject({ id: created.id, note: 'typed just before deleting' })
    expect(notes.canUndo).toBe(false)
    expect(main.calls.filter(([channel]) => channel === 'notes:restore')).toHaveLength(1)
  })

  it('undoes deletes newest first', async () => {
    await notes.showArticle('fixture-article')
    const a = await notes.highlight('fixture-article', 0, 3)
    const b = await notes.highlight('fixture-article', 5, 9)
    await notes.remove(a!.id)
    await notes.remove(b!.id)
    expect(await notes.undo()).toBe(true)
    expect(notes.items.map((x) => x.id)).toEqual([b!.id])
    expect(await notes.undo()).toBe(true)
    expect(notes.items.map((x) => x.id)).toEqual([a!.id, b!.id])
    expect(await notes.undo()).toBe(false)
  })

  it('keeps a delete undoable when the undo itself fails', async () => {
    await notes.showArticle('fixture-article')
    const a = await notes.highlight('fixture-article', 0, 3)
    await notes.remove(a!.id)
    main.refuseWrites = 'The notes file is read-only'
    expect(await notes.undo()).toBe(false)
    expect(notes.canUndo).toBe(true)
    main.refuseWrites = null
    expect(await notes.undo()).toBe(true)
  })

  it('recolours and retags, keeping the note being typed', async () => {
    const created = await editingNewHighlight()
    notes.type('half a thou')
    await notes.recolor(created.id, 'blue')
    await notes.setTags(created.id, ['summit'])
    expect(notes.items[0]).toMatchObject({ color: 'blue', tags: ['summit'] })
    expect(notes.draft?.text).toBe('half a thou')
    expect(notes.color).toBe('blue')
  })

  it('tells the user once what the notes store recovered from', async () => {
    main.statusNotice = 'Your notes file was damaged; restored from the backup of 3 May.'
    await notes.checkStatus()
    expect(messages()).toEqual(['Your notes file was damaged; restored from the backup of 3 May.'])
  })

  it('shows the importer’s refusal as it is, and a count when it succeeds', async () => {
    const file = (content: string) => ({
      name: 'notes.jsonld',
      size: content.length,
      text: async () => content
    })
    main.refuseWrites = 'Not a W3C Web Annotation file: "type" is missing on item 3'
    await notes.importFile(file('{}'))
    expect(messages()).toEqual(['Not a W3C Web Annotation file: "type" is missing on item 3'])

    main.refuseWrites = null
    const { call } = await import('../../../src/renderer/src/lib/api')
    vi.mocked(call).mockImplementationOnce(
      async () => ({ ok: true, value: { imported: 3, unchanged: 1 } }) as never
    )
    await notes.importFile(file('{"type":"AnnotationCollection"}'))
    expect(messages()).toContain('Imported 3 notes (1 already here).')
  })

  it('refuses a file far too large to be notes without reading it', async () => {
    const text = vi.fn(async () => '')
    await notes.importFile({ name: 'huge.json', size: 50 * 1024 * 1024, text })
    expect(text).not.toHaveBeenCalled()
    expect(messages()[0]).toMatch(/too large/)
  })

  it('keeps the Notebook list in step with changes made in the reader', async () => {
    main.stored = [makeAnnotation({ articleId: 'other', note: 'elsewhere' })]
    await notes.loadAll()
    await notes.showArticle('fixture-article')
    const created = await notes.highlight('fixture-article', 0, 3)
    expect(notes.all.map((a) => a.id)).toContain(created!.id)
    await notes.remove(created!.id)
    expect(notes.all.map((a) => a.note)).toEqual(['elsewhere'])
  })
})
