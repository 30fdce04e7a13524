/** How a list of search results is summed up above it: "2 articles · 3 quotes". */
import type { SearchResult, SearchResultKind } from '@shared/model/search'

const NAMES: Record<SearchResultKind, [string, string]> = {
  article: ['article', 'articles'],
  quote: ['quote', 'quotes'],
  note: ['note', 'notes']
}

/** Each kind present, in the order articles, quotes, notes, with its count. */
export function describeResultCounts(results: readonly Pick<SearchResult, 'kind'>[]): string {
  const counts = new Map<SearchResultKind, number>()
  for (const result of results) counts.set(result.kind, (counts.get(result.kind) ?? 0) + 1)
  return (Object.keys(NAMES) as SearchResultKind[])
    .filter((kind) => counts.has(kind))
    .map((kind) => {
      const count = counts.get(kind)!
      return `${count} ${NAMES[kind][count === 1 ? 0 : 1]}`
    })
    .join(' · ')
}
