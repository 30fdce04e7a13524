import { describe, expect, it } from 'vitest'
import {
  COMMANDS,
  ariaShortcut,
  commandFor,
  describeShortcut,
  filterCommands,
  isSingleKey,
  type KeyContext
} from '../../../src/renderer/src/lib/commands'

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init)
const reading: KeyContext = { singleKeys: true, typing: false }
const typing: KeyContext = { singleKeys: true, typing: true }
const singleKeysOff: KeyContext = { singleKeys: false, typing: false }
const idFor = (init: KeyboardEventInit, context = reading) => commandFor(key(init), context)?.id

describe('commandFor', () => {
  it.each([
    ['Ctrl+K', { key: 'k', ctrlKey: true }, 'search'],
    ['Cmd+K', { key: 'K', metaKey: true }, 'search'],
    ['/', { key: '/' }, 'search'],
    ['Ctrl+F with Caps Lock', { key: 'F', ctrlKey: true }, 'find'],
    ['F3', { key: 'F3' }, 'next-hit'],
    ['Shift+F3', { key: 'F3', shiftKey: true }, 'previous-hit'],
    ['j', { key: 'j' }, 'next-article'],
    ['k', { key: 'k' }, 'previous-article'],
    ['o', { key: 'o' }, 'open-article'],
    ['h', { key: 'h' }, 'highlight'],
    ['h with Caps Lock', { key: 'H' }, 'highlight'],
    ['n', { key: 'n' }, 'highlight-note'],
    ['Ctrl+Z', { key: 'z', ctrlKey: true }, 'undo-delete'],
    ['Ctrl+Shift+P', { key: 'P', ctrlKey: true, shiftKey: true }, 'palette'],
    ['Cmd+Shift+P', { key: 'p', metaKey: true, shiftKey: true }, 'palette'],
    ['?', { key: '?', shiftKey: true }, 'shortcuts'],
    ['Ctrl+2', { key: '2', ctrlKey: true }, 'show-voices']
  ])('reads %s as %s', (_name, init, id) => {
    expect(idFor(init)).toBe(id)
  })

  it.each([
    ['Shift+J', { key: 'J', shiftKey: true }],
    ['Ctrl+J', { key: 'j', ctrlKey: true }],
    ['Alt+J', { key: 'j', altKey: true }],
    ['Ctrl+Alt+F', { key: 'f', ctrlKey: true, altKey: true }],
    ['Ctrl+Shift+Z (redo)', { key: 'Z', ctrlKey: true, shiftKey: true }],
    ['a letter with no command', { key: 'x' }]
  ])('takes %s for no command', (_name, init) => {
    expect(idFor(init)).toBeUndefined()
  })

  it('leaves single keys and Ctrl+Z to a text field, but not Ctrl+K or Ctrl+F', () => {
    expect(idFor({ key: 'j' }, typing)).toBeUndefined()
    expect(idFor({ key: '?' }, typing)).toBeUndefined()
    expect(idFor({ key: 'z', ctrlKey: true }, typing)).toBeUndefined()
    expect(idFor({ key: 'k', ctrlKey: true }, typing)).toBe('search')
    expect(idFor({ key: 'f', ctrlKey: true }, typing)).toBe('find')
  })

  it('ignores every single-key shortcut when they are turned off, and no other', () => {
    for (const command of COMMANDS) {
      for (const shortcut of command.shortcuts) {
        const init = {
          key: shortcut.key,
          ctrlKey: shortcut.mod ?? false,
          shiftKey: shortcut.shift ?? false
        }
        expect(idFor(init, singleKeysOff)).toBe(isSingleKey(shortcut) ? undefined : command.id)
      }
    }
  })
})

describe('the shortcuts themselves', () => {
  const all = COMMANDS.flatMap((command) => command.shortcuts)

  it('gives no two commands the same key', () => {
    const spelt = all.map((shortcut) => describeShortcut(shortcut, false))
    expect(new Set(spelt).size).toBe(spelt.length)
  })

  it('uses no Alt, Insert or Caps Lock, which screen readers claim', () => {
    for (const shortcut of all) expect(shortcut.key).not.toMatch(/^(Alt|Insert|CapsLock)$/)
  })

  it('is written for people and for aria-keyshortcuts', () => {
    const palette = COMMANDS.find((command) => command.id === 'palette')!.shortcuts[0]!
    expect(describeShortcut(palette, false)).toBe('Ctrl+Shift+P')
    expect(describeShortcut(palette, true)).toBe('Cmd+Shift+P')
    expect(ariaShortcut(palette, false)).toBe('Control+Shift+P')
    expect(describeShortcut({ key: 'j' }, false)).toBe('j')
  })
})

describe('filterCommands', () => {
  it('keeps the commands whose title holds every word typed', () => {
    expect(filterCommands('note high').map((command) => command.id)).toEqual(['highlight-note'])
    expect(filterCommands('')).toHaveLength(COMMANDS.length)
    expect(filterCommands('zebra')).toEqual([])
  })
})
