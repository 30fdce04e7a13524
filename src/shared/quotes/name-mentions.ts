/**
 * Finding the names an article writes: runs of capitalised words in each sentence, registered
 * as entities and mentions in two passes (full names first, so that a surname written before
 * its full name still finds it).
 */
import type { Entity, EntityRegistry } from './entity-registry'
import {
  continuesName,
  CAPITALISED_FUNCTION_WORDS,
  GENDERED_NOUNS,
  HONORIFIC_GENDER,
  PLACE_WORDS,
  TITLES
} from './lexicon'
import { CONNECTORS, isAcronym, isOrganisationWord, stripTitles } from './names'
import { rangeIndexAt, type Range } from './sentences'
import type { Token, TokenIndex } from './tokens'

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

/** Capitalised words in a row: a name, or a title and a name, or a headline's words. */
export interface NameRun {
  tokens: Token[]
  sentence: number
  /** The run opens its sentence, so its capital letter may be only the sentence's. */
  sentenceInitial: boolean
  quoted: boolean
  titleCase: boolean
}

/**
 * Registers every name in `text` with `registry`. `quoteRanges` are the quotation spans (names
 * inside them are mentions, marked quoted). Leaves the mentions in the order found.
 */
export function registerNames(
  registry: EntityRegistry,
  text: string,
  sentences: Range[],
  tokens: TokenIndex,
  quoteRanges: Range[]
): void {
  const runs = findNameRuns(text, sentences, tokens, quoteRanges)
  for (const run of runs) if (!run.titleCase) introduce(registry, run, false)
  for (const run of runs) introduce(registry, run, true)
}

export function findNameRuns(
  text: string,
  sentences: Range[],
  tokenIndex: TokenIndex,
  quoteRanges: Range[]
): NameRun[] {
  const runs: NameRun[] = []
  const quoted = (offset: number): boolean => {
    const index = rangeIndexAt(quoteRanges, offset)
    const range = quoteRanges[index]
    return range !== undefined && offset > range[0] && offset < range[1]
  }
  sentences.forEach(([start, end], sentence) => {
    const tokens = tokenIndex.between(start, end)
    const words = tokens.filter((t) => !t.punct)
    // A headline in title case: no closing full stop, and every word longer than a short
    // function word capitalised.
    const titleCase =
      words.length >= 4 &&
      !/[.;]["'”’)]*$/.test(text.slice(start, end)) &&
      words.filter((t) => t.capital).length / words.length >= 0.6 &&
      words.every((t) => t.capital || t.text.length <= 4 || /^\P{L}/u.test(t.text))
    let current: Token[] = []
    let runStart = 0
    const flush = (): void => {
      while (current.length > 0 && CONNECTORS.has(current[current.length - 1]!.lower)) current.pop()
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
          (continuesName(tokens[index + 1]?.lower ?? '', token.text) && tokens[index + 2]?.capital))
      if (isName || joins) {
        if (current.length === 0) runStart = index
        // A quotation mark between two capitalised words separates them.
        const previous = current[current.length - 1]
        if (previous && /["“”‘’']/.test(text.slice(previous.end, token.start))) flush()
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
function introduce(registry: EntityRegistry, run: NameRun, secondPass: boolean): void {
  let tokens = run.tokens
  while (tokens.length > 0 && CAPITALISED_FUNCTION_WORDS.has(tokens[0]!.lower.replace(/\.$/, ''))) {
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
      const found = registry.lookup([token], token.start)
      if (found) registry.addMention(found, [token], run.sentence, run.quoted)
    }
    return
  }
  if (secondPass) {
    entity = registry.lookup(rest, rest[0]!.start)
    if (!entity) {
      // A capitalised word opening a sentence is only a name if the article uses it as one
      // elsewhere; otherwise it is an ordinary word that happens to come first.
      if (run.sentenceInitial && rest[0] === run.tokens[0]) return
      entity = registry.create(rest, titles)
    }
  } else {
    entity = registry.withName(rest) ?? registry.create(rest, titles)
  }
  for (const title of titles) {
    const role = title.lower.replace(/\.$/, '')
    for (const word of (ROLE_OF_ABBREVIATION[role] ?? role).split(' ')) entity.roles.add(word)
    const gender = HONORIFIC_GENDER[title.lower] ?? GENDERED_NOUNS[title.lower]
    if (gender && !entity.gender) entity.gender = gender
  }
  registry.addMention(entity, rest, run.sentence, run.quoted)
}
