import '@testing-library/svelte/vitest'
import { fireEvent, render, screen } from '@testing-library/svelte'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { makeArticle, rangeOf } from '../article-fixture'
import { FakeNotesMain, makeAnnotation } from '../fake-notes-main'

vi.mock('../../../src/renderer/src/lib/api', () => ({ call: vi.fn() }))

const { call } = await import('../../../src/renderer/src/lib/api')
const { notes } = await import('../../../src/renderer/src/state/notes.svelte')
const { reader } = await import('../../../src/renderer/src/state/reader.svelte')
const NotesPanel = (await import('../../../src/renderer/src/components/NotesPanel.svelte')).default

const article = makeArticle([
  { kind: 'title', text: 'Kim snubs Trump' },
  { kind: 'paragraph', text: 'Trump offered a summit, as reported by the news agency.' }
])

let main: FakeNotesMain

beforeEach(async () => {
  await notes.close()
  main = new FakeNotesMain()
  vi.mocked(call).mockImplementation(((channel: string, request?: unknown) =>
    main.handle(channel, request)) as never)
  await notes.showArticle(null)
  reader.article = article
})

/** The article's notes as main lists them, loaded into the panel. */
async function showPanel() {
  const whole = makeAnnotation({ kind: 'article-note', note: 'A *whole* article note' })
  const later = makeAnnotation({
    anchor: rangeOf(article.text, 'news agency'),
    color: 'pink',
    note: 'Which agency?',
    tags: ['sources']
  })
  const first = makeAnnotation({
    anchor: rangeOf(article.text, 'offered a summit'),
    color: 'green'
  })
  const orphan = makeAnnotation({ anchor: null, note: 'Still mine', color: 'pink' })
  orphan.target!.quote.exact = 'a sentence the article no longer has'
  main.stored = [orphan, later, whole, first]
  await notes.showArticle(article.id)
  render(NotesPanel, { article })
  return { whole, later, first, orphan }
}

const items = () => screen.getAllByTestId('note-item')
const ids = () => items().map((item) => item.dataset['annotationId'])

describe('NotesPanel', () => {
  it('lists the article’s notes in reading order, with orphans flagged at the end', async () => {
    const { whole, later, first, orphan } = await showPanel()
    expect(ids()).toEqual([whole.id, first.id, later.id, orphan.id])
    const last = items().at(-1)!
    expect(last.querySelector('[data-testid="note-orphan"]')).not.toBeNull()
    expect(last.textContent).toContain('a sentence the article no longer has')
    expect(last.textContent).toContain('Still mine')
    expect(screen.getByTestId('orphans-heading')).toBeTruthy()
    expect(items()[0]?.querySelector('em')?.textContent).toBe('whole')
  })

  it('goes to a highlight’s passage', async () => {
    const { later } = await showPanel()
    const item = items().find((i) => i.dataset['annotationId'] === later.id)!
    await fireEvent.click(item.querySelector('[data-testid="note-jump"]')!)
    expect(reader.scrollRequest).toEqual({
      kind: 'passage',
      articleId: article.id,
      ...later.anchor
    })
  })

  it('filters by colour and by tag', async () => {
    const { later, orphan } = await showPanel()
    await fireEvent.click(screen.getByLabelText('Show only pink'))
    expect(ids()).toEqual([later.id, orphan.id])
    await fireEvent.change(screen.getByTestId('note-tag-filter'), { target: { value: 'sources' } })
    expect(ids()).toEqual([later.id])
    await fireEvent.click(screen.getByTestId('note-filter-clear'))
    expect(items()).toHaveLength(4)
  })

  it('opens a note for writing in place, and saves what is typed', async () => {
    const { first } = await showPanel()
    const item = items().find((i) => i.dataset['annotationId'] === first.id)!
    await fireEvent.click(item.querySelector('[data-testid="note-edit"]')!)
    const editor = await screen.findByTestId('note-editor')
    expect(editor.dataset['annotationId']).toBe(first.id)
    await fireEvent.input(screen.getByTestId('note-input'), {
      target: { value: 'Not the first offer' }
    })
    await fireEvent.keyDown(screen.getByTestId('note-input'), { key: 'Escape' })
    await vi.waitFor(() => expect(screen.queryByTestId('note-editor')).toBeNull())
    expect(main.stored.find((a) => a.id === first.id)?.note).toBe('Not the first offer')
    expect(screen.getByText('Not the first offer')).toBeTruthy()
  })

  it('starts a note on the whole article', async () => {
    await showPanel()
    await fireEvent.click(screen.getByTestId('add-article-note'))
    const editor = await screen.findByTestId('note-editor')
    expect(editor.textContent).toContain('Note on the whole article')
  })

  it('invites a first highlight when there are none', async () => {
    await notes.showArticle(article.id)
    render(NotesPanel, { article })
    expect(screen.getByTestId('notes-empty').textContent).toMatch(/select a passage/i)
    expect(screen.getByTestId('export-markdown')).toHaveProperty('disabled', true)
  })
})
