import { describe, expect, it } from 'vitest'
import { findMarkSpans } from '@shared/quotes/marks'
import { nestQuotes } from '@shared/quotes/nesting'
import { splitParagraphs } from '@shared/quotes/sentences'

describe('nestQuotes', () => {
  it('gives each nested quotation its direct parent, and each parent its children in order', () => {
    const text = `He said "she told me 'no' and 'never' today" and "fine."`
    const spans = findMarkSpans(text, splitParagraphs(text))
    const shown = (span: { start: number; end: number }): string => text.slice(span.start, span.end)
    const family = nestQuotes(spans)
    expect([...family.parent].map(([child, parent]) => [shown(child), shown(parent)])).toEqual([
      ["'no'", `"she told me 'no' and 'never' today"`],
      ["'never'", `"she told me 'no' and 'never' today"`]
    ])
    expect([...family.children].map(([parent, kids]) => [shown(parent), kids.map(shown)])).toEqual([
      [`"she told me 'no' and 'never' today"`, ["'no'", "'never'"]]
    ])
  })
})
