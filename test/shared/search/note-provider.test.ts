import { describe, expect, it } from 'vitest'
import type { Annotation } from '@shared/model/annotation'
import type { SearchResponse, SearchResult } from '@shared/model/search'
import { NoteProvider, withNoteResults, type NoteEntry } from '@shared/search/note-provider'
import { parseQuery } from '@shared/search/query-parser'
import { rankScore } from '@shared/search/ranking'

const ARTICLE = { title: 'Talks in Hanoi', source: 'Wire Desk', date: '2019-02-28', author: null }

let counter = 0
function entry(
  passage: string | null,
  note: string,
  tags: string[] = [],
  article: NoteEntry['article'] = ARTICLE
): NoteEntry {
  counter++
  const annotation: Annotation = {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    articleId: 'summit-diary',
    kind: passage === null ? 'article-note' : 'highlight',
    target:
      passage === null
        ? null
        : {
            position: { type: 'TextPositionSelector', start: 100, end: 100 + passage.length },
            quote: { type: 'TextQuoteSelector', exact: passage, prefix: '', suffix: '' }
          },
    color: 'yellow',
    note,
    tags,
    created: '2025-01-01T00:00:00.000Z',
    updated: '2025-01-01T00:00:00.000Z'
  }
  return {
    annotation,
    anchor: passage === null ? null : { start: 140, end: 140 + passage.length },
    article
  }
}

const NOTES = {
  sanctions: entry('The talks stalled over sanctions relief.', 'Compare with *Singapore*.', [
    'diplomacy'
  ]),
  train: entry('Kim arrived by train after sixty hours.', 'A very long journey.', ['travel']),
  article: entry(null, 'Read this again before the next summit.', ['to-read']),
  elsewhere: entry('Markets barely moved.', 'Seoul shrugged.', [], {
    title: 'Markets in Seoul',
    source: 'The Paper',
    date: '2019-03-01',
    author: 'A. Writer'
  })
}

function search(raw: string, entries: NoteEntry[] = Object.values(NOTES), limit = 20) {
  return new NoteProvider(() => entries).search(parseQuery(raw), limit).results
}
const ids = (results: SearchResult[]) => results.map((r) => r.annotationId)

describe('NoteProvider', () => {
  it('finds notes by their text, their tags and the passage they highlight', () => {
    expect(ids(search('singapore'))).toEqual([NOTES.sanctions.annotation.id])
    expect(ids(search('travel '))).toEqual([NOTES.train.annotation.id])
    expect(ids(search('sixty '))).toEqual([NOTES.train.annotation.id])
  })

  it('reads words as article search does: stems, folding, prefixes', () => {
    expect(ids(search('journeys'))).toEqual([NOTES.train.annotation.id])
    expect(ids(search('SINGAPORE'))).toEqual([NOTES.sanctions.annotation.id])
    expect(ids(search('sing'))).toEqual([NOTES.sanctions.annotation.id])
  })

  it('honours phrases, exclusions and OR', () => {
    expect(ids(search('"sanctions relief"'))).toEqual([NOTES.sanctions.annotation.id])
    expect(search('"relief sanctions"')).toEqual([])
    expect(ids(search('talks -singapore'))).toEqual([])
    expect(ids(search('singapore OR journey')).sort()).toEqual(
      [NOTES.sanctions.annotation.id, NOTES.train.annotation.id].sort()
    )
    expect(search('singapore journey')).toEqual([])
  })

  it('reads title:, source: and author: in the note’s article, and plain words only in the note', () => {
    expect(ids(search('title:seoul'))).toEqual([NOTES.elsewhere.annotation.id])
    expect(ids(search('source:paper'))).toEqual([NOTES.elsewhere.annotation.id])
    expect(ids(search('author:writer'))).toEqual([NOTES.elsewhere.annotation.id])
    // "Hanoi" is only in the articles' titles, not in any note.
    expect(search('hanoi ')).toEqual([])
  })

  it('describes a result as a note that opens its article at the passage', () => {
    const [result] = search('singapore')
    expect(result).toEqual({
      kind: 'note',
      articleId: 'summit-diary',
      annotationId: NOTES.sanctions.annotation.id,
      title: 'Talks in Hanoi',
      source: 'Wire Desk',
      date: '2019-02-28',
      score: rankScore(0, 0, 1),
      snippet: { text: 'Compare with *Singapore*.', highlights: [{ start: 14, end: 23 }] },
      matchCount: 1,
      firstMatch: 140,
      passage: { start: 140, end: NOTES.sanctions.anchor!.end }
    })
    const articleNote = search('summit')[0]
    expect(articleNote).toMatchObject({
      annotationId: NOTES.article.annotation.id,
      firstMatch: 0
    })
    expect(articleNote).not.toHaveProperty('passage')
  })

  it('ranks a tag match as a title match, and a phrase above scattered words', () => {
    const tagged = entry(null, 'nothing here', ['harbour'])
    const written = entry(null, 'the harbour again')
    expect(ids(search('harbour ', [written, tagged]))).toEqual([
      tagged.annotation.id,
      written.annotation.id
    ])
    const adjacent = entry(null, 'sixty hours by train')
    const apart = entry(null, 'sixty people waited; the train came hours later, a long way off')
    expect(ids(search('sixty hours ', [apart, adjacent]))).toEqual([
      adjacent.annotation.id,
      apart.annotation.id
    ])
  })

  it('sees a note’s latest text', () => {
    const notes = [entry(null, 'first words')]
    const provider = new NoteProvider(() => notes)
    expect(provider.search(parseQuery('first '), 10).results).toHaveLength(1)
    notes[0] = {
      ...notes[0]!,
      annotation: {
        ...notes[0]!.annotation,
        note: 'second words',
        updated: '2025-02-01T00:00:00.000Z'
      }
    }
    expect(provider.search(parseQuery('first '), 10).results).toHaveLength(0)
    expect(provider.search(parseQuery('second '), 10).results).toHaveLength(1)
  })

  it('answers nothing for an empty query and respects the limit', () => {
    expect(search('')).toEqual([])
    expect(search('the ')).toEqual([])
    expect(search('talks OR journey OR summit OR markets', undefined, 2)).toHaveLength(2)
  })
})

describe('withNoteResults', () => {
  const result = (kind: 'article' | 'note', score: number, date: string | null = null) =>
    ({ kind, score, date, articleId: `${kind}-${score}` }) as SearchResult
  const response = (results: SearchResult[]): SearchResponse => ({
    query: 'q',
    results,
    fuzzy: false
  })

  it('merges by score, then date, and cuts to the limit', () => {
    const merged = withNoteResults(
      response([result('article', 9), result('article', 2)]),
      { results: [result('note', 4), result('note', 2, '2025-01-01')], fuzzy: false },
      3
    )
    expect(merged.results.map((r) => r.articleId)).toEqual(['article-9', 'note-4', 'note-2'])
  })

  it('leaves the response as it is when no note matched', () => {
    const articles = response([result('article', 1)])
    expect(withNoteResults(articles, { results: [], fuzzy: false }, 20)).toBe(articles)
  })
})
