/**
 * The little of the DOM that code run inside the page uses. The node typecheck (tsconfig.node)
 * deliberately has no DOM library, so main-process code cannot reach for `window`; functions
 * passed to `evaluate` get these types instead, by casting `globalThis` inside the page.
 */
export interface PageElement {
  parentElement: PageElement | null
  innerText: string
  value: string
  scrollTop: number
  scrollHeight: number
  clientHeight: number
  textContent: string | null
  getAttribute(name: string): string | null
  closest(selector: string): PageElement | null
  checkVisibility(): boolean
  dispatchEvent(event: Event): boolean
}

export interface PageNode {
  parentElement: PageElement | null
  textContent: string | null
}

export interface PageGlobals {
  document: {
    body: PageElement
    documentElement: PageElement
    scrollingElement: PageElement | null
    querySelector(selector: string): PageElement | null
    createTreeWalker(root: PageElement, whatToShow: number): { nextNode(): PageNode | null }
  }
  getComputedStyle(element: PageElement): {
    overflowY: string
    fontSize: string
    backgroundColor: string
    direction: string
  }
}
