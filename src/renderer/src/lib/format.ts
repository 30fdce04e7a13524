/**
 * How the library's metadata reads on screen. Months are spelled from a fixed table rather than
 * `Intl`, whose short month names differ between ICU versions ("Sep" vs "Sept").
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `2019-11-19` → `19 Nov 2019`; anything that is not an ISO date is shown as it is. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return iso
  const [, year, month, day] = match
  const name = MONTHS[Number(month) - 1]
  const dayNumber = Number(day)
  if (!name || dayNumber < 1 || dayNumber > 31) return iso
  return `${dayNumber} ${name} ${year}`
}

/** `4` → `4 min read`; a very short article still reads as one minute, not zero. */
export function formatReadingTime(minutes: number): string {
  return `${Math.max(1, Math.round(minutes))} min read`
}

/** The byline under an article or a result: source · date · reading time, skipping what is unknown. */
export function metaLine(parts: MetaSource): string {
  return metaParts(parts).join(' · ')
}

/** The pieces `metaLine` joins, for a byline that sets each apart in its own direction. */
export function metaParts(parts: MetaSource): string[] {
  const pieces = [
    parts.author ? `By ${parts.author}` : null,
    parts.source,
    parts.date === null ? null : formatDate(parts.date)
  ]
  if (parts.readingMinutes !== undefined) pieces.push(formatReadingTime(parts.readingMinutes))
  return pieces.filter((piece): piece is string => piece !== null && piece !== '')
}

interface MetaSource {
  author?: string | null
  source: string | null
  date: string | null
  readingMinutes?: number
}

/** `1` → `1 match`, `7` → `7 matches`. */
export function formatMatchCount(count: number): string {
  return count === 1 ? '1 match' : `${count} matches`
}

/** `1, 'note'` → `1 note`, `1234, 'note'` → `1,234 notes`; `many` for irregular plurals. */
export function formatCount(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`
}
