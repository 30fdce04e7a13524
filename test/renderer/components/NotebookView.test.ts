import '@testing-library/svelte/vitest'
import { fireEvent, render, screen } from '@testing-library/svelte'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { makeArticle, makeSummary } from '../article-fixture'
import { FakeNotesMain, makeAnnotation } from '../fake-notes-main'

vi.mock('../../../src/renderer/src/lib/api', () => ({ call: vi.fn() }))

const { call } = await import('../../../src/renderer/src/lib/api')
const { library } = await import('../../../src/renderer/src/state/library.svelte')
const { reader } = await import('../../../src/renderer/src/state/reader.svelte')
const { view } = await import('../../../src/renderer/src/state/view.svelte')
const NotebookView = (await import('../../../src/renderer/src/components/NotebookView.svelte'))
  .default

let main: FakeNotesMain

beforeEach(() => {
  main = new FakeNotesMain()
  vi.mocked(call).mockImplementation(((channel: string, request?: unknown) =>
    main.handle(channel, request)) as never)
  library.articles = [
    makeSummary('kim', 'Kim snubs Trump'),
    makeSummary('time', 'Running out of time')
  ]
  reader.article = makeArticle([{ kind: 'title', text: 'Kim snubs Trump' }], { id: 'kim' })
  view.show('notebook')
})

describe('NotebookView', () => {
  it('lists every note grouped by article, in library order, and narrows them as you type', async () => {
    main.stored = [
      makeAnnotation({ articleId: 'time', note: 'Maximalist demands' }),
      makeAnnotation({ articleId: 'kim', note: 'The Hanoi summit', tags: ['diplomacy'] }),
      makeAnnotation({ articleId: 'kim', kind: 'article-note', note: 'Read twice' })
    ]
    render(NotebookView)
    await vi.waitFor(() => expect(screen.getAllByTestId('notebook-entry')).toHaveLength(3))
    const groups = screen.getAllByTestId('notebook-group')
    expect(groups.map((g) => g.dataset['articleId'])).toEqual(['kim', 'time'])
    expect(screen.getByTestId('notebook-count').textContent).toMatch(/3 notes in 2 articles/)

    await fireEvent.input(screen.getByTestId('notebook-search'), { target: { value: 'DIPLOMACY' } })
    expect(screen.getAllByTestId('notebook-entry').map((e) => e.textContent)).toEqual([
      expect.stringContaining('The Hanoi summit')
    ])
    await fireEvent.input(screen.getByTestId('notebook-search'), { target: { value: 'running' } })
    expect(screen.getAllByTestId('notebook-group').map((g) => g.dataset['articleId'])).toEqual([
      'time'
    ])
  })

  it('opens the article at a note’s passage, with the Notes tab showing', async () => {
    const note = makeAnnotation({ articleId: 'kim', anchor: { start: 4, end: 9 }, note: 'Here' })
    main.stored = [note]
    render(NotebookView)
    const jump = await screen.findByTestId('note-jump')
    await fireEvent.click(jump)
    expect(view.current).toBe('reader')
    expect(view.panel).toBe('notes')
    expect(reader.scrollRequest).toEqual({ kind: 'passage', articleId: 'kim', start: 4, end: 9 })
  })

  it('names an article removed before this session, offers it back and exports its notes', async () => {
    const harvest = makeSummary('harvest', 'Harvest festival draws a crowd')
    main.stored = [
      makeAnnotation({ articleId: 'harvest', kind: 'article-note', note: 'Good day out' }),
      makeAnnotation({ articleId: 'lost', kind: 'article-note', note: 'Whose was this?' })
    ]
    const fallback = vi.mocked(call).getMockImplementation()!
    vi.mocked(call).mockImplementation(((channel: string, request?: unknown) => {
      if (channel === 'library:removed')
        return Promise.resolve({ ok: true, value: { articles: [harvest] } })
      if (channel === 'library:restore') return Promise.resolve({ ok: true, value: harvest })
      if (channel === 'notes:export')
        return Promise.resolve({ ok: false, error: { code: 'internal', message: 'not here' } })
      return fallback(channel as never, request as never)
    }) as never)
    render(NotebookView)

    await vi.waitFor(() =>
      expect(
        screen.getAllByTestId('notebook-removed-article').map((h) => h.textContent?.trim())
      ).toEqual(['Harvest festival draws a crowd', 'An article no longer in the library'])
    )
    expect(call).toHaveBeenCalledWith('library:removed', { ids: ['harvest', 'lost'] })
    // Only an article main still holds can come back; the notes of either can be exported.
    expect(screen.getAllByTestId('notebook-restore-article')).toHaveLength(1)
    await fireEvent.click(screen.getAllByTestId('notebook-export-article')[1]!)
    expect(call).toHaveBeenCalledWith('notes:export', { articleId: 'lost', format: 'markdown' })

    await fireEvent.click(screen.getByTestId('notebook-restore-article'))
    await vi.waitFor(() =>
      expect(screen.getByRole('button', { name: 'Harvest festival draws a crowd' })).toBeTruthy()
    )
    expect(library.articles.map((a) => a.id)).toContain('harvest')
    expect(screen.getAllByTestId('notebook-removed-article')).toHaveLength(1)
  })
})
