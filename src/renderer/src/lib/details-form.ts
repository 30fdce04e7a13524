/**
 * The "Edit details" form of an imported article: its fields as typed, checked with messages a
 * person can act on, and turned into the `library:edit` request (an emptied field clears it).
 */
import type { ArticleDetails } from '@shared/ipc/contract'
import type { ArticleSummary } from '@shared/model/article'
import { webLinkTarget } from '@shared/content/link-target'

export const DETAIL_FIELDS = ['title', 'author', 'source', 'date', 'language', 'url'] as const
export type DetailField = (typeof DETAIL_FIELDS)[number]
export type DetailsForm = Record<DetailField, string>
export type DetailErrors = Partial<Record<DetailField, string>>

/** Longer than any real headline; the limit keeps the library list readable. */
const MAX_TITLE = 300
const MAX_FIELD = 200

export function formOf(article: ArticleSummary): DetailsForm {
  return {
    title: article.title,
    author: article.author ?? '',
    source: article.source ?? '',
    date: article.date ?? '',
    language: article.language ?? '',
    url: article.url ?? ''
  }
}

/** What is wrong with each field, if anything. */
export function checkDetails(form: DetailsForm): DetailErrors {
  const errors: DetailErrors = {}
  const title = form.title.trim()
  if (title === '') errors.title = 'An article needs a title.'
  else if (title.length > MAX_TITLE) errors.title = `Keep the title under ${MAX_TITLE} characters.`
  for (const field of ['author', 'source'] as const) {
    if (form[field].trim().length > MAX_FIELD) {
      errors[field] = `Keep this under ${MAX_FIELD} characters.`
    }
  }
  const date = form.date.trim()
  if (date !== '' && !isRealDate(date)) {
    errors.date = 'Write the date as year-month-day, e.g. 2024-03-09.'
  }
  const language = form.language.trim()
  if (language !== '' && !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(language)) {
    errors.language = 'Use a language code such as en, fr or pt-BR.'
  }
  const url = form.url.trim()
  if (url !== '' && !/^https?:/i.test(webLinkTarget(url) ?? '')) {
    errors.url = 'Use a full web address starting with http:// or https://.'
  }
  return errors
}

function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return false
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}

/** The fields that differ from `article`, as `library:edit` takes them. */
export function changedDetails(form: DetailsForm, article: ArticleSummary): ArticleDetails {
  const before = formOf(article)
  const details: ArticleDetails = {}
  for (const field of DETAIL_FIELDS) {
    const value = form[field].trim()
    if (value === before[field]) continue
    if (field === 'title') details.title = value
    else details[field] = value === '' ? null : value
  }
  return details
}
