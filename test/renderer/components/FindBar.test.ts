import '@testing-library/svelte/vitest'
import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import FindBar from '../../../src/renderer/src/components/FindBar.svelte'

const props = (overrides: Record<string, unknown> = {}) => ({
  needle: 'kim',
  current: 2,
  count: 11,
  oninput: vi.fn(),
  onstep: vi.fn(),
  onclose: vi.fn(),
  ...overrides
})

describe('FindBar', () => {
  it.each([
    ['a match among several', { needle: 'kim', current: 2, count: 11 }, '3 of 11'],
    ['no match', { needle: 'xylophone', current: -1, count: 0 }, 'No matches'],
    ['nothing typed yet', { needle: '', current: -1, count: 0 }, '']
  ])('counts %s', (_case, state, expected) => {
    render(FindBar, props(state))
    expect(screen.getByTestId('find-count').textContent).toBe(expected)
  })

  it('takes the focus when it opens', () => {
    render(FindBar, props())
    expect(document.activeElement).toBe(screen.getByTestId('find-input'))
  })

  it('steps with Enter and Shift+Enter, and closes with Escape', async () => {
    const handlers = props()
    render(FindBar, handlers)
    const input = screen.getByTestId('find-input')
    await fireEvent.keyDown(input, { key: 'Enter' })
    await fireEvent.keyDown(input, { key: 'Enter', shiftKey: true })
    await fireEvent.keyDown(input, { key: 'Escape' })
    expect(handlers.onstep.mock.calls).toEqual([[1], [-1]])
    expect(handlers.onclose).toHaveBeenCalledOnce()
  })

  it('reports what is typed', async () => {
    const handlers = props({ needle: '' })
    render(FindBar, handlers)
    await fireEvent.input(screen.getByTestId('find-input'), { target: { value: 'pyong' } })
    expect(handlers.oninput).toHaveBeenCalledWith('pyong')
  })

  it('disables previous and next when nothing matches', () => {
    render(FindBar, props({ needle: 'xylophone', current: -1, count: 0 }))
    const button = (id: string) => screen.getByTestId(id) as HTMLButtonElement
    expect([button('find-prev').disabled, button('find-next').disabled]).toEqual([true, true])
  })
})
