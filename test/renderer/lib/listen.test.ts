import { describe, expect, it, vi } from 'vitest'
import { listen } from '../../../src/renderer/src/lib/listen'

describe('listen', () => {
  it('hears events until the function it returns is called', () => {
    const element = document.createElement('div')
    const handler = vi.fn()
    const stop = listen(element, 'click', handler)
    element.click()
    stop()
    element.click()
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('removes a capturing listener too, which a removal without the capture flag would miss', () => {
    const outer = document.createElement('div')
    const inner = document.createElement('span')
    outer.append(inner)
    document.body.append(outer)
    const handler = vi.fn()
    const stop = listen(document, 'scroll', handler, { capture: true, passive: true })
    // Scroll events do not bubble: only a capturing listener on the document hears them.
    inner.dispatchEvent(new Event('scroll'))
    stop()
    inner.dispatchEvent(new Event('scroll'))
    outer.remove()
    expect(handler).toHaveBeenCalledTimes(1)
  })
})
