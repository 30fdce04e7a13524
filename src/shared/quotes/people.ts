/**
 * The cast of an article: the people, organisations and places it names, each under the name it
 * first gives in full, with every later mention ("Esper", "Kim Kye Gwan's") tied back to it.
 * Attribution asks the cast to turn what stands in a speaker's place (a name, a pronoun, "the
 * statement", "a senior adviser to Kim") into that canonical name.
 */
import { genderOfGivenName } from './given-names'
import {
  continuesName,
  CAPITALISED_FUNCTION_WORDS,
  CLAUSE_BOUNDARIES,
  PREPOSITIONS,
  DETERMINERS,
  GENDERED_NOUNS,
  HONORIFIC_GENDER,
  PLACE_WORDS,
  PRONOUN_GENDER,
  SPEECH_VERBS,
  SPOKESPERSON_HEADS,
  STATEMENT_HEADS,
  TITLE_MODIFIERS,
  TITLES,
  UNNAMED_MODIFIERS
} from './lexicon'
import {
  classify,
  CONNECTORS,
  endsWith,
  headOf,
  isAcronym,
  isOrganisationWord,
  keyOf,
  normaliseWord,
  organisationFromModifiers,
  startsWith,
  stripTitles,
  tidyPhrase,
  type EntityKind
} from './names'
import { rank } from './pronoun-ranker'
import { looksLikeHeadline } from './speaker-check'
import { rangeIndexAt, type Range } from './sentences'
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

/** Something that spoke: who, where, in which paragraph and sentence (for salience). */
export interface SpeechEvent {
  /** The speaker's canonical name. */
  name: string
  /** The cast member, when the speaker is one (an unnamed "official" is not). */
  entity: Entity | null
  at: number
  paragraph: number
  sentence: number
}

/** What a pronoun must not resolve to: names inside the words being attributed. */
export interface PronounContext {
  /** Offsets whose mentions are excluded (the reported content of the same sentence). */
  exclude?: Range
  history: SpeechEvent[]
}

/** Apposition heads that make the named thing an organisation ("Pellham Lettings, the agency"). */
const ORGANISATION_APPOSITIONS = new Set(
  `agency company firm group charity organisation organization business union association club
  body regulator council ministry department bank insurer retailer broadcaster newspaper
  publisher landlord developer operator consultancy partnership cooperative society trust
  institute`.split(/\s+/)
)

/** Prepositions after which a lone capitalised word names a place ("in Millbrook"). */
const PLACE_PREPOSITIONS = new Set([
  'in',
  'at',
  'from',
  'near',
  'outside',
  'across',
  'around',
  'to',
  'into'
])

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

/** Abbreviated titles, as the role noun a later description uses ("Sen. Cruz" … "the senator"). */
const ROLE_OF_ABBREVIATION: Record<string, string> = {
  gov: 'governor',
  sen: 'senator',
  rep: 'representative congressman congresswoman lawmaker',
  gen: 'general',
  lt: 'lieutenant',
  col: 'colonel',
  capt: 'captain',
  sgt: 'sergeant',
  adm: 'admiral',
  maj: 'major',
  prof: 'professor',
  dr: 'doctor',
  rev: 'reverend',
  pres: 'president'
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

/** How many paragraphs back an earlier speaker still counts for a pronoun. */
const SPEAKER_MEMORY = 4

/** How far back (in characters) "the statement" looks for the statement it refers to. */
const STATEMENT_REACH = 2500

interface Run {
  tokens: Token[]
  sentence: number
  /** The run opens its sentence, so its capital letter may be only the sentence's. */
  sentenceInitial: boolean
  quoted: boolean
  titleCase: boolean
}

/**
 * Finds the cast of `text`. `quoteRanges` are the quotation spans (names inside them are
 * mentions but never pronoun antecedents); sentences and paragraphs come from sentences.ts.
 */
export class Cast {
  readonly entities: Entity[] = []
  readonly mentions: Mention[] = []
  private readonly byKey = new Map<string, Entity>()
  private readonly byFirstWord = new Map<string, Entity[]>()
  private readonly byLastWord = new Map<string, Entity[]>()
  private readonly byWordBeforeOf = new Map<string, Entity[]>()
  private readonly mentionStarts = new Map<Entity, number[]>()
  private readonly byRoleWord = new Map<string, Entity[]>()
  private readonly statementOwners = new Map<number, string | null>()

  constructor(
    private readonly text: string,
    private readonly sentences: Range[],
    private readonly paragraphs: Range[],
    quoteRanges: Range[],
    private readonly tokens: TokenIndex
  ) {
    const runs = this.findRuns(quoteRanges)
    // Full names first, so a surname mentioned before the full name still finds it.
    for (const run of runs) if (!run.titleCase) this.introduce(run, false)
    for (const run of runs) this.introduce(run, true)
    this.mentions.sort((a, b) => a.start - b.start)
    this.markSubjects()
    this.mentions.forEach((mention, index) => {
      if (this.personAfterRole(index)) mention.modifier = true
    })
    this.readAppositions()
    this.inferGenders()
    for (const entity of this.entities) {
      for (const role of entity.roles) {
        const list = this.byRoleWord.get(role) ?? []
        list.push(entity)
        this.byRoleWord.set(role, list)
      }
    }
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
   * Resolves a descriptive phrase ("the statement", "a senior adviser to Kim", "an unnamed
   * foreign ministry spokesman") to a canonical speaker, or returns the phrase tidied when the
   * article never names who it is.
   */
  byDescription(phrase: Token[], at: number): string | null {
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
      this.organisationByHead(head.token.lower, at) ??
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
    const entity = this.lookup(run, run[0]!.start)
    if (entity)
      return entity.kind === 'organisation' || entity.kind === 'other' ? entity.name : null
    return classify(run, []) === 'organisation' ? run.map((t) => t.text).join(' ') : null
  }

  /**
   * Resolves a third-person pronoun at `at` to the most salient entity of the right kind:
   * who spoke last, who is the subject of recent sentences, who was named most recently.
   */
  byPronoun(pronoun: string, at: number, context: PronounContext): Entity | null {
    const wanted = PRONOUN_GENDER[pronoun.toLowerCase()]
    if (!wanted) return null
    const sentence = rangeIndexAt(this.sentences, at)
    const paragraph = rangeIndexAt(this.paragraphs, at)
    // Two paragraphs back, and never more than a dozen sentences: salience fades fast.
    const windowStart = Math.max(
      this.paragraphs[Math.max(0, paragraph - 2)]![0],
      this.sentences[Math.max(0, sentence - 12)]![0],
      at - 4000
    )
    const signals = new Map<Entity, Signals>()
    const signalsOf = (entity: Entity): Signals => {
      let found = signals.get(entity)
      if (!found) {
        found = {
          mentions: 0,
          possessive: 0,
          nearness: 0,
          subjectNearness: 0,
          sameSentence: 0,
          sameParagraph: 0,
          lastSpeaker: 0,
          earlierSpeaker: 0,
          oblique: 0,
          latestOblique: 0
        }
        signals.set(entity, found)
      }
      return found
    }
    const { exclude } = context
    const topic = this.paragraphTopic(paragraph, at)
    for (const mention of this.mentionsBetween(windowStart, at)) {
      if (mention.quoted || mention.modifier) continue
      if (exclude && mention.start >= exclude[0] && mention.end <= exclude[1]) continue
      if (kindFit(mention.entity, wanted) === 0) continue
      const distance = sentence - mention.sentence
      const s = signalsOf(mention.entity)
      s.mentions++
      if (mention.possessive) s.possessive++
      if (mention.oblique) s.oblique++
      s.latestOblique = mention.oblique ? 1 : 0
      s.nearness = Math.max(s.nearness, 1 / (1 + distance))
      if (mention.subject) s.subjectNearness = Math.max(s.subjectNearness, 1 / (1 + distance))
      if (distance === 0) s.sameSentence = 1
      if (mention.start >= this.paragraphs[paragraph]![0]) s.sameParagraph = 1
    }
    // Whoever spoke last is who a following "he said" most often means (news convention)…
    let recent: SpeechEvent | undefined
    for (let i = context.history.length - 1; i >= 0 && !recent; i--) {
      if (context.history[i]!.at < at) recent = context.history[i]
    }
    // …unless someone else of the same kind has since become the subject of a sentence
    // ("Ferreira saw it differently. '…,' he said").
    const interrupted =
      recent &&
      this.mentionsBetween(Math.max(recent.at, windowStart), at).some(
        (m) =>
          m.subject &&
          !m.quoted &&
          m.entity !== recent.entity &&
          kindFit(m.entity, wanted) >= 0.6 &&
          !(exclude && m.start >= exclude[0] && m.end <= exclude[1])
      )
    if (recent?.entity && paragraph - recent.paragraph <= 1 && kindFit(recent.entity, wanted) > 0)
      signalsOf(recent.entity).lastSpeaker = interrupted ? 2 : 1
    // Earlier speakers stay in play for a few paragraphs, fading: a profile's subject is
    // "she" long after her name was last written.
    for (let i = context.history.length - 1; i >= 0; i--) {
      const event = context.history[i]!
      if (event.at >= at || !event.entity) continue
      const distance = paragraph - event.paragraph
      if (distance > SPEAKER_MEMORY) break
      if (kindFit(event.entity, wanted) === 0) continue
      const s = signalsOf(event.entity)
      s.earlierSpeaker = Math.max(s.earlierSpeaker, 1 / (1 + distance))
    }
    const counts = wanted === 'm' || wanted === 'f' ? this.namedCounts(wanted, at) : null
    const mostNamed = counts ? bestOf(counts) : null
    // Nobody nearer fits: the person of that gender the article names most.
    if (mostNamed && signals.size === 0) signalsOf(mostNamed)
    const candidates = [...signals].map(([entity, s]) => ({
      item: entity,
      features: [
        s.mentions > 0 ? 1 : 0,
        s.nearness,
        s.subjectNearness,
        s.mentions > 0 && s.possessive === s.mentions ? 1 : 0,
        Math.log1p(s.mentions),
        s.sameSentence,
        s.sameParagraph,
        s.lastSpeaker === 1 ? 1 : 0,
        s.lastSpeaker === 2 ? 1 : 0,
        s.earlierSpeaker,
        kindFit(entity, wanted) === 1 ? 1 : 0,
        kindFit(entity, wanted) < 1 ? 1 : 0,
        Math.log1p(counts?.get(entity) ?? 0),
        entity === mostNamed ? 1 : 0,
        s.mentions > 0 && s.oblique === s.mentions ? 1 : 0,
        s.latestOblique,
        entity === topic ? 1 : 0
      ]
    }))
    return rank(at, candidates)
  }

  /**
   * Who the paragraph holding `at` is about: the subject of its first sentence that names
   * someone (before `at`), or of the paragraph before when it names no one before `at`.
   */
  private paragraphTopic(paragraph: number, at: number): Entity | null {
    for (let p = paragraph; p >= Math.max(0, paragraph - 1); p--) {
      const [start, end] = this.paragraphs[p]!
      // Bounded like the pronoun's window: a 1 MB paragraph costs no more than a short one.
      const subject = this.mentionsBetween(Math.max(start, at - 4000), Math.min(end, at)).find(
        (m) => m.subject && !m.quoted
      )
      if (subject) return subject.entity
    }
    return null
  }

  /** How often each person of that gender is named before `at` (outside quotations). */
  private namedCounts(gender: Gender, at: number): Map<Entity, number> {
    const counts = new Map<Entity, number>()
    for (const mention of this.mentions) {
      if (mention.start >= at) break
      if (mention.quoted || mention.entity.gender !== gender) continue
      counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1)
    }
    return counts
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

  // --- building the cast ---

  private findRuns(quoteRanges: Range[]): Run[] {
    const runs: Run[] = []
    const quoted = (offset: number): boolean => {
      const index = rangeIndexAt(quoteRanges, offset)
      const range = quoteRanges[index]
      return range !== undefined && offset > range[0] && offset < range[1]
    }
    this.sentences.forEach(([start, end], sentence) => {
      const tokens = this.tokens.between(start, end)
      const words = tokens.filter((t) => !t.punct)
      // A headline in title case: no closing full stop, and every word longer than a short
      // function word capitalised.
      const titleCase =
        words.length >= 4 &&
        !/[.;]["'”’)]*$/.test(this.text.slice(start, end)) &&
        words.filter((t) => t.capital).length / words.length >= 0.6 &&
        words.every((t) => t.capital || t.text.length <= 4 || /^\P{L}/u.test(t.text))
      let current: Token[] = []
      let runStart = 0
      const flush = (): void => {
        while (current.length > 0 && CONNECTORS.has(current[current.length - 1]!.lower))
          current.pop()
        if (current.length > 0) {
          runs.push({
            tokens: current,
            sentence,
            sentenceInitial: runStart === 0,
            quoted: quoted(current[0]!.start),
            titleCase
          })
        }
        current = []
      }
      tokens.forEach((token, index) => {
        const isName = !token.punct && token.capital && /\p{L}/u.test(token.text)
        const joins =
          !token.punct &&
          current.length > 0 &&
          continuesName(token.lower, current[current.length - 1]!.text) &&
          // "Tomás de la Cruz": a particle may follow another before the name goes on.
          (tokens[index + 1]?.capital ||
            (continuesName(tokens[index + 1]?.lower ?? '', token.text) &&
              tokens[index + 2]?.capital))
        if (isName || joins) {
          if (current.length === 0) runStart = index
          // A quotation mark between two capitalised words separates them.
          const previous = current[current.length - 1]
          if (previous && /["“”‘’']/.test(this.text.slice(previous.end, token.start))) flush()
          if (current.length === 0) runStart = index
          current.push(token)
          // "Growers’ Association", "People’s Republic": a possessive inside a name.
          const next = tokens[index + 1]
          const joinsName =
            next !== undefined &&
            next.capital &&
            !next.punct &&
            (isOrganisationWord(next) || PLACE_WORDS.has(next.lower) || next.lower === 'republic')
          if (token.possessive && !joinsName) flush()
        } else flush()
      })
      flush()
    })
    return runs
  }

  /** Registers one run: full names on the first pass, single words and title case on the second. */
  private introduce(run: Run, secondPass: boolean): void {
    let tokens = run.tokens
    while (
      tokens.length > 0 &&
      CAPITALISED_FUNCTION_WORDS.has(tokens[0]!.lower.replace(/\.$/, ''))
    ) {
      if (HONORIFIC_GENDER[tokens[0]!.lower]) break
      tokens = tokens.slice(1)
    }
    if (tokens.length === 0) return
    const { titles, rest } = stripTitles(tokens)
    // "Mr. Chairman", "the President": a title alone names no one.
    if (rest.length === 0 || rest.every((t) => TITLES.has(t.lower))) return
    const multi = rest.length > 1 || isOrganisationWord(rest[0]!) || isAcronym(rest[0]!)
    if (!secondPass && !multi) return
    if (secondPass && multi && !run.titleCase) return
    let entity: Entity | null
    if (run.titleCase) {
      // Headlines capitalise every word: only names the body already introduced count.
      for (const token of rest) {
        const found = this.lookup([token], token.start)
        if (found) this.addMention(found, [token], run)
      }
      return
    }
    if (secondPass) {
      entity = this.lookup(rest, rest[0]!.start)
      if (!entity) {
        // A capitalised word opening a sentence is only a name if the article uses it as one
        // elsewhere; otherwise it is an ordinary word that happens to come first.
        if (run.sentenceInitial && rest[0] === run.tokens[0]) return
        entity = this.create(rest, titles)
      }
    } else {
      entity = this.byKey.get(keyOf(rest)) ?? this.create(rest, titles)
    }
    for (const title of titles) {
      const role = title.lower.replace(/\.$/, '')
      for (const word of (ROLE_OF_ABBREVIATION[role] ?? role).split(' ')) entity.roles.add(word)
      const gender = HONORIFIC_GENDER[title.lower] ?? GENDERED_NOUNS[title.lower]
      if (gender && !entity.gender) entity.gender = gender
    }
    this.addMention(entity, rest, run)
  }

  private create(rest: Token[], titles: Token[]): Entity {
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

  private addMention(entity: Entity, tokens: Token[], run: Run): void {
    const last = tokens[tokens.length - 1]!
    const starts = this.mentionStarts.get(entity) ?? []
    starts.push(tokens[0]!.start)
    this.mentionStarts.set(entity, starts)
    this.mentions.push({
      entity,
      start: tokens[0]!.start,
      end: last.end,
      sentence: run.sentence,
      subject: false,
      possessive: last.possessive,
      quoted: run.quoted,
      oblique: OBLIQUE_BEFORE.has(
        this.tokens.between(Math.max(0, tokens[0]!.start - 20), tokens[0]!.start).at(-1)?.lower ??
          ''
      ),
      modifier: false
    })
  }

  /**
   * Finds the entity a name refers to: the same full name, or for one word a person whose
   * surname or given name it is (the most recently mentioned, when several share it).
   */
  private lookup(tokens: Token[], at: number): Entity | null {
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

  /** Of several entities, the one mentioned last before `at` (else the first introduced). */
  private mostRecent(candidates: Entity[], at: number): Entity | null {
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

  /**
   * `Washington Post columnist Michael Gerson`, `Clinton's top aide Jake Sullivan`,
   * `Democratic candidate Hillary Clinton`: a body, a possessive or a modifier, then a role of
   * a few lowercase words, then the person; the person is the one the sentence is about.
   */
  private personAfterRole(index: number): Mention | null {
    const mention = this.mentions[index]!
    // A person's name as a modifier ("Obama consultant Cornell Belcher") only before a
    // title-like noun: after a name, a lowercase word is more often a verb ("Cruz beat Kasich").
    const person = mention.entity.kind === 'person' && !mention.possessive
    const next = this.mentions[index + 1]
    if (!next || next.sentence !== mention.sentence || next.quoted) return null
    if (next.entity.kind !== 'person') return null
    const gap = this.text.slice(mention.end, next.start).trim().split(/\s+/)
    const role = (word: string): boolean =>
      /^[a-z][a-z-]*$/.test(word) &&
      !/(?:ed|[^s]s)$/.test(word) &&
      !SPEECH_VERBS.has(word) &&
      !DETERMINERS.has(word) &&
      !PREPOSITIONS.has(word) &&
      !CLAUSE_BOUNDARIES.has(word)
    if (person && !(TITLES.has(gap[gap.length - 1]!) && gap.length <= 3)) return null
    return gap.length <= 4 && gap.every(role) ? next : null
  }

  /**
   * The first name in each sentence is taken for its subject, after an opening phrase or
   * clause ("In Millbrook, Dana Whitlock watched…": Whitlock, not Millbrook).
   */
  private markSubjects(): void {
    let lastSentence = -1
    let marked = false
    let clauseEnd = -1
    for (const [index, mention] of this.mentions.entries()) {
      if (mention.quoted) continue
      if (mention.sentence !== lastSentence) {
        lastSentence = mention.sentence
        marked = false
        const [start, end] = this.sentences[mention.sentence]!
        const opening = /^\W*(\p{L}+)/u.exec(this.text.slice(start, start + 40))?.[1]?.toLowerCase()
        const opens =
          opening !== undefined &&
          (PREPOSITIONS.has(opening) ||
            CLAUSE_BOUNDARIES.has(opening) ||
            /(?:ed|ing)$/.test(opening))
        const comma = opens ? this.text.slice(start, Math.min(end, start + 300)).indexOf(',') : -1
        clauseEnd = comma >= 0 ? start + comma : -1
      }
      if (marked || mention.start < clauseEnd) continue
      ;(this.personAfterRole(index) ?? mention).subject = true
      marked = true
    }
    // A sentence whose only names sit in its opening clause has those for subject after all.
    let sentence = -1
    let any = false
    for (let i = 0; i <= this.mentions.length; i++) {
      const mention = this.mentions[i]
      if (!mention || mention.sentence !== sentence) {
        if (!any && sentence >= 0) {
          const first = this.mentions.find((m) => m.sentence === sentence && !m.quoted)
          if (first) first.subject = true
        }
        if (!mention) break
        sentence = mention.sentence
        any = false
      }
      if (mention.subject) any = true
    }
  }

  /** "Kim Kye Gwan, a veteran diplomat and Foreign Ministry adviser," gives Kim his roles. */
  private readAppositions(): void {
    // A word the article makes a sentence's subject ("Rubio wrote") is not a place, whatever
    // preposition it follows elsewhere ("tying the bill to Rubio").
    const subjects = new Set(this.mentions.filter((m) => m.subject).map((m) => m.entity))
    for (const mention of this.mentions) {
      // "Keller Structural Engineering, which said": a relative "which" follows things, not people.
      if (
        !mention.possessive &&
        mention.entity.kind !== 'place' &&
        /^,\s+which\b/.test(this.text.slice(mention.end, mention.end + 8))
      )
        mention.entity.kind = 'organisation'
      const before = this.tokens.between(Math.max(0, mention.start - 80), mention.start)
      const previous = before[before.length - 1]?.lower ?? ''
      // "In Millbrook", "near Lindfield": a single word after a preposition of place is a place.
      if (
        mention.entity.kind === 'other' &&
        mention.entity.words.length === 1 &&
        PLACE_PREPOSITIONS.has(previous) &&
        !subjects.has(mention.entity)
      )
        mention.entity.kind = 'place'
      // "Harwick Foods lowered its forecast": named, then "its" at once, is an organisation.
      if (
        !mention.possessive &&
        (mention.entity.kind === 'person' || mention.entity.kind === 'other') &&
        mention.entity.roles.size === 0 &&
        !genderOfGivenName(mention.entity.words[0]!) &&
        this.text.slice(mention.end, mention.end + 40).includes(' its ') &&
        /^\s+(?:[\p{L}-]+\s+){0,2}its\b/u.test(this.text.slice(mention.end, mention.end + 60))
      )
        mention.entity.kind = 'organisation'
      if (mention.possessive || mention.entity.kind !== 'person') continue
      const after = this.text.slice(mention.end, mention.end + 160)
      // An apposition names a role when it opens with a determiner or a title
      // ("Smith, the mayor,", "Haas, a senior fellow"), not any clause after a comma.
      const apposition =
        /^,\s+(?:(a|an|the|his|her|its|their)\s+)?([^,.;:"“”]{2,120}?)(?:[,.;:]|$)/.exec(after)
      const firstWord = apposition?.[2]!.split(' ')[0]!.toLowerCase() ?? ''
      if (apposition && (apposition[1] || TITLES.has(firstWord) || TITLE_MODIFIERS.has(firstWord)))
        this.addRoles(mention.entity, apposition[2]!)
      const followedByComma = this.text[mention.end] === ','
      const last = before[before.length - 1]
      if (last?.text === ',' && followedByComma) {
        // "Its chair, Denise Achebe,", "The letting agency, Pellham Lettings,": the role first.
        const determiner = before.findLastIndex(
          (t, k) => k >= before.length - 6 && (DETERMINERS.has(t.lower) || t.possessive)
        )
        const role = before.slice(determiner + 1, -1)
        if (determiner >= 0 && role.length > 0 && role.every((t) => !t.punct))
          this.addRoles(mention.entity, role.map((t) => t.text).join(' '))
      } else {
        // "spokeswoman Jane Doe", "senior fellow Ann Lee": titles written in lowercase.
        const kept: string[] = []
        for (let k = before.length - 1; k >= 0 && kept.length < 3; k--) {
          const word = before[k]!.lower
          if (
            TITLES.has(word) ||
            TITLE_MODIFIERS.has(word) ||
            GENDERED_NOUNS[word] ||
            word === 'fellow'
          )
            kept.unshift(word)
          else break
        }
        if (kept.length > 0) this.addRoles(mention.entity, kept.join(' '))
      }
    }
  }

  private addRoles(entity: Entity, phrase: string): void {
    const words = phrase
      .toLowerCase()
      .split(/[^\p{L}-]+/u)
      .filter((word) => word.length > 0)
    // "Pellham Lettings, the letting agency": an apposition headed by an organisation word.
    if (
      entity.kind !== 'place' &&
      words.length <= 4 &&
      ORGANISATION_APPOSITIONS.has(words[words.length - 1] ?? '')
    )
      entity.kind = 'organisation'
    for (const word of words) {
      if (word.length < 2 || DETERMINERS.has(word)) continue
      entity.roles.add(word)
      const gender = GENDERED_NOUNS[word]
      if (gender && !entity.gender) entity.gender = gender
    }
  }

  /**
   * Gender from, in order: honorific or gendered title (already read), a given name, then the
   * article's own pronouns right after sentences where the entity is the only person named.
   */
  private inferGenders(): void {
    const votes = new Map<Entity, { m: number; f: number }>()
    const bySentence = new Map<number, Mention[]>()
    for (const mention of this.mentions) {
      if (mention.quoted) continue
      const list = bySentence.get(mention.sentence) ?? []
      list.push(mention)
      bySentence.set(mention.sentence, list)
    }
    for (const [sentence, mentions] of bySentence) {
      const people = new Set(
        mentions
          .filter((m) => m.entity.kind !== 'organisation' && m.entity.kind !== 'place')
          .map((m) => m.entity)
      )
      if (people.size !== 1) continue
      const [entity] = people
      const next = this.sentences[sentence + 1]
      // The next sentence speaks of the same person only when it names no one else; and a
      // pronoun attributing a quotation there is what this is meant to help resolve, not a cue.
      const nextPeople = bySentence
        .get(sentence + 1)
        ?.filter((m) => m.entity.kind === 'person' && m.entity !== entity)
      const nextQuotes = next !== undefined && /["“”‘’]/.test(this.text.slice(next[0], next[1]))
      const start = mentions.find((m) => m.entity === entity)!.end
      const end =
        next && !nextPeople?.length && !nextQuotes ? next[1] : this.sentences[sentence]![1]
      const tally = votes.get(entity!) ?? { m: 0, f: 0 }
      // A pronoun before the name ("she said, … Derek Lowe, came to her door") shows someone
      // else of that gender is about: later pronouns of that gender prove nothing.
      const earlier = this.text.slice(this.sentences[sentence]![0], start)
      const taken = {
        m: /\b(?:he|him|his)\b/i.test(earlier),
        f: /\b(?:she|her|hers)\b/i.test(earlier)
      }
      for (const match of this.text.slice(start, end).matchAll(/\b(he|him|his|she|her|hers)\b/gi)) {
        const gender = PRONOUN_GENDER[match[1]!.toLowerCase()]
        if (gender === 'm' && !taken.m) tally.m++
        else if (gender === 'f' && !taken.f) tally.f++
      }
      votes.set(entity!, tally)
    }
    for (const entity of this.entities) {
      if (entity.kind !== 'person' && entity.kind !== 'other') continue
      if (entity.gender) continue
      const given =
        entity.words.length > 1 || entity.kind === 'other'
          ? genderOfGivenName(entity.words[0]!)
          : null
      if (given) {
        entity.gender = given
        // "Larry, a retired welder, said": a given name alone is a person.
        entity.kind = 'person'
        continue
      }
      const tally = votes.get(entity)
      if (tally && tally.m !== tally.f && Math.max(tally.m, tally.f) >= 1) {
        entity.gender = tally.m > tally.f ? 'm' : 'f'
        if (entity.kind === 'other') entity.kind = 'person'
      }
    }
  }

  // --- descriptions ---

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
      const entity = this.byName(
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
      return this.byDescription(words, words[0]!.start)
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
      const entity = this.byName(
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
      const organisation = this.organisationByHead(word.lower, word.start)
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
    const names = this.mentionsBetween(Math.max(sentence[0], headAt - 200), headAt).filter(
      (m) => !m.quoted
    )
    return names.length > 0 && subject.length > 0 ? names[0]!.entity.name : null
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

  /** The organisation named most recently before `at` ("The company said" after "Harwick Foods"). */
  private lastOrganisation(at: number): Entity | null {
    const before = this.mentionsBetween(Math.max(0, at - STATEMENT_REACH), at)
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
    const recent = this.mostRecent(candidates, at)
    return [...candidates].sort(
      (a, b) => overlap(b) - overlap(a) || (b === recent ? 1 : 0) - (a === recent ? 1 : 0)
    )[0]!
  }
}

/** What byPronoun gathers about one candidate before the ranker scores it. */
interface Signals {
  mentions: number
  possessive: number
  nearness: number
  subjectNearness: number
  sameSentence: number
  sameParagraph: number
  /** 1: spoke last; 2: spoke last, but someone else has since been a sentence's subject. */
  lastSpeaker: number
  earlierSpeaker: number
  oblique: number
  /** The latest mention in the window is oblique. */
  latestOblique: number
}

/** The entity counted most (the first seen on a tie). */
function bestOf(counts: Map<Entity, number>): Entity | null {
  let best: Entity | null = null
  for (const [entity, count] of counts) if (!best || count > counts.get(best)!) best = entity
  return best
}

/** Whether an entity can be what a pronoun of this kind points at, and how well (0–1). */
function kindFit(entity: Entity, wanted: 'm' | 'f' | 'n' | 'p'): number {
  if (wanted === 'n') return entity.kind === 'organisation' || entity.kind === 'place' ? 1 : 0
  if (wanted === 'p') return entity.kind === 'organisation' || entity.kind === 'place' ? 1 : 0.3
  if (entity.kind === 'organisation' || entity.kind === 'place') return 0
  if (entity.gender === wanted) return 1
  // Unknown gender fits, but less well than a known match: "she" prefers a known woman.
  if (entity.gender === null)
    return entity.kind === 'person' ? 0.6 : entity.words.length > 1 ? 0.45 : 0
  return 0
}

/** A generation after a name (`Robert P. Casey Jr.`): a later "Casey" is still that person. */
const GENERATIONS = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv'])

function withoutSuffix(words: string[]): string[] {
  return words.length > 2 && GENERATIONS.has(words[words.length - 1]!) ? words.slice(0, -1) : words
}
