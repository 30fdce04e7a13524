import '@testing-library/svelte/vitest'
import { fireEvent, render, screen, within } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import { groupBySpeaker } from '@shared/voices/group-by-speaker'
import QuotesPanel from '../../../src/renderer/src/components/QuotesPanel.svelte'
import { makeArticle } from '../article-fixture'
import { withQuotes } from '../quote-fixture'

const article = withQuotes(
  makeArticle([
    {
      kind: 'paragraph',
      text: '"Talks bring nothing," said Kim Kye Gwan. A "Phase 1" deal. "Enable peace," Mark Esper said. "None," Kim added.'
    }
  ]),
  [
    { printed: '"Talks bring nothing,"', speaker: 'Kim Kye Gwan' },
    { printed: '"Phase 1"', speaker: null },
    { printed: '"Enable peace,"', speaker: 'Mark Esper' },
    { printed: '"None,"', speaker: 'Kim Kye Gwan' }
  ]
)
const base = {
  articleId: article.id,
  groups: groupBySpeaker(article.quotes),
  onshow: () => {},
  oncopy: () => {}
}

describe('QuotesPanel', () => {
  it('groups the quotations by speaker in order of appearance, with a count each', () => {
    render(QuotesPanel, base)
    const groups = screen.getAllByTestId('quote-group')
    expect(groups.map((g) => g.dataset['speaker'])).toEqual(['Kim Kye Gwan', 'Mark Esper'])
    expect(screen.getAllByTestId('quote-speaker-count').map((c) => c.textContent)).toEqual([
      '2',
      '1'
    ])
    expect(
      within(groups[0]!)
        .getAllByTestId('quote-entry')
        .map((e) => e.textContent)
    ).toEqual(['“Talks bring nothing”', '“None”'])
    expect(screen.getByTestId('quotes-summary').textContent?.trim()).toBe('3 quotations · 2 voices')
  })

  it('keeps scare quotes behind a toggle at the end', () => {
    render(QuotesPanel, base)
    const terms = screen.getByTestId('quote-terms')
    expect(terms.tagName).toBe('DETAILS')
    expect(terms.hasAttribute('open')).toBe(false)
    expect(within(terms).getByTestId('quote-entry').textContent).toBe('“Phase 1”')
  })

  it('jumps to a quotation and copies one by its index in the article', async () => {
    const onshow = vi.fn()
    const oncopy = vi.fn()
    render(QuotesPanel, { ...base, onshow, oncopy })
    await fireEvent.click(screen.getAllByTestId('quote-entry')[1]!)
    expect(onshow).toHaveBeenCalledWith(3)
    await fireEvent.click(screen.getAllByTestId('quote-copy')[2]!)
    expect(oncopy).toHaveBeenCalledWith(2)
  })

  it('says which quotation has just been copied', () => {
    const copied = `${article.id}:${article.quotes[2]!.start}`
    render(QuotesPanel, { ...base, copied })
    const labels = screen.getAllByTestId('quote-copy').map((b) => b.getAttribute('aria-label'))
    expect(labels).toEqual([
      'Copy with attribution',
      'Copy with attribution',
      'Copied',
      'Copy with attribution'
    ])
  })

  it('says so when the article has no quotations, or when no article is open', () => {
    const { unmount } = render(QuotesPanel, { ...base, groups: groupBySpeaker([]) })
    expect(screen.getByTestId('quotes-empty').textContent).toBe('No quotations in this article.')
    unmount()
    render(QuotesPanel, { ...base, articleId: null, groups: groupBySpeaker([]) })
    expect(screen.getByTestId('quotes-panel').textContent).toMatch(/Open an article/)
  })
})
