import { describe, expect, it } from 'vitest'
import {
  anchorOf,
  directQuotes,
  firstPart,
  quoteElement,
  quoteIndexOf
} from '../../../src/renderer/src/lib/quote-elements'

/** A reader pane with a direct quotation in two parts, a scare quote inside it, and another. */
function pane(): HTMLElement {
  const root = document.createElement('div')
  root.innerHTML = `
    <p>
      <span data-testid="quote" data-quote-index="0" data-kind="direct">"Talks
        <span data-quote-index="1" data-kind="scare" id="scare">"nothing"</span></span>
    </p>
    <p><span data-quote-index="0" data-kind="direct" id="second-part">bring peace,"</span></p>
    <p><span data-testid="quote" data-quote-index="2" data-kind="direct" id="other">"Yes"</span>
       <span id="plain">said he.</span></p>`
  document.body.append(root)
  return root
}

describe('quote-elements', () => {
  it('finds the innermost direct quotation an event happened in, or any quotation if allowed', () => {
    const root = pane()
    const scare = root.querySelector('#scare')!
    expect(quoteIndexOf(quoteElement(root, scare, true)!)).toBe(0)
    expect(quoteIndexOf(quoteElement(root, scare)!)).toBe(0)
    expect(quoteElement(root, root.querySelector('#plain'))).toBeNull()
  })

  it('finds nothing outside the root, or when there is no root', () => {
    const root = pane()
    const outside = document.createElement('span')
    outside.dataset['quoteIndex'] = '3'
    document.body.append(outside)
    expect(quoteElement(root, outside)).toBeNull()
    expect(quoteElement(undefined, root.querySelector('#other'))).toBeNull()
  })

  it('names a quotation by its focusable first part, not its later parts', () => {
    const root = pane()
    expect(firstPart(root, 0)?.dataset['testid']).toBe('quote')
    expect(firstPart(root, 0)?.id).not.toBe('second-part')
    expect(firstPart(root, 5)).toBeNull()
  })

  it('lists the direct quotations in reading order, one element each', () => {
    const root = pane()
    expect(directQuotes(root).map(quoteIndexOf)).toEqual([0, 2])
    expect(directQuotes(undefined)).toEqual([])
  })

  it('anchors at the pointer when there is one, else at the first line box', () => {
    const element = document.createElement('span')
    const line = (left: number, top: number) =>
      ({ left, right: left + 100, top, bottom: top + 20 }) as DOMRect
    element.getClientRects = () => [line(10, 0), line(0, 20)] as unknown as DOMRectList
    expect(anchorOf(element)).toEqual({ left: 10, top: 0, bottom: 20 })
    expect(anchorOf(element, 50, 30)).toEqual({ left: 50, top: 20, bottom: 40 })
  })
})
