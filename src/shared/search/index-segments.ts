/**
 * Search over an index that grows without being rebuilt. lunr indexes are immutable, so the
 * library's index (the shipped or built one, the "base") stays as it is and articles added
 * since go into a small second index, the delta, rebuilt whole on each change (it holds a few
 * articles: milliseconds). Articles removed from the base are tombstones, left out of results.
 * Both segments score with the whole collection's statistics, so a word's rarity, and with it
 * a result's rank, is the same as one index over everything would give (the length
 * normalisation stays each segment's own: a small, second-order difference). Once the delta or
 * the tombstones grow past COMPACT_AT, `compact` builds one base again, in the worker, when
 * it is idle.
 */
import {
  SearchEngine,
  type EngineClause,
  type EngineHit,
  type IndexedDocument
} from './lunr-engine'

/** What the article provider needs of an index: one engine, or segments that act as one. */
export interface SearchIndex {
  search(clauses: readonly EngineClause[], options?: { ordered?: boolean }): EngineHit[]
  readonly ids: readonly string[]
  readonly size: number
  warm(): void
}

/** Delta articles plus tombstones past which a compaction pays for itself. */
export const COMPACT_AT = 200

export class SegmentedIndex implements SearchIndex {
  private delta: SearchEngine | null = null
  private readonly deltaDocs = new Map<string, IndexedDocument>()
  private readonly removed = new Set<string>()
  private readonly baseIds: Set<string>
  private allIds: string[]

  constructor(private base: SearchEngine) {
    this.baseIds = new Set(base.ids)
    this.allIds = [...base.ids]
  }

  get ids(): readonly string[] {
    return this.allIds
  }

  get size(): number {
    return this.allIds.length
  }

  /** Documents searchable now: the base's, less tombstones, plus the delta's. */
  get documents(): number {
    return this.base.size - this.removed.size + this.deltaDocs.size
  }

  warm(): void {
    this.base.warm()
    this.delta?.warm()
  }

  /** Adds (or replaces) documents and removes others; only the delta is rebuilt. */
  update(added: readonly IndexedDocument[], removedIds: readonly string[]): void {
    for (const id of [...removedIds, ...added.map((document) => document.id)]) {
      if (this.deltaDocs.delete(id)) continue
      if (this.baseIds.has(id)) this.removed.add(id)
    }
    for (const document of added) this.deltaDocs.set(document.id, document)
    this.delta = this.deltaDocs.size > 0 ? SearchEngine.build(this.deltaDocs.values()) : null
    this.allIds = [...this.base.ids, ...(this.delta?.ids ?? [])]
  }

  /** Whether the delta and tombstones have grown enough to fold into a new base. */
  get wantsCompaction(): boolean {
    return this.deltaDocs.size + this.removed.size >= COMPACT_AT
  }

  /** One base over `documents` (every searchable article), built afresh; the delta empties. */
  compact(documents: Iterable<IndexedDocument>): void {
    this.base = SearchEngine.build(documents)
    this.baseIds.clear()
    for (const id of this.base.ids) this.baseIds.add(id)
    this.deltaDocs.clear()
    this.removed.clear()
    this.delta = null
    this.allIds = [...this.base.ids]
  }

  search(clauses: readonly EngineClause[], { ordered = true } = {}): EngineHit[] {
    const delta = this.delta
    if (!delta && this.removed.size === 0) return this.base.search(clauses, { ordered })
    const base = this.base
    const stats = {
      documents: this.documents,
      postings: (term: string) => base.postingCount(term) + (delta?.postingCount(term) ?? 0)
    }
    const hits = base.search(clauses, { stats, ordered: false })
    const kept = this.removed.size === 0 ? hits : hits.filter((hit) => !this.removed.has(hit.id))
    const offset = base.size
    if (delta)
      for (const hit of delta.search(clauses, { stats, ordered: false }))
        kept.push({ ...hit, doc: hit.doc + offset })
    return ordered ? kept.sort((a, b) => b.score - a.score) : kept
  }
}
