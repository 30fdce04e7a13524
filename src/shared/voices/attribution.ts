/**
 * A quotation as one cites it: `“…” — Speaker, in *Headline*, Source, 19 November 2019`.
 * Only what the article states goes in: a part it lacks (speaker, source, date) is left out,
 * never guessed. Plain text uses Markdown emphasis for the headline; the HTML twin uses <em>,
 * so a rich paste shows italics rather than asterisks.
 */
import type { Quote } from '../model/quote'

/** The article a quotation is cited from. */
export interface CitedArticle {
  title: string
  source: string | null
  date: string | null
}

export interface Attribution {
  text: string
  html: string
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]

/** `2019-11-19` → `19 November 2019`; anything else is shown as the article gives it. */
export function citationDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined
  const day = match ? Number(match[3]) : 0
  if (!match || !month || day < 1 || day > 31) return iso
  return `${day} ${month} ${match[1]}`
}

/**
 * The words of a quotation as they read on their own: a quote running over several paragraphs
 * becomes one line (each new paragraph's reopening mark dropped, as a quote on one line has
 * none), and the comma, colon or semicolon that led into the attribution (`"…," she said`) is
 * dropped, since it belongs to the article's sentence, not to the speaker's words.
 */
export function quotationWords(text: string): string {
  return text
    .replace(/\s*\n\s*["\u201C]?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[,;:]$/, '')
}

/** A quotation with its speaker and source, as plain text (Markdown) and as HTML. */
export function attribution(
  quote: Pick<Quote, 'text' | 'speaker'>,
  from: CitedArticle
): Attribution {
  const words = quotationWords(quote.text)
  const speaker = quote.speaker?.trim() || null
  const title = from.title.trim()
  const tail = [from.source?.trim() || null, from.date ? citationDate(from.date) : null].filter(
    (part): part is string => part !== null && part !== ''
  )

  const text = [
    `\u201C${words}\u201D`,
    speaker ? ` \u2014 ${speaker}, in ` : ', in ',
    `*${title.replace(/([\\*])/g, '\\$1')}*`,
    ...tail.map((part) => `, ${part}`)
  ].join('')
  const html = [
    `\u201C${escapeHtml(words)}\u201D`,
    speaker ? ` \u2014 ${escapeHtml(speaker)}, in ` : ', in ',
    `<em>${escapeHtml(title)}</em>`,
    ...tail.map((part) => `, ${escapeHtml(part)}`)
  ].join('')
  return { text, html }
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}
