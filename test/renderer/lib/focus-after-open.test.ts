import { afterEach, describe, expect, it } from 'vitest'
import { focusAfterOpen } from '../../../src/renderer/src/lib/focus-after-open'

function button(label: string): HTMLButtonElement {
  const element = document.createElement('button')
  element.textContent = label
  document.body.append(element)
  return element
}

afterEach(() => {
  document.body.replaceChildren()
})

describe('focusAfterOpen', () => {
  it('moves focus to the reader when it stayed on what opened the article', async () => {
    const opener = button('article')
    const reader = button('reader')
    opener.focus()
    await focusAfterOpen(
      async () => {},
      async () => {},
      () => reader.focus()
    )
    expect(document.activeElement).toBe(reader)
  })

  it('moves focus to the reader when focus fell to the page while it loaded', async () => {
    const opener = button('article')
    const reader = button('reader')
    opener.focus()
    await focusAfterOpen(
      async () => opener.remove(),
      async () => {},
      () => reader.focus()
    )
    expect(document.activeElement).toBe(reader)
  })

  it('leaves focus where the person put it while the article was loading', async () => {
    const opener = button('article')
    const find = document.createElement('input')
    document.body.append(find)
    const reader = button('reader')
    opener.focus()
    let release: () => void = () => {}
    const loading = new Promise<void>((resolve) => (release = resolve))
    const done = focusAfterOpen(
      () => loading,
      async () => {},
      () => reader.focus()
    )
    find.focus() // Ctrl+F pressed before the article arrived
    release()
    await done
    expect(document.activeElement).toBe(find)
  })

  it('leaves focus where it is when nothing was opened after all', async () => {
    const box = document.createElement('input')
    document.body.append(box)
    const reader = button('reader')
    box.focus()
    await focusAfterOpen(
      async () => false, // Enter stepped through the open article's matches instead
      async () => {},
      () => reader.focus()
    )
    expect(document.activeElement).toBe(box)
  })
})
