import '@testing-library/svelte/vitest'
import { render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import SnippetText from '../../../src/renderer/src/components/SnippetText.svelte'

describe('SnippetText', () => {
  it('marks exactly the highlighted words and keeps the rest as plain text', () => {
    const text = '…said Kim Kye Gwan, a veteran diplomat…'
    const kim = text.indexOf('Kim')
    const diplomat = text.indexOf('diplomat')
    render(SnippetText, {
      snippet: {
        text,
        highlights: [
          { start: kim, end: kim + 3 },
          { start: diplomat, end: diplomat + 8 }
        ]
      }
    })
    const snippet = screen.getByTestId('search-snippet')
    expect(snippet.textContent).toBe(text)
    expect([...snippet.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual([
      'Kim',
      'diplomat'
    ])
  })
})
