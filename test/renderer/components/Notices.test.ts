import '@testing-library/svelte/vitest'
import { fireEvent, render, screen } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Notices from '../../../src/renderer/src/components/Notices.svelte'

const { notices } = await import('../../../src/renderer/src/state/notices.svelte')

beforeEach(() => {
  vi.useFakeTimers()
  notices.items = []
})
afterEach(() => vi.useRealTimers())

describe('notices', () => {
  it('offers a notice’s action as a button that runs it once and dismisses the notice', async () => {
    const run = vi.fn()
    notices.push('Highlight deleted', { action: { label: 'Undo', run } })
    render(Notices, {
      items: notices.items,
      ondismiss: (id: number) => notices.dismiss(id),
      onact: (id: number) => notices.act(id)
    })
    const button = screen.getByTestId('notice-action')
    expect(button.textContent).toBe('Undo')
    await fireEvent.click(button)
    expect(run).toHaveBeenCalledOnce()
    expect(notices.items).toEqual([])
  })

  it('shows a repeated message once, but lets a repeated action act on the latest event', () => {
    notices.push('Could not save')
    notices.push('Could not save')
    expect(notices.items).toHaveLength(1)
    const first = vi.fn()
    const second = vi.fn()
    notices.push('Highlight deleted', { action: { label: 'Undo', run: first } })
    notices.push('Highlight deleted', { action: { label: 'Undo', run: second } })
    const undo = notices.items.filter((n) => n.action)
    expect(undo).toHaveLength(1)
    notices.act(undo[0]!.id)
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([0, 1])
  })

  it('stays as long as asked', () => {
    notices.push('Undo me', { ms: 10_000, action: { label: 'Undo', run: () => {} } })
    vi.advanceTimersByTime(9_999)
    expect(notices.items).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(notices.items).toHaveLength(0)
  })
})
