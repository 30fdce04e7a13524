/** Small facts about key presses that decide which shortcut applies. */

/** Whether the event happened where typing goes (so `/` must stay a slash). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (!(target instanceof HTMLInputElement)) return false
  // Sliders and buttons take no text.
  return !['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color'].includes(target.type)
}

/** Ctrl+K, or Cmd+K on a Mac. */
export function isSearchShortcut(event: KeyboardEvent): boolean {
  return isCommand(event, 'k')
}

/** Ctrl+F, or Cmd+F on a Mac: find in the open article. */
export function isFindShortcut(event: KeyboardEvent): boolean {
  return isCommand(event, 'f')
}

/** Ctrl or Cmd with `key`, not Alt (AltGr on some keyboards types letters that way). */
function isCommand(event: KeyboardEvent, key: string): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === key
}
