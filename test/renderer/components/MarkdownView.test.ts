import '@testing-library/svelte/vitest'
import { render } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import MarkdownView from '../../../src/renderer/src/components/MarkdownView.svelte'

const view = (source: string) => render(MarkdownView, { source }).getByTestId('note-text')

describe('MarkdownView', () => {
  it('renders the Markdown people write in notes', () => {
    const root = view(
      '## Why it matters\n\nKim *refuses* **talks**, see `Hanoi`.\n\n- one\n- two\n\n> quoted\n\n1. first'
    )
    expect(root.querySelector('h4')?.textContent).toBe('Why it matters')
    expect(root.querySelector('em')?.textContent).toBe('refuses')
    expect(root.querySelector('strong')?.textContent).toBe('talks')
    expect(root.querySelector('code')?.textContent).toBe('Hanoi')
    expect([...root.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['one', 'two'])
    expect(root.querySelector('blockquote')?.textContent).toBe('quoted')
    expect(root.querySelector('ol li')?.textContent).toBe('first')
    expect(root.querySelector('p')?.textContent).toBe('Kim refuses talks, see Hanoi.')
  })

  it('shows a script tag as text and runs nothing', () => {
    const root = view(
      'Before <script>window.pwned = true</script> after\n\n<script>alert(1)</script>'
    )
    expect(root.querySelector('script')).toBeNull()
    expect(root.textContent).toContain('<script>window.pwned = true</script>')
    expect((window as unknown as { pwned?: boolean }).pwned).toBeUndefined()
  })

  it('renders raw HTML inert, as the text it is', () => {
    const root = view(
      '<img src="https://tracker.example/p.gif" onerror="alert(1)"> and <b>bold</b>'
    )
    expect(root.querySelector('img, b, [onerror]')).toBeNull()
    expect(root.textContent).toContain(
      '<img src="https://tracker.example/p.gif" onerror="alert(1)">'
    )
  })

  it('makes only web and mail links clickable', () => {
    const root = view(
      '[safe](https://example.org/a) [mail](mailto:a@example.org) [evil](javascript:alert(1)) [file](file:///etc/passwd)'
    )
    const links = [...root.querySelectorAll('a')]
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/a',
      'mailto:a@example.org'
    ])
    expect(links.every((a) => a.rel.includes('noopener'))).toBe(true)
    expect(root.textContent).toContain('evil')
    expect(root.innerHTML).not.toContain('javascript:')
  })

  it('resolves reference links through the note’s definitions, refusing unsafe ones too', () => {
    const root = view(
      '[ok][1] and [bad][2]\n\n[1]: https://example.org/ref\n[2]: javascript:alert(1)'
    )
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/ref'
    ])
    expect(root.textContent).not.toContain('https://example.org/ref')
  })

  it('never loads an image: it shows the alt text', () => {
    const root = view('![the summit](https://example.org/summit.jpg)')
    expect(root.querySelector('img')).toBeNull()
    expect(root.textContent).toBe('[the summit]')
  })
})
