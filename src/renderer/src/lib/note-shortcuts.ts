/** The key that ends writing a note (the reader's own shortcuts are in commands.ts). */

/** Ctrl+Enter or Cmd+Enter: done writing. */
export function isDoneShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key === 'Enter'
}
