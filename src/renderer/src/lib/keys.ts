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
