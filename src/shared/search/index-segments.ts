/**
 * Search over an index that grows without being rebuilt. lunr indexes are immutable, so the
 * library's index (the shipped or built one) stays as it is, the first segment, and each change
 * adds a small segment of its own (one imported article: milliseconds to build). Segments merge
 * like a binary counter: a new segment as large as the one before it is merged with it, so an
 * article is rebuilt O(log n) times over its life and the segments stay few. A merge is the
 * compaction; it runs in the index worker, on the update that calls for it, and costs the size
 * of the segments merged (the library's index only once the imports outgrow it). A removed or
 * replaced article is a tombstone in its segment, dropped at the segment's next merge.
 * Every segment scores with the whole collection's statistics, so a word's rarity, and with it a
 * result's rank, is the same as one index over everything would give (length normalisation
 * stays each segment's own: a small, second-order difference).
 */
import {
  SearchEngine,
  type CollectionStats,
  type EngineClause,
  type EngineHit,
  type IndexedDocument
} from './lunr-engine'
import { concatHits, filterHits, type HitList } from './hit-list'

/** What the article provider needs of an index: one engine, or segments that act as one. */
export interface SearchIndex {
  search(clauses: readonly EngineClause[], options?: { ordered?: boolean }): EngineHit[]
  /** `search`'s hits, unordered, as parallel arrays (hit-list.ts). */
  hitList(clauses: readonly EngineClause[]): HitList
  readonly ids: readonly string[]
  readonly size: number
  warm(): void
}

interface Segment {
  engine: SearchEngine
  /** The documents, to rebuild the segment when it merges; null for the library's own index. */
  docs: Map<string, IndexedDocument> | null
  removed: Set<string>
}

export class SegmentedIndex implements SearchIndex {
  private readonly segments: Segment[]
  /** Which segment holds each live document. */
  private readonly holder = new Map<string, Segment>()
  private allIds: string[] = []

  constructor(base: SearchEngine) {
    this.segments = [{ engine: base, docs: null, removed: new Set() }]
    for (const id of base.ids) this.holder.set(id, this.segments[0]!)
    this.allIds = [...base.ids]
  }

  get ids(): readonly string[] {
    return this.allIds
  }

  get size(): number {
    return this.allIds.length
  }

  /** How many segments there are (the library's index counts as one). */
  get segmentCount(): number {
    return this.segments.length
  }

  warm(): void {
    for (const segment of this.segments) segment.engine.warm()
  }

  /**
   * Adds (or replaces, by id) documents and removes others: one new segment, then merges.
   * `documentsOf` gives the library's own documents if its index must merge (rarely).
   */
  update(
    added: readonly IndexedDocument[],
    removedIds: readonly string[],
    documentsOf: (ids: readonly string[]) => IndexedDocument[] = () => []
  ): void {
    for (const id of [...removedIds, ...added.map((document) => document.id)]) {
      const segment = this.holder.get(id)
      if (!segment) continue
      segment.removed.add(id)
      this.holder.delete(id)
    }
    if (added.length > 0) {
      const docs = new Map(added.map((document) => [document.id, document]))
      this.push({ engine: SearchEngine.build(docs.values()), docs, removed: new Set() })
    }
    while (this.segments.length > 1) {
      const last = this.segments[this.segments.length - 1]!
      const before = this.segments[this.segments.length - 2]!
      if (live(before) > live(last)) break
      this.segments.splice(-2, 2)
      const docs = new Map<string, IndexedDocument>()
      for (const segment of [before, last]) {
        const own = segment.docs ? [...segment.docs.values()] : documentsOf(segment.engine.ids)
        for (const document of own)
          if (!segment.removed.has(document.id)) docs.set(document.id, document)
      }
      this.push({ engine: SearchEngine.build(docs.values()), docs, removed: new Set() })
    }
    this.allIds = this.segments.flatMap((segment) => segment.engine.ids)
  }

  search(clauses: readonly EngineClause[], { ordered = true } = {}): EngineHit[] {
    const list = this.hitList(clauses)
    const hits: EngineHit[] = []
    for (let i = 0; i < list.length; i++) {
      const doc = list.docs[i]!
      hits.push({ id: this.allIds[doc]!, doc, score: list.scores[i]!, matched: list.matched[i]! })
    }
    return ordered ? hits.sort((a, b) => b.score - a.score) : hits
  }

  hitList(clauses: readonly EngineClause[]): HitList {
    const [only] = this.segments
    if (this.segments.length === 1 && only!.removed.size === 0) return only!.engine.hitList(clauses)
    const stats: CollectionStats = {
      documents: this.holder.size,
      postings: (term) => this.segments.reduce((sum, s) => sum + s.engine.postingCount(term), 0)
    }
    const lists: { hits: HitList; offset: number }[] = []
    let offset = 0
    for (const segment of this.segments) {
      const { engine, removed } = segment
      const found = engine.hitList(clauses, stats)
      const kept = (i: number) => !removed.has(engine.ids[found.docs[i]!]!)
      lists.push({ hits: removed.size > 0 ? filterHits(found, kept) : found, offset })
      offset += engine.size
    }
    return concatHits(lists)
  }

  private push(segment: Segment): void {
    this.segments.push(segment)
    for (const id of segment.engine.ids) this.holder.set(id, segment)
  }
}

const live = (segment: Segment) => segment.engine.size - segment.removed.size
