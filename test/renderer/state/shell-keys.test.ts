import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Shell } from '../../../src/renderer/src/state/shell.svelte'

vi.mock('../../../src/renderer/src/lib/api', () => ({
  call: vi.fn(() => Promise.resolve({ ok: true, value: {} }))
}))

const { ShellKeys } = await import('../../../src/renderer/src/state/shell-keys.svelte')
const { find } = await import('../../../src/renderer/src/state/find.svelte')
const { settings } = await import('../../../src/renderer/src/state/settings.svelte')

/** A Shell that records the moves it is asked for; the regions it reaches are absent. */
function fakeShell(overrides: Partial<Record<keyof Shell, unknown>> = {}) {
  const moves = {
    closeFind: vi.fn(),
    stepArticle: vi.fn(),
    focusReader: vi.fn()
  }
  const shell = {
    parts: { searchBox: () => null, highlightLayer: () => null, palette: () => null },
    searching: false,
    hitsShown: false,
    isInSidebar: () => false,
    readerScroller: () => null,
    ...moves,
    ...overrides
  } as unknown as Shell
  return { shell, moves }
}

/** A keydown on `target` (the page itself unless given), as the window's listener sees it. */
function press(
  keys: InstanceType<typeof ShellKeys>,
  init: KeyboardEventInit,
  target: Element = document.body
) {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })
  target.addEventListener('keydown', (e) => keys.onWindowKey(e as KeyboardEvent), { once: true })
  target.dispatchEvent(event)
  return event
}

beforeEach(() => {
  document.body.innerHTML = ''
  find.close()
  settings.value.singleKeyShortcuts = true
})

describe("the window's keys", () => {
  it('Esc closes the find bar, unless it was pressed in the sidebar', () => {
    const { shell, moves } = fakeShell()
    find.show()
    expect(press(new ShellKeys(shell), { key: 'Escape' }).defaultPrevented).toBe(true)
    expect(moves.closeFind).toHaveBeenCalledOnce()

    const inSidebar = fakeShell({ isInSidebar: () => true })
    press(new ShellKeys(inSidebar.shell), { key: 'Escape' })
    expect(inSidebar.moves.closeFind).not.toHaveBeenCalled()
  })

  it('runs a single-key command on the page, but not in a text field or with them turned off', () => {
    const { shell, moves } = fakeShell()
    const keys = new ShellKeys(shell)
    expect(press(keys, { key: 'j' }).defaultPrevented).toBe(true)
    expect(moves.stepArticle).toHaveBeenCalledWith(1)

    const field = document.body.appendChild(document.createElement('input'))
    press(keys, { key: 'j' }, field)
    settings.value.singleKeyShortcuts = false
    press(keys, { key: 'j' })
    expect(moves.stepArticle).toHaveBeenCalledOnce()
  })

  it('leaves the keys of an open dialog to the dialog', () => {
    const { shell, moves } = fakeShell()
    const dialog = document.body.appendChild(document.createElement('dialog'))
    dialog.setAttribute('open', '')
    const button = dialog.appendChild(document.createElement('button'))
    find.show()
    press(new ShellKeys(shell), { key: 'Escape' }, button)
    press(new ShellKeys(shell), { key: 'j' }, button)
    expect(moves.closeFind).not.toHaveBeenCalled()
    expect(moves.stepArticle).not.toHaveBeenCalled()
  })

  it('lets a command with nothing to act on keep its key (h with no selection to highlight)', () => {
    const { shell } = fakeShell()
    expect(press(new ShellKeys(shell), { key: 'h' }).defaultPrevented).toBe(false)
  })
})
