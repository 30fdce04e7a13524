import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/content/parse-article'
import { LiveSearch } from '@shared/search/live-search'
import { SearchEngine } from '@shared/search/lunr-engine'
import { SegmentedIndex } from '@shared/search/index-segments'
import { toIndexedDocument } from '@shared/search/search-service'

const article = (id: string, title: string, body: string) =>
  parseArticle(id, `---\ntitle: ${title}\n---\n\n${body}\n`)

const base = [
  article(
    'ferry',
    'Ferry strike',
    'The ferry crews walked out over pay. “We stay out,” said Kim Lee.'
  ),
  article('harvest', 'Harvest fair', 'The fair sold out of bread and apples by noon.'),
  article(
    'council',
    'Council vote',
    'The council voted on the harbour budget and the ferry timetable.'
  )
]
const added = article(
  'lamp',
  'Lighthouse lamp',
  'The old lamp of the lighthouse was lit again. “It shines,” said Ana Ruiz.'
)

describe('SegmentedIndex', () => {
  it('scores a word’s rarity over both segments, as one index over everything does', () => {
    const segmented = new SegmentedIndex(SearchEngine.build(base.map(toIndexedDocument)))
    segmented.update([toIndexedDocument(added)], [])
    const whole = SearchEngine.build([...base, added].map(toIndexedDocument))
    const clauses = [{ term: 'lamp', kind: 'exact' as const }]
    const [ours] = segmented.search(clauses)
    const [reference] = whole.search(clauses)
    expect(ours!.id).toBe('lamp')
    // Same idf; the length normalisation is each segment's own, so scores are close, not equal.
    expect(ours!.score).toBeCloseTo(reference!.score, 0)
    expect(segmented.ids[ours!.doc]).toBe('lamp')
  })

  it('leaves removed articles of the base out', () => {
    const segmented = new SegmentedIndex(SearchEngine.build(base.map(toIndexedDocument)))
    segmented.update([], ['ferry'])
    expect(segmented.search([{ term: 'ferri', kind: 'exact' }]).map((hit) => hit.id)).toEqual([
      'council'
    ])
  })

  it('merges segments like a binary counter: few segments, the same documents found', () => {
    const documents = base.map(toIndexedDocument)
    const segmented = new SegmentedIndex(SearchEngine.build(documents))
    const more = Array.from({ length: 12 }, (_, i) =>
      toIndexedDocument(article(`extra-${i}`, `Extra ${i}`, `The ferry ran ${i} times.`))
    )
    const counts: number[] = []
    for (const document of more) {
      segmented.update([document], [], (ids) => documents.filter((d) => ids.includes(d.id)))
      counts.push(segmented.segmentCount)
    }
    expect(Math.max(...counts)).toBeLessThanOrEqual(4)
    // 3 + 12 documents: the library's index merged in once the imports outgrew it.
    expect(segmented.size).toBe(15)
    const found = segmented.search([{ term: 'ferri', kind: 'exact' }]).map((hit) => hit.id)
    expect(found.sort()).toEqual(['council', 'ferry', ...more.map((d) => d.id)].sort())
  })
})

describe('LiveSearch', () => {
  it('finds an added article and its quotations at once, and nothing of it once removed', () => {
    const search = new LiveSearch(base, SearchEngine.build(base.map(toIndexedDocument)))
    search.update([added], [])
    expect(search.search('"lit again"').results.map((r) => r.articleId)).toEqual(['lamp'])
    expect(search.search('speaker:ruiz').results.map((r) => [r.kind, r.articleId])).toEqual([
      ['quote', 'lamp']
    ])
    expect(search.matches('lamp', 'lamp')).not.toEqual([])
    search.update([], ['lamp', 'ferry'])
    expect(search.search('lamp').results).toEqual([])
    expect(search.search('speaker:kim').results).toEqual([])
  })

  it('leaves out an excluded word found in any segment, and not in a replaced copy', () => {
    const search = new LiveSearch(base, SearchEngine.build(base.map(toIndexedDocument)))
    search.update([article('pier', 'Pier', 'The ferry pier was lit again.')], [])
    // The council's new text no longer names the timetable its old copy did.
    search.update([article('council', 'Council vote', 'The council voted on the ferry.')], [])
    const ids = (query: string) =>
      search
        .search(query)
        .results.map((r) => r.articleId)
        .sort()
    expect(ids('ferry ')).toEqual(['council', 'ferry', 'pier'])
    expect(ids('ferry -lit ')).toEqual(['council', 'ferry'])
    expect(ids('ferry -timetable ')).toEqual(['council', 'ferry', 'pier'])
    expect(ids('ferry -crews ')).toEqual(['council', 'pier'])
  })

  it('replaces an edited article and forgets a removed one', () => {
    const search = new LiveSearch(base, SearchEngine.build(base.map(toIndexedDocument)))
    search.update(
      [added, article('harvest', 'Harvest fair', 'Rain closed the fair early.')],
      ['council']
    )
    expect(search.search('fair rain').results.map((r) => r.articleId)).toEqual(['harvest'])
    expect(search.search('apples').results).toEqual([])
    expect(search.search('budget').results).toEqual([])
  })

  it('highlights each result in its own text after an update renumbers the articles', () => {
    const search = new LiveSearch(base, SearchEngine.build(base.map(toIndexedDocument)))
    // Searched before the update, so whatever is remembered per article is in use.
    expect(search.search('fair ').results.map((r) => r.articleId)).toEqual(['harvest'])
    search.update(
      [added, article('harvest', 'Harvest fair', 'Rain closed the fair early.')],
      ['council']
    )
    for (const [query, word] of [
      ['lamp ', 'lamp'],
      ['fair ', 'fair'],
      ['ferry ', 'ferry']
    ] as const)
      for (const result of search.search(query).results) {
        expect(result.matchCount).toBeGreaterThan(0)
        const [first] = result.snippet.highlights
        expect(result.snippet.text.slice(first!.start, first!.end).toLowerCase()).toBe(word)
      }
  })
})
