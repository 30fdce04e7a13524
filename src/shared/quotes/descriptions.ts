/**
 * Who a descriptive phrase standing in a speaker's place is: "the statement" (its author),
 * "a spokesman" (the body he speaks for), "the council" (the council named), "a senior adviser
 * to Kim" (the person given that role), or the phrase itself when the article never says.
 */
import type { Entity, EntityRegistry } from './entity-registry'
import {
  continuesName,
  CLAUSE_BOUNDARIES,
  DETERMINERS,
  SPOKESPERSON_HEADS,
  STATEMENT_HEADS,
  UNNAMED_MODIFIERS
} from './lexicon'
import {
  classify,
  CONNECTORS,
  headOf,
  organisationFromModifiers,
  stripTitles,
  tidyPhrase
} from './names'
import { rangeIndexAt, type Range } from './sentences'
import type { Token, TokenIndex } from './tokens'

/** Nouns that stand for whichever organisation the article is about ("the company said"). */
const GENERIC_ORGANISATIONS = new Set([
  'company',
  'firm',
  'group',
  'business',
  'retailer',
  'organisation',
  'organization',
  'charity',
  'agency',
  'carrier',
  'airline',
  'manufacturer',
  'supermarket',
  'chain',
  'lender',
  'insurer'
])

/** How far back (in characters) "the statement" looks for the statement it refers to. */
const STATEMENT_REACH = 2500

export class DescriptionResolver {
  private readonly byRoleWord = new Map<string, Entity[]>()
  private readonly statementOwners = new Map<number, string | null>()

  /** Reads the entities' roles as they stand: build it once the cast is complete. */
  constructor(
    private readonly text: string,
    private readonly sentences: Range[],
    private readonly tokens: TokenIndex,
    private readonly registry: EntityRegistry
  ) {
    for (const entity of registry.entities) {
      for (const role of entity.roles) {
        const list = this.byRoleWord.get(role) ?? []
        list.push(entity)
        this.byRoleWord.set(role, list)
      }
    }
  }

  /**
   * Resolves a descriptive phrase ("the statement", "a senior adviser to Kim", "an unnamed
   * foreign ministry spokesman") to a canonical speaker, or returns the phrase tidied when the
   * article never names who it is.
   */
  resolve(phrase: Token[], at: number): string | null {
    const words = phrase.filter((t) => !t.punct)
    if (words.length === 0) return null
    const head = headOf(words)
    if (!head) return null
    if (STATEMENT_HEADS.has(head.token.lower)) {
      const owner =
        this.ownerWithin(words, head.index) ??
        this.namedAuthor(words, head.index) ??
        this.statementAuthor(head.token.lower, at)
      if (owner) return owner
    }
    if (SPOKESPERSON_HEADS.has(head.token.lower) || head.token.lower === 'official') {
      // "a spokesperson said" with no body named: the organisation the passage is about.
      const organisation =
        this.ownerWithin(words, head.index) ??
        organisationFromModifiers(words, head.index) ??
        (SPOKESPERSON_HEADS.has(head.token.lower) ? this.lastOrganisation(at)?.name : null)
      if (organisation) return organisation
    }
    const organisation =
      this.registry.organisationByHead(head.token.lower, at) ??
      (GENERIC_ORGANISATIONS.has(head.token.lower) ? this.lastOrganisation(at) : null)
    if (organisation) return organisation.name
    const matched = this.byRole(head.token.lower, words, at)
    if (matched) return matched.name
    const owner = this.ownerWithin(words, head.index)
    if (owner && STATEMENT_HEADS.has(head.token.lower)) return owner
    return tidyPhrase(this.text.slice(words[0]!.start, words[words.length - 1]!.end))
  }

  /**
   * "a Pentagon readout", "a 1996 FEC advisory opinion", "an Associated Press account": a
   * document whose author is the body named among its modifiers.
   */
  private namedAuthor(words: Token[], headIndex: number): string | null {
    let end = headIndex
    while (end > 0 && !words[end - 1]!.capital) end--
    let start = end
    while (start > 0 && words[start - 1]!.capital && !words[start - 1]!.possessive) start--
    // "a Feb. 1 letter": a date is no author; the determiner is no part of the name.
    if (start < end && DETERMINERS.has(words[start]!.lower)) start++
    if (start >= end || !/^[\p{L}&-]+$/u.test(words[end - 1]!.text)) return null
    const run = words.slice(start, end)
    const entity = this.registry.lookup(run, run[0]!.start)
    if (entity)
      return entity.kind === 'organisation' || entity.kind === 'other' ? entity.name : null
    return classify(run, []) === 'organisation' ? run.map((t) => t.text).join(' ') : null
  }

  /** "the country's State Affairs Commission", "Kim Kye Gwan's statement": the named owner. */
  private ownerWithin(words: Token[], headIndex: number): string | null {
    const after = words.slice(headIndex + 1)
    const by = after.findIndex(
      (t) => t.lower === 'by' || t.lower === 'from' || t.lower === 'for' || t.lower === 'of'
    )
    if (by >= 0) {
      const rest = after.slice(by + 1)
      const resolved = this.nameOrDescription(rest)
      if (resolved) return resolved
    }
    const before = words.slice(0, headIndex)
    const owner = before.findIndex((t) => t.possessive && t.capital)
    if (owner >= 0) {
      const start = before.slice(0, owner + 1)
      let i = start.length - 1
      while (i > 0 && (start[i - 1]!.capital || CONNECTORS.has(start[i - 1]!.lower))) i--
      const entity = this.registry.byName(
        this.text.slice(start[i]!.start, start[owner]!.start + start[owner]!.text.length),
        start[i]!.start
      )
      if (entity) return entity.name
    }
    return null
  }

  private nameOrDescription(phrase: Token[]): string | null {
    // The noun phrase ends where a verb or clause begins ("… spokesman published in …").
    const end = phrase.findIndex(
      (t, i) =>
        i > 0 &&
        !t.capital &&
        (CLAUSE_BOUNDARIES.has(t.lower) ||
          (/ed$/.test(t.lower) &&
            !UNNAMED_MODIFIERS.has(t.lower) &&
            !DETERMINERS.has(phrase[i - 1]!.lower)))
    )
    const words = end < 0 ? phrase : phrase.slice(0, end)
    if (words.length === 0) return null
    const capitals = words.filter((t) => t.capital || CONNECTORS.has(t.lower))
    const head = headOf(words)
    if (head && SPOKESPERSON_HEADS.has(head.token.lower)) {
      return this.resolve(words, words[0]!.start)
    }
    const first = words.findIndex((t) => t.capital)
    // Connectors alone ("of the") name nobody: a name needs a capitalised word to start at.
    if (capitals.length > 0 && first >= 0) {
      let last = first
      while (
        last + 1 < words.length &&
        (words[last + 1]!.capital || continuesName(words[last + 1]!.lower, words[last]!.text))
      )
        last++
      const slice = words.slice(first, last + 1)
      const entity = this.registry.byName(
        this.text.slice(
          slice[0]!.start,
          slice[slice.length - 1]!.start + slice[slice.length - 1]!.text.length
        ),
        slice[0]!.start
      )
      if (entity) return entity.name
      return (
        stripTitles(slice)
          .rest.map((t) => t.text)
          .join(' ') || null
      )
    }
    // "the council's leisure department": the organisation the owner or head word names.
    for (const word of [...words.filter((t) => t.possessive), ...words.slice().reverse()]) {
      const organisation = this.registry.organisationByHead(word.lower, word.start)
      if (organisation) return organisation.name
    }
    return null
  }

  /**
   * The author of the statement mentioned most recently before `at`: "a statement released by
   * X", "X's statement", "X said in a statement", "the statement by X".
   */
  private statementAuthor(head: string, at: number): string | null {
    const offset = Math.max(0, at - STATEMENT_REACH)
    // The same word: "the statement" points back at "a statement", not at "statements".
    const pattern = new RegExp(`\\b${head}\\b`, 'gi')
    const hits = [...this.text.slice(offset, at).matchAll(pattern)]
    // The nearest few mentions only: an author is named where the statement is introduced.
    for (const hit of hits.slice(-8).reverse()) {
      const headAt = offset + hit.index!
      let owner = this.statementOwners.get(headAt)
      if (owner === undefined) {
        owner = this.ownerOfStatementAt(headAt)
        this.statementOwners.set(headAt, owner)
      }
      if (owner) return owner
    }
    return null
  }

  /** Who the statement mentioned at `headAt` belongs to, from the words around it. */
  private ownerOfStatementAt(headAt: number): string | null {
    const sentence = this.sentences[rangeIndexAt(this.sentences, headAt)]!
    const tokens = this.tokens.between(
      Math.max(sentence[0], headAt - 200),
      Math.min(sentence[1], headAt + 200)
    )
    const headIndex = tokens.findIndex((t) => t.start === headAt)
    if (headIndex < 0) return null
    // "X's statement", "a statement by X": read the phrase around the head word.
    let from = headIndex
    while (from > 0 && !tokens[from - 1]!.punct && headIndex - from < 6) from--
    let to = headIndex + 1
    while (to < tokens.length && !tokens[to]!.punct && to - headIndex < 10) to++
    const owner = this.ownerWithin(tokens.slice(from, to), headIndex - from)
    if (owner) return owner
    // "X said in a statement", "X issued a statement".
    const subject = tokens.slice(0, headIndex).filter((t) => !t.punct)
    const names = this.registry
      .mentionsBetween(Math.max(sentence[0], headAt - 200), headAt)
      .filter((m) => !m.quoted)
    return names.length > 0 && subject.length > 0 ? names[0]!.entity.name : null
  }

  /** The organisation named most recently before `at` ("The company said" after "Harwick Foods"). */
  private lastOrganisation(at: number): Entity | null {
    const before = this.registry.mentionsBetween(Math.max(0, at - STATEMENT_REACH), at)
    for (let i = before.length - 1; i >= 0; i--) {
      if (before[i]!.entity.kind === 'organisation' && !before[i]!.quoted) return before[i]!.entity
    }
    return null
  }

  /** A person whose title or apposition holds the head noun ("adviser", "minister"). */
  private byRole(head: string, words: Token[], at: number): Entity | null {
    const candidates = this.byRoleWord.get(head) ?? []
    if (candidates.length <= 1) return candidates[0] ?? null
    // "an adviser to Kim" among several advisers: the one whose roles share the most words.
    const wordsLower = new Set(words.map((t) => t.lower))
    const overlap = (e: Entity): number => [...e.roles].filter((r) => wordsLower.has(r)).length
    const recent = this.registry.mostRecent(candidates, at)
    return [...candidates].sort(
      (a, b) => overlap(b) - overlap(a) || (b === recent ? 1 : 0) - (a === recent ? 1 : 0)
    )[0]!
  }
}
