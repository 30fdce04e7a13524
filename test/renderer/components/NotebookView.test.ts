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
})
