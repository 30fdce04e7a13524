import '@testing-library/svelte/vitest'
import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import NoteEditor from '../../../src/renderer/src/components/NoteEditor.svelte'
import { makeAnnotation } from '../fake-notes-main'

const props = (overrides: Record<string, unknown> = {}) => ({
  annotation: makeAnnotation({ note: 'saved text', tags: ['summit'] }),
  text: 'saved text',
  oninput: vi.fn(),
  onsave: vi.fn(),
  onclose: vi.fn(),
  ontags: vi.fn(),
  oncolor: vi.fn(),
  ondelete: vi.fn(),
  ...overrides
})

describe('NoteEditor', () => {
  it('takes the focus and reports each change', async () => {
    const handlers = props()
    render(NoteEditor, handlers)
    const input = screen.getByTestId('note-input') as HTMLTextAreaElement
    expect(document.activeElement).toBe(input)
    await fireEvent.input(input, { target: { value: 'saved text, more' } })
    expect(handlers.oninput).toHaveBeenCalledWith('saved text, more')
  })

  it.each([
    ['Escape', { key: 'Escape' }],
    ['Ctrl+Enter', { key: 'Enter', ctrlKey: true }],
    ['Cmd+Enter', { key: 'Enter', metaKey: true }]
  ])('closes with %s, and keeps the key from the reader', async (_name, init) => {
    const handlers = props()
    const outside = vi.fn()
    window.addEventListener('keydown', outside)
    render(NoteEditor, handlers)
    await fireEvent.keyDown(screen.getByTestId('note-input'), init)
    window.removeEventListener('keydown', outside)
    expect(handlers.onclose).toHaveBeenCalledOnce()
    expect(outside).not.toHaveBeenCalled()
  })

  it('does not close on a plain Enter (a new line)', async () => {
    const handlers = props()
    render(NoteEditor, handlers)
    await fireEvent.keyDown(screen.getByTestId('note-input'), { key: 'Enter' })
    expect(handlers.onclose).not.toHaveBeenCalled()
  })

  it('saves on blur', async () => {
    const handlers = props()
    render(NoteEditor, handlers)
    await fireEvent.blur(screen.getByTestId('note-input'))
    expect(handlers.onsave).toHaveBeenCalledOnce()
  })

  it('adds a tag on Enter and removes one with its button', async () => {
    const handlers = props()
    render(NoteEditor, handlers)
    const field = screen.getByTestId('tag-input')
    await fireEvent.input(field, { target: { value: '#North Korea' } })
    await fireEvent.keyDown(field, { key: 'Enter' })
    await fireEvent.click(screen.getByLabelText('Remove tag summit'))
    expect(handlers.ontags.mock.calls).toEqual([[['summit', 'North-Korea']], [[]]])
  })

  it('recolours and deletes', async () => {
    const handlers = props()
    render(NoteEditor, handlers)
    await fireEvent.click(screen.getByLabelText('Colour blue'))
    await fireEvent.click(screen.getByTestId('note-delete'))
    expect(handlers.oncolor).toHaveBeenCalledWith('blue')
    expect(handlers.ondelete).toHaveBeenCalledOnce()
  })

  it('says when the text is saved, and when a save failed keeps the text and says why', async () => {
    const { rerender } = render(NoteEditor, props())
    expect(screen.getByTestId('note-status').textContent?.trim()).toBe('Saved')
    await rerender(props({ text: 'saved text and unsaved words', error: 'The disk is full' }))
    expect(screen.getByTestId('note-save-error').textContent).toContain('The disk is full')
    expect((screen.getByTestId('note-input') as HTMLTextAreaElement).value).toBe(
      'saved text and unsaved words'
    )
    expect(screen.getByTestId('note-status').textContent?.trim()).toBe('')
  })

  it('offers no colour for a note on the whole article', () => {
    render(NoteEditor, props({ annotation: makeAnnotation({ kind: 'article-note' }) }))
    expect(screen.queryAllByTestId('color-swatch')).toEqual([])
    expect(screen.getByTestId('note-editor').textContent).toContain('Note on the whole article')
  })
})
