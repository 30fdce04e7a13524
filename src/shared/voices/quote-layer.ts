/**
 * An article's quotations as the reader's `quote` range layer. Each range carries what the
 * reader draws and announces: the speaker, the kind, where the whole quotation starts (a range
 * split over paragraphs is clipped per block, and only its first part is the quotation's
 * element), which direct quotation is the one Tab stop, which one is pointed at and which one
 * is flashing.
 */
import type { Quote } from '../model/quote'
import type { TextRange } from '../model/range'
import type { LayeredRange } from '../ranges/segment-block'

export const QUOTE_LAYER = 'quote'

export interface QuoteLayerOptions {
  /** Index of the direct quotation that takes the Tab stop (see `tabStop`). */
  stop?: number
  /** Index of the quotation pointed at or focused: all its parts are drawn as active. */
  active?: number | null
  /** The quotation to draw attention to, and which of two pulses (so a repeat restarts it). */
  flash?: { range: TextRange; pulse: 'a' | 'b' } | null
}

/**
 * The direct quotation that is the reader's one Tab stop among quotations: `wanted` when it is
 * a direct one, else the first direct one; -1 when there is none.
 */
export function tabStop(quotes: readonly Quote[], wanted?: number): number {
  if (wanted !== undefined && quotes[wanted]?.kind === 'direct') return wanted
  return quotes.findIndex((quote) => quote.kind === 'direct')
}

/**
 * One range per quotation, ids being indexes into `quotes`, outer quotations before the ones
 * nested in them (so they draw outside them).
 */
export function quoteLayer(
  quotes: readonly Quote[],
  options: QuoteLayerOptions = {}
): LayeredRange[] {
  const stop = tabStop(quotes, options.stop)
  const flash = options.flash
  return quotes
    .map((quote, index) => ({ quote, index }))
    .filter(({ quote }) => quote.end > quote.start)
    .sort((a, b) => a.quote.start - b.quote.start || b.quote.end - a.quote.end || a.index - b.index)
    .map(({ quote, index }): LayeredRange => {
      const data: Record<string, string> = {
        kind: quote.kind,
        speaker: quote.speaker ?? '',
        start: String(quote.start)
      }
      if (quote.kind === 'direct') data['tabindex'] = index === stop ? '0' : '-1'
      if (index === options.active) data['active'] = ''
      if (flash && flash.range.start === quote.start && flash.range.end === quote.end)
        data['flash'] = flash.pulse
      return { layer: QUOTE_LAYER, start: quote.start, end: quote.end, id: String(index), data }
    })
}
