/**
 * The little of the DOM the import reads, typed here (main has no DOM types: linkedom's and
 * readability's declarations refer to the browser's), and the one place a page is parsed.
 */
import { parseHTML } from 'linkedom'

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3

export interface DomNode {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<DomNode>
  parentNode: DomElement | null
}

export interface DomElement extends DomNode {
  tagName: string
  children: ArrayLike<DomElement>
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  remove(): void
}

export interface DomDocument {
  documentElement: DomElement
  body: DomElement | null
  title: string
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
}

/** A page's document, parsed by linkedom (no scripts run, nothing fetched). */
export function parsePage(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document
}

export const isElement = (node: DomNode): node is DomElement => node.nodeType === ELEMENT_NODE

export const tagOf = (element: DomElement): string => element.tagName.toLowerCase()

/** White space runs as one space, ends trimmed. */
export const collapse = (text: string | null | undefined): string =>
  (text ?? '').replace(/\s+/g, ' ').trim()
