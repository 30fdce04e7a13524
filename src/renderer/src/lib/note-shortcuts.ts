/** The keys that act on highlights and notes in the reader. */

/** `h` alone (no modifier): highlight the selected passage. */
export function isHighlightKey(event: KeyboardEvent): boolean {
  return (
    event.key.toLowerCase() === 'h' &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey &&
    !event.shiftKey
  )
}

/** Ctrl+Z, or Cmd+Z on a Mac, without Shift (which is redo) or Alt. */
export function isUndoShortcut(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.shiftKey &&
    !event.altKey &&
    event.key.toLowerCase() === 'z'
  )
}

/** Ctrl+Enter or Cmd+Enter: done writing. */
export function isDoneShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key === 'Enter'
}
