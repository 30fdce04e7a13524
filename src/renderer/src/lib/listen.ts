/**
 * Event listeners an effect adds by hand (on an element it is given, or on the document) and
 * must remove with exactly the same arguments when it ends.
 */

/** Removes what `listen` added. */
export type Unlisten = () => void

/**
 * Adds `handler` for `type` on `target` and returns the function that removes it with the same
 * capture flag, so an effect names each listener once and undoes them all on cleanup.
 */
export function listen<K extends keyof HTMLElementEventMap>(
  target: HTMLElement,
  type: K,
  handler: (event: HTMLElementEventMap[K]) => void,
  options?: boolean | AddEventListenerOptions
): Unlisten
export function listen<K extends keyof DocumentEventMap>(
  target: Document,
  type: K,
  handler: (event: DocumentEventMap[K]) => void,
  options?: boolean | AddEventListenerOptions
): Unlisten
export function listen(
  target: EventTarget,
  type: string,
  handler: (event: never) => void,
  options?: boolean | AddEventListenerOptions
): Unlisten {
  const listener = handler as EventListener
  target.addEventListener(type, listener, options)
  return () => target.removeEventListener(type, listener, options)
}
