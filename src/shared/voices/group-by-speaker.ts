/**
 * One article's quotations as the quotes panel lists them: direct quotations grouped by speaker
 * in the order each speaker is first heard, and the scare quotes (terms, titles, phrases in
 * quotation marks, with no speaker) apart.
 */
import type { Quote } from '../model/quote'
import { speakerKey } from './speaker-key'

/** A quotation and its index in the article's `quotes`. */
export interface QuoteEntry {
  index: number
  quote: Quote
}

export interface SpeakerGroup {
  /** As the article first names them. */
  speaker: string
  entries: QuoteEntry[]
}

export interface GroupedQuotes {
  speakers: SpeakerGroup[]
  scare: QuoteEntry[]
}

/**
 * Groups quotations by speaker (spellings compared as search compares words), each group and
 * each group's entries in reading order. A direct quotation the extractor could not attribute
 * is listed with the scare quotes rather than under an invented name.
 */
export function groupBySpeaker(quotes: readonly Quote[]): GroupedQuotes {
  const ordered = quotes
    .map((quote, index) => ({ quote, index }))
    .sort((a, b) => a.quote.start - b.quote.start || b.quote.end - a.quote.end)
  const groups = new Map<string, SpeakerGroup>()
  const scare: QuoteEntry[] = []
  for (const entry of ordered) {
    const speaker = entry.quote.kind === 'direct' ? entry.quote.speaker?.trim() : undefined
    const key = speaker ? speakerKey(speaker) : ''
    if (!speaker || key === '') {
      scare.push(entry)
      continue
    }
    const group = groups.get(key)
    if (group) group.entries.push(entry)
    else groups.set(key, { speaker, entries: [entry] })
  }
  return { speakers: [...groups.values()], scare }
}
