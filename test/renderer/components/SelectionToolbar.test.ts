import '@testing-library/svelte/vitest'
import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import { HIGHLIGHT_COLORS } from '@shared/model/annotation'
import SelectionToolbar from '../../../src/renderer/src/components/SelectionToolbar.svelte'

const props = () => ({
  top: 120,
  left: 300,
  placement: 'above' as const,
  color: 'green' as const,
  onhighlight: vi.fn(),
  onnote: vi.fn()
})

describe('SelectionToolbar', () => {
  it('highlights in the current colour, or in any of five others', async () => {
    const handlers = props()
    render(SelectionToolbar, handlers)
    await fireEvent.click(screen.getByTestId('highlight-button'))
    const swatches = screen.getAllByTestId('color-swatch')
    expect(swatches.map((s) => s.dataset['highlightColor'])).toEqual([...HIGHLIGHT_COLORS])
    expect(swatches.length).toBeGreaterThanOrEqual(5)
    await fireEvent.click(swatches[3]!)
    expect(handlers.onhighlight.mock.calls).toEqual([['green'], [HIGHLIGHT_COLORS[3]]])
  })

  it('offers to write a note', async () => {
    const handlers = props()
    render(SelectionToolbar, handlers)
    await fireEvent.click(screen.getByTestId('note-button'))
    expect(handlers.onnote).toHaveBeenCalledOnce()
  })

  it('keeps the selection when pressed', async () => {
    render(SelectionToolbar, props())
    const pressed = await fireEvent.mouseDown(screen.getByTestId('highlight-button'))
    // fireEvent answers false when the default (moving the selection) was prevented.
    expect(pressed).toBe(false)
  })

  it('stands where it is told', () => {
    render(SelectionToolbar, props())
    const toolbar = screen.getByTestId('selection-toolbar')
    expect([toolbar.style.top, toolbar.style.left]).toEqual(['120px', '300px'])
  })
})
