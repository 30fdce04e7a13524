import { describe, expect, it } from 'vitest'
import {
  isDoneShortcut,
  isHighlightKey,
  isUndoShortcut
} from '../../../src/renderer/src/lib/note-shortcuts'

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init)

describe('note shortcuts', () => {
  it('highlights with h alone, not with a modifier', () => {
    expect(isHighlightKey(key({ key: 'h' }))).toBe(true)
    expect(isHighlightKey(key({ key: 'H' }))).toBe(true)
    expect(isHighlightKey(key({ key: 'h', ctrlKey: true }))).toBe(false)
    expect(isHighlightKey(key({ key: 'H', shiftKey: true }))).toBe(false)
  })

  it('undoes with Ctrl+Z or Cmd+Z, but not with Shift (redo) or Alt', () => {
    expect(isUndoShortcut(key({ key: 'z', ctrlKey: true }))).toBe(true)
    expect(isUndoShortcut(key({ key: 'z', metaKey: true }))).toBe(true)
    expect(isUndoShortcut(key({ key: 'Z', ctrlKey: true, shiftKey: true }))).toBe(false)
    expect(isUndoShortcut(key({ key: 'z', ctrlKey: true, altKey: true }))).toBe(false)
    expect(isUndoShortcut(key({ key: 'z' }))).toBe(false)
  })

  it('is done with Ctrl+Enter or Cmd+Enter, not plain Enter', () => {
    expect(isDoneShortcut(key({ key: 'Enter', ctrlKey: true }))).toBe(true)
    expect(isDoneShortcut(key({ key: 'Enter', metaKey: true }))).toBe(true)
    expect(isDoneShortcut(key({ key: 'Enter' }))).toBe(false)
  })
})
