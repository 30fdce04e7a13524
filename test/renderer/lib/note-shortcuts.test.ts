import { describe, expect, it } from 'vitest'
import { isDoneShortcut } from '../../../src/renderer/src/lib/note-shortcuts'

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init)

describe('note shortcuts', () => {
  it('is done writing with Ctrl+Enter or Cmd+Enter, not Enter alone', () => {
    expect(isDoneShortcut(key({ key: 'Enter', ctrlKey: true }))).toBe(true)
    expect(isDoneShortcut(key({ key: 'Enter', metaKey: true }))).toBe(true)
    expect(isDoneShortcut(key({ key: 'Enter' }))).toBe(false)
  })
})
