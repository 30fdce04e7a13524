/**
 * The people, organisations and places an article names, and every place it names them,
 * indexed by their name words so that a later surname, given name or "the council" finds the
 * entity first named in full.
 */
import { CAPITALISED_FUNCTION_WORDS, PREPOSITIONS, SPEECH_VERBS } from './lexicon'
import {
  classify,
  CONNECTORS,
  endsWith,
  keyOf,
  normaliseWord,
  startsWith,
  stripTitles,
  type EntityKind
} from './names'
import { looksLikeHeadline } from './speaker-check'
import { tokenize, type Token, type TokenIndex } from './tokens'

export type Gender = 'm' | 'f'
export type { EntityKind } from './names'

/** Someone or something the article names. */
export interface Entity {
  /** The canonical name: the fullest form, as the article first writes it. */
  name: string
  kind: EntityKind
  gender: Gender | null
  /** Lowercase words of titles and appositions ("defense", "secretary", "adviser"). */
  roles: Set<string>
  /** Lowercase name words, for matching a later surname or given name. */
  words: string[]
}

/** One place where the article names an entity. */
export interface Mention {
  entity: Entity
  start: number
  end: number
  sentence: number
  /** The first entity named in its sentence (outside quotations): the likely subject. */
  subject: boolean
  possessive: boolean
  /** Inside a quotation: someone spoken about, not a candidate for "he said". */
  quoted: boolean
  /** After a preposition ("a letter to Kim"): an oblique mention, seldom what "he" means. */
  oblique: boolean
  /** A body or owner before a role and a person ("Obama adviser Jo Ames"): a modifier. */
  modifier: boolean
}

/** Words after which a name is an oblique mention (the object of a preposition). */
const OBLIQUE_BEFORE = new Set([
  ...PREPOSITIONS,
  'against',
  'than',
  'like',
  'toward',
  'towards',
  'under',
  'between',
  'among',
  'behind'
])

/** A generation after a name (`Robert P. Casey Jr.`): a later "Casey" is still that person. */
const GENERATIONS = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv'])

export class EntityRegistry {
  readonly entities: Entity[] = []
  /** In order of start once `sortMentions` has run. */
  readonly mentions: Mention[] = []
  private readonly byKey = new Map<string, Entity>()
  private readonly byFirstWord = new Map<string, Entity[]>()
  private readonly byLastWord = new Map<string, Entity[]>()
  private readonly byWordBeforeOf = new Map<string, Entity[]>()
  private readonly mentionStarts = new Map<Entity, number[]>()

  constructor(
    private readonly text: string,
    private readonly tokens: TokenIndex
  ) {}

  /** The entity registered under exactly this full name, if any. */
  withName(tokens: Token[]): Entity | undefined {
    return this.byKey.get(keyOf(tokens))
  }

  /** Registers a new entity named by `rest` (its titles, stripped, help tell its kind). */
  create(rest: Token[], titles: Token[]): Entity {
    const name = this.text.slice(
      rest[0]!.start,
      rest[rest.length - 1]!.start + rest[rest.length - 1]!.text.length
    )
    const entity: Entity = {
      name: name.replace(/\s+/g, ' '),
      kind: classify(rest, titles),
      gender: null,
      roles: new Set(),
      words: withoutSuffix(rest.map(normaliseWord))
    }
    this.entities.push(entity)
    this.byKey.set(keyOf(rest), entity)
    const of = entity.words.indexOf('of')
    for (const [index, word] of [
      [this.byFirstWord, entity.words[0]!],
      [this.byLastWord, entity.words[entity.words.length - 1]!],
      ...(of > 0 ? [[this.byWordBeforeOf, entity.words[of - 1]!] as const] : [])
    ] as const) {
      const list = index.get(word) ?? []
      list.push(entity)
      index.set(word, list)
    }
    return entity
  }

  /** Records that `tokens`, in sentence `sentence`, name `entity`. */
  addMention(entity: Entity, tokens: Token[], sentence: number, quoted: boolean): void {
    const last = tokens[tokens.length - 1]!
    const starts = this.mentionStarts.get(entity) ?? []
    starts.push(tokens[0]!.start)
    this.mentionStarts.set(entity, starts)
    this.mentions.push({
      entity,
      start: tokens[0]!.start,
      end: last.end,
      sentence,
      subject: false,
      possessive: last.possessive,
      quoted,
      oblique: OBLIQUE_BEFORE.has(
        this.tokens.between(Math.max(0, tokens[0]!.start - 20), tokens[0]!.start).at(-1)?.lower ??
          ''
      ),
      modifier: false
    })
  }

  sortMentions(): void {
    this.mentions.sort((a, b) => a.start - b.start)
  }

  /** The entity a name written at `at` refers to (a full name, a surname, an organisation). */
  byName(surface: string, at: number): Entity | null {
    let tokens = tokenize(surface, 0, surface.length).filter(
      (t) => !t.punct && (t.capital || CONNECTORS.has(t.lower))
    )
    while (tokens.length > 1 && CAPITALISED_FUNCTION_WORDS.has(tokens[0]!.lower))
      tokens = tokens.slice(1)
    const { rest } = stripTitles(tokens)
    // "Later Esper", "Singer Paul Kerrigan": a word the article does not use as part of a name
    // may have come along from the start of the sentence.
    const whole = this.lookup(rest, at)
    if (whole) return whole
    // "Bill Richardson of New Mexico", "Joel Pollak of Breitbart California": the person
    // before "of", not the place or body after it (a whole name like "Bank of America" was
    // found above).
    const of = rest.findIndex((t, i) => i > 0 && t.lower === 'of')
    for (let from = 0; from < of; from++) {
      const found = this.lookup(rest.slice(from, of), at)
      if (found?.kind === 'person') return found
    }
    for (let from = 1; from < rest.length; from++) {
      const found = this.lookup(rest.slice(from), at)
      if (found) return found
    }
    return null
  }

  /**
   * Finds the entity a name refers to: the same full name, or for one word a person whose
   * surname or given name it is (the most recently mentioned, when several share it).
   */
  lookup(tokens: Token[], at: number): Entity | null {
    const exact = this.byKey.get(keyOf(tokens))
    if (exact) return exact
    const words = tokens.map(normaliseWord)
    const fits = (entity: Entity): boolean =>
      entity.words.length > words.length &&
      // "Trump" is not the headline's "Paul Ryan With Trump", nor "Continued Stone".
      !looksLikeHeadline(entity.name) &&
      !SPEECH_VERBS.has(entity.words[0]!)
    // A surname first: "Trump" is Donald Trump before "Trump Tower Grill" or "Sanders Iowa",
    // whichever was named last. A name's first word stands for it only for a person.
    const bySurname = (this.byLastWord.get(words[words.length - 1]!) ?? []).filter(
      (entity) => fits(entity) && endsWith(entity.words, words)
    )
    if (bySurname.length > 0) return this.mostRecent(bySurname, at)
    const byGiven = (this.byFirstWord.get(words[0]!) ?? []).filter(
      (entity) => fits(entity) && startsWith(entity.words, words) && entity.kind === 'person'
    )
    return this.mostRecent(byGiven, at)
  }

  /**
   * "the council", "the club": an organisation whose name ends in that word, the one named
   * most recently before `at` (or first, when the description comes before the name).
   */
  organisationByHead(head: string, at: number): Entity | null {
    // The head of "Harbury District Council" is its last word; of "Department of Health", the
    // word before "of".
    const candidates = [
      ...(this.byLastWord.get(head) ?? []),
      ...(this.byWordBeforeOf.get(head) ?? [])
    ].filter((e) => e.kind === 'organisation')
    return this.mostRecent(candidates, at)
  }

  /** Of several entities, the one mentioned last before `at` (else the first introduced). */
  mostRecent(candidates: Entity[], at: number): Entity | null {
    if (candidates.length <= 1) return candidates[0] ?? null
    let best: Entity | null = null
    let bestAt = -1
    for (const entity of candidates) {
      for (const start of this.mentionStarts.get(entity) ?? []) {
        if (start < at && start > bestAt) {
          best = entity
          bestAt = start
        }
      }
    }
    return best ?? candidates[0]!
  }

  /** Mentions starting in [from, to), in order. */
  mentionsBetween(from: number, to: number): Mention[] {
    let low = 0
    let high = this.mentions.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (this.mentions[mid]!.start < from) low = mid + 1
      else high = mid
    }
    const found: Mention[] = []
    for (let i = low; i < this.mentions.length && this.mentions[i]!.start < to; i++)
      found.push(this.mentions[i]!)
    return found
  }
}

function withoutSuffix(words: string[]): string[] {
  return words.length > 2 && GENERATIONS.has(words[words.length - 1]!) ? words.slice(0, -1) : words
}
