/**
 * The attributes of one drawn part of a quotation (RangedText renders a quotation as several
 * elements where it crosses a paragraph, an inline mark or another layer's range). Every part
 * names its quotation; only the first is the quotation's element: it carries the test id, and
 * for a direct quotation the focus stop, the button role (Enter opens the copy menu) and the
 * speaker as an accessible description. Nothing here adds text: the blocks' text must stay
 * exactly the article's (see text-range.ts).
 */
import type { TextRange } from '@shared/model/range'
import type { LayeredRange } from '@shared/ranges/segment-block'

export type QuoteAttributes = Record<string, string | number | undefined>

export function quoteAttributes(segment: TextRange, range: LayeredRange): QuoteAttributes {
  const data = range.data ?? {}
  const speaker = data['speaker'] ?? ''
  const direct = data['kind'] === 'direct'
  const first = segment.start === Number(data['start'] ?? range.start)
  const shared: QuoteAttributes = {
    'data-quote-index': range.id,
    'data-speaker': speaker,
    'data-kind': data['kind'],
    'data-flash': data['flash'],
    'data-active': data['active']
  }
  if (!first) return { ...shared, 'data-quote-part': '' }
  if (!direct) return { ...shared, 'data-testid': 'quote' }
  return {
    ...shared,
    'data-testid': 'quote',
    tabindex: Number(data['tabindex'] ?? -1),
    role: 'button',
    'aria-haspopup': 'menu',
    'aria-description': speaker ? `quoting ${speaker}` : undefined
  }
}
