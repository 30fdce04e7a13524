/**
 * Quotation extraction (issue 4): every quotation in a text, whether it is someone's words
 * (`direct`) or a term held at arm's length (`scare`), and who said it. The pipeline:
 * marks.ts pairs the quotation marks; sentences.ts splits paragraphs and sentences; cast.ts
 * finds the cast; attribution.ts finds the speaker phrase for each quotation in document order,
 * so "he said" can lean on who spoke last; then quotes without a speaker of their own borrow one
 * from the sentence before (a quote standing alone after `…, she said.`) or from a quotation
 * that holds the same words (a headline quoting the body).
 */
import type { Quote } from '../model/quote'
import {
  attributionAfter,
  attributionBefore,
  attributionInSentence,
  speechInSentence,
  type Attribution,
  type QuoteSurroundings
} from './attribution'
import {
  CLAUSE_BOUNDARIES,
  DETERMINERS,
  PREPOSITIONS,
  SELF_PRONOUNS,
  SPEECH_VERBS,
  SUBJECT_PRONOUNS,
  VERB_MODIFIERS
} from './lexicon'
import { maskAffiliations } from './affiliations'
import { maskBoilerplate } from './boilerplate'
import { findMarkSpans, type MarkSpan } from './marks'
import { Cast } from './cast'
import type { Entity } from './entity-registry'
import type { SpeechEvent } from './pronoun-resolution'
import { plausibleSpeaker, TIME_WORDS } from './speaker-check'
import { rangeIndexAt, splitParagraphs, splitSentences, type Range } from './sentences'
import { TokenIndex, type Token } from './tokens'

export type { Quote } from '../model/quote'
export { QUOTE_RULES_VERSION } from './version'

/** How far (in characters) from a quotation its sentence is read, however long it runs. */
const WINDOW = 600
/**
 * Echoes are looked for among the first quotations without a speaker (headlines and
 * standfirsts come first) and the first attributed ones: enough for any article, and bounded
 * for a pathological text with tens of thousands of quotation marks.
 */
const ECHO_CANDIDATES = 100
const ECHO_SOURCES = 300

interface Verdict {
  kind: Quote['kind']
  speaker: string | null
  entity: Entity | null
}

/**
 * Every quotation in `text`, in order of start (a nested quote follows the quote holding it).
 * `start`/`end` include the marks (for a quotation its paragraph never closed, `end` is the
 * paragraph end); `text` is what stands between the outer marks. Never throws.
 */
export function extractQuotes(original: string): Quote[] {
  if (typeof original !== 'string' || original.length === 0) return []
  const unmasked = maskBoilerplate(original)
  const links = unmasked.links
  const text = maskAffiliations(unmasked.text)
  const paragraphs = splitParagraphs(text)
  const spans = withLinkQuotations(findMarkSpans(text, paragraphs), original, links)
  if (spans.length === 0) return []
  const sentences = splitSentences(text, paragraphs)
  const tokens = new TokenIndex(text)
  const inLink = (span: MarkSpan): boolean =>
    links.some(([start, end]) => span.start >= start && span.start < end)
  const top = spans.filter((span) => span.depth === 0 && !inLink(span))
  const quoteRanges = top.map((span): Range => [span.start, span.end])
  const cast = new Cast(text, sentences, paragraphs, quoteRanges, tokens)
  const reader = new Reader(text, tokens, paragraphs, sentences, top, cast)
  const verdicts = reader.readAll()
  const family = nestQuotes(spans)
  for (const span of spans) {
    const parent = family.parent.get(span)
    if (parent && !inLink(span))
      verdicts.set(span, reader.readNested(span, parent, family.children.get(parent)!))
  }
  borrowFromEchoes(text, top, family, verdicts, paragraphs)
  return spans.map((span) => {
    const verdict = verdicts.get(span) ?? { kind: 'scare', speaker: null, entity: null }
    return {
      start: span.start,
      end: span.end,
      text: original.slice(span.start + 1, span.closed ? span.end - 1 : span.end),
      kind: verdict.kind,
      speaker: verdict.kind === 'scare' ? null : verdict.speaker
    }
  })
}

/**
 * The quotations of link lines ("READ MORE: …"), which blanking removed, put back among the
 * others: they are listed (as titles, with no speaker) like every quotation in the text.
 */
function withLinkQuotations(spans: MarkSpan[], original: string, links: Range[]): MarkSpan[] {
  if (links.length === 0) return spans
  const linked = links.flatMap(([start, end]) =>
    findMarkSpans(original.slice(0, end), [[start, end]])
  )
  return [...spans, ...linked].sort((a, b) => a.start - b.start || b.end - a.end)
}

/** Reads the article in order, attributing each top-level quotation and noting who speaks. */
class Reader {
  private readonly history: SpeechEvent[] = []

  private readonly verdicts = new Map<MarkSpan, Verdict>()
  private readonly topIndex: Map<MarkSpan, number>

  constructor(
    private readonly text: string,
    private readonly tokens: TokenIndex,
    private readonly paragraphs: Range[],
    private readonly sentences: Range[],
    private readonly top: MarkSpan[],
    private readonly cast: Cast
  ) {
    this.topIndex = new Map(top.map((span, i) => [span, i]))
  }

  readAll(): Map<MarkSpan, Verdict> {
    const verdicts = this.verdicts
    let q = 0
    this.sentences.forEach((sentence, index) => {
      const inSentence: number[] = []
      while (q < this.top.length && this.top[q]!.start < sentence[1]) inSentence.push(q++)
      if (inSentence.length === 0) {
        // Skip sentences inside a quotation: their verbs are quoted words, not attribution.
        const holder = this.top[q - 1]
        if (holder && holder.end > sentence[0]) return
        this.noteSpeech(sentence, index)
        return
      }
      for (const i of inSentence) verdicts.set(this.top[i]!, this.readQuote(i))
    })
    return verdicts
  }

  /** A nested quote is someone's words only when the outer quotation attributes it. */
  readNested(span: MarkSpan, outer: MarkSpan, siblings: MarkSpan[]): Verdict {
    const inside: Range = [outer.start + 1, outer.end - 1]
    const surroundings = this.surroundings(span, inside, siblings, siblings.indexOf(span))
    const attribution =
      attributionAfter(surroundings) ??
      attributionBefore(surroundings) ??
      attributionInSentence(surroundings, true)
    if (!attribution) return { kind: 'scare', speaker: null, entity: null }
    const first = attribution.phrase[0]
    if (attribution.phrase.length === 1 && first && SELF_PRONOUNS.has(first.lower)) {
      // "I told him, 'No'": the outer speaker quoting their own words.
      const outerVerdict = this.verdicts.get(outer)
      return {
        kind: 'direct',
        speaker: outerVerdict?.speaker ?? null,
        entity: outerVerdict?.entity ?? null
      }
    }
    const resolved = this.resolve(attribution, span.start)
    return resolved.speaker
      ? { kind: 'direct', ...resolved }
      : { kind: 'scare', speaker: null, entity: null }
  }

  private readQuote(i: number): Verdict {
    const span = this.top[i]!
    const surroundings = this.surroundings(span, null, this.top, i)
    const headliner = this.headliner(span, surroundings.paragraph)
    if (headliner) return { kind: 'direct', speaker: headliner.name, entity: headliner }
    const term = isAttributiveTerm(this.text, span)
    const strong =
      attributionAfter(surroundings) ??
      attributionBefore(surroundings) ??
      (term ? null : attributionInSentence(surroundings, !surroundings.standalone))
    // A weaker reporting verb (praised, blamed) makes quoted words direct only with a speaker.
    const attribution =
      strong ??
      (term || surroundings.standalone ? null : attributionInSentence(surroundings, false))
    const paragraph = rangeIndexAt(this.paragraphs, span.start)
    const sentence = rangeIndexAt(this.sentences, span.start)
    if (attribution) {
      const resolved = this.resolve(attribution, span.start)
      if (resolved.speaker) {
        const phraseEnd = attribution.phrase[attribution.phrase.length - 1]?.end ?? 0
        const end = Math.max(span.end, phraseEnd)
        // Where the quotation and its attribution end: a quotation of several sentences or
        // paragraphs closing its paragraph still hands its voice to the next one.
        this.history.push({
          name: resolved.speaker,
          entity: resolved.entity,
          at: end,
          paragraph: rangeIndexAt(this.paragraphs, end - 1),
          sentence: rangeIndexAt(this.sentences, end - 1)
        })
        return { kind: 'direct', ...resolved }
      }
      // `"…," I confessed`, `he began by saying, "…"`: someone's words even when who is unclear.
      if (attribution === strong && (!attribution.noVerb || isSentence(this.text, span)))
        return { kind: 'direct', speaker: null, entity: null }
    }
    const previous = this.top[i - 1]
    const previousVerdict = previous && this.verdicts.get(previous)
    if (
      !surroundings.standalone &&
      previous &&
      previousVerdict?.speaker &&
      previous.end > surroundings.sentence[0] &&
      !hasSpeechVerb(this.text.slice(previous.end, span.start))
    ) {
      // `calling Biden a "rabid dog" who should be "beaten…"`: one speaker for the sentence.
      return { ...previousVerdict }
    }
    if (surroundings.standalone) {
      // `Cruz continued:` ending the paragraph before introduces a quotation set apart.
      const introduced = this.introducedByColon(surroundings, paragraph)
      if (introduced) {
        this.history.push({
          name: introduced.speaker!,
          entity: introduced.entity,
          at: span.end,
          paragraph,
          sentence
        })
        return introduced
      }
      // A quotation standing alone carries on the voice of the sentence before it.
      const last = this.history[this.history.length - 1]
      const carries =
        last &&
        (last.paragraph === paragraph ||
          (last.paragraph === paragraph - 1 &&
            this.isLastSentenceOf(last.sentence, last.paragraph)))
      if (last && carries) {
        this.history.push({ ...last, at: span.end, paragraph, sentence })
        return { kind: 'direct', speaker: last.name, entity: last.entity }
      }
      return { kind: 'direct', speaker: null, entity: null }
    }
    if (!term && readsAsSpeech(this.text, span)) {
      // `Cruz blamed the law on "knuckleheaded Democratic politicians."`: a clause of several
      // quoted words, not a title, in a sentence about a named person is that person's words.
      // The speaker only when the sentence names nobody else before the quotation.
      const subject = this.loneSubject(span.start)
      if (subject) return { kind: 'direct', speaker: subject.name, entity: subject }
      return { kind: 'direct', speaker: null, entity: null }
    }
    return { kind: 'scare', speaker: null, entity: null }
  }

  /**
   * `Okafor: Rival's Plan Is a 'Proven Failure'`: a headline led by a person's name and a colon
   * gives that person the quotations after the colon. Only in the article's first paragraph,
   * and only when the name is a person the cast knows (not `EXCLUSIVE:` or `Poll:`).
   */
  private headliner(span: MarkSpan, paragraph: Range): Entity | null {
    if (paragraph[0] !== this.paragraphs[0]![0]) return null
    const lead = this.tokens.between(paragraph[0], Math.min(span.start, paragraph[0] + 60))
    const colon = lead.findIndex((t) => t.punct)
    if (colon < 1 || colon > 4 || lead[colon]!.text !== ':') return null
    const name = lead.slice(0, colon)
    if (!name.every((t) => t.capital && t.text !== t.text.toUpperCase())) return null
    const last = name[name.length - 1]!
    const entity = this.cast.byName(this.text.slice(name[0]!.start, last.end), name[0]!.start)
    return entity?.kind === 'person' ? entity : null
  }

  /** Records a sentence that reports speech without quoting it (`…, he said.`). */
  private noteSpeech(sentence: Range, index: number): void {
    const attribution = speechInSentence(this.tokens, sentence)
    if (!attribution) return
    const resolved = this.resolve(attribution, sentence[0])
    if (!resolved.speaker) return
    this.history.push({
      name: resolved.speaker,
      entity: resolved.entity,
      at: sentence[0],
      paragraph: rangeIndexAt(this.paragraphs, sentence[0]),
      sentence: index
    })
  }

  /**
   * The entity a sentence is about, up to `at`: its first name, after an opening clause
   * ("Asked about Stott's remarks, Okafor …") when the sentence starts with one.
   */
  private subjectOfSentence(at: number): Entity | null {
    const start = Math.max(this.sentences[rangeIndexAt(this.sentences, at)]![0], at - WINDOW)
    const mentions = this.cast.mentionsBetween(start, at).filter((m) => !m.quoted)
    const opening = /^\W*(\p{L}+)/u.exec(this.text.slice(start, start + 40))?.[1]
    const lower = opening?.toLowerCase() ?? ''
    let from = start
    if (CLAUSE_BOUNDARIES.has(lower) || PREPOSITIONS.has(lower) || /(?:ed|ing)$/.test(lower)) {
      const comma = this.text.slice(start, at).indexOf(',')
      if (comma >= 0) from = start + comma + 1
    }
    // "She was defending the group against Republican nominee Donald Trump, but admitted …",
    // "Asked which county he liked, he demurred:": a pronoun before any name is the subject,
    // past an opening adverb ("Later she …").
    const lead = this.tokens
      .between(from, Math.min(at, from + 60))
      .find((t) => !t.punct && !VERB_MODIFIERS.has(t.lower) && !/ly$/.test(t.lower))
    // The cast marks a person after a role as the subject (`Clinton's campaign manager Robby
    // Mook said`), not the owner named first.
    const firstName =
      mentions.find((m) => m.start >= from && m.subject) ?? mentions.find((m) => m.start >= from)
    if (
      lead &&
      (lead.lower === 'he' || lead.lower === 'she') &&
      (!firstName || lead.start < firstName.start)
    )
      return this.cast.byPronoun(lead.lower, lead.start, { history: this.history })
    // A sentence whose only names sit in its opening clause has those for subject.
    return (firstName ?? mentions[0])?.entity ?? null
  }

  /**
   * The speaker of a quotation opening its paragraph when the paragraph before ends with a
   * colon after a speech verb or a named subject (`Breitbart News responded:`).
   */
  private introducedByColon(s: QuoteSurroundings, paragraph: number): Verdict | null {
    const before = this.paragraphs[paragraph - 1]
    if (!before || s.span[0] !== s.paragraph[0] || this.text[before[1] - 1] !== ':') return null
    const sentence = this.sentences[rangeIndexAt(this.sentences, before[1] - 1)]!
    const lead = attributionBefore({
      ...s,
      span: [before[1], s.span[1]],
      sentence: [sentence[0], before[1]],
      nearby: []
    })
    if (!lead) return null
    const resolved = this.resolve(lead, before[1] - 1)
    return resolved.speaker ? { kind: 'direct', ...resolved } : null
  }

  /**
   * The one person named (outside quotations) in the sentence before `at`, if only one is,
   * or whom the pronoun opening a sentence that names nobody stands for.
   */
  private loneSubject(at: number): Entity | null {
    const start = Math.max(this.sentences[rangeIndexAt(this.sentences, at)]![0], at - WINDOW)
    const named = new Set(
      this.cast
        .mentionsBetween(start, at)
        .filter((m) => !m.quoted)
        .map((m) => m.entity)
    )
    const [only] = named
    if (named.size === 1)
      return only!.kind === 'person' && plausibleSpeaker(only!.name) ? only! : null
    if (named.size > 0) return null
    // "He expressed amusement that … "…"": a sentence naming nobody, led by a pronoun.
    const first = this.tokens.between(start, Math.min(at, start + 12))[0]
    if (!first || (first.lower !== 'he' && first.lower !== 'she')) return null
    return this.cast.byPronoun(first.lower, first.start, { history: this.history })
  }

  private isLastSentenceOf(sentence: number, paragraph: number): boolean {
    const next = this.sentences[sentence + 1]
    const end = this.paragraphs[paragraph]![1]
    return !next || next[0] > end
  }

  /** The canonical name of a speaker phrase, or nothing when that cannot be a speaker. */
  private resolve(
    attribution: Attribution,
    at: number
  ): { speaker: string | null; entity: Entity | null } {
    const resolved = this.resolvePhrase(attribution, at)
    if (resolved.speaker && !plausibleSpeaker(resolved.speaker, resolved.entity?.kind))
      return { speaker: null, entity: null }
    return resolved
  }

  /** Turns a speaker phrase into the canonical name (and cast member, when there is one). */
  private resolvePhrase(
    attribution: Attribution,
    at: number
  ): { speaker: string | null; entity: Entity | null } {
    // "Trump Wednesday said", "said Pence Thursday": the day is not part of the name.
    let phrase = attribution.phrase
    while (phrase.length > 1 && TIME_WORDS.has(phrase[phrase.length - 1]!.lower))
      phrase = phrase.slice(0, -1)
    if (attribution.sentenceSubject || phrase.length === 0) {
      const subject = this.subjectOfSentence(at)
      return subject ? { speaker: subject.name, entity: subject } : { speaker: null, entity: null }
    }
    const first = phrase[0]!
    if (phrase.length === 1 && SUBJECT_PRONOUNS.has(first.lower)) {
      const entity = this.cast.byPronoun(first.lower, first.start, {
        exclude: attribution.reported ?? undefined,
        history: this.history
      })
      return { speaker: entity?.name ?? null, entity }
    }
    if (phrase.length === 1 && SELF_PRONOUNS.has(first.lower))
      return { speaker: null, entity: null }
    // "her campaign manager Jeff Weaver", "River Trust President Dana Penn's aide Tom Hale":
    // a role, then the person named at the end of the phrase.
    const afterRole = this.personAfterRole(phrase)
    if (afterRole) return { speaker: afterRole.name, entity: afterRole }
    const described =
      DETERMINERS.has(first.lower) &&
      !(first.lower === 'the' && phrase.slice(1).every((t) => t.capital))
    const lastWord = phrase[phrase.length - 1]!
    if (
      !described &&
      phrase.some((t) => t.capital) &&
      (lastWord.capital || lastWord.possessive === false)
    ) {
      const surface = this.text.slice(first.start, lastWord.start + lastWord.text.length)
      const entity = this.cast.byName(surface, first.start)
      if (entity) return { speaker: entity.name, entity }
      if (
        !phrase.some(
          (t) => !t.capital && !['of', 'the', 'de', 'van', 'von', 'bin', 'al'].includes(t.lower)
        )
      ) {
        return { speaker: surface.replace(/^the\s+/i, ''), entity: null }
      }
    }
    const named = this.cast.byDescription(phrase, first.start)
    const entity = named ? (this.cast.entities.find((e) => e.name === named) ?? null) : null
    return { speaker: named, entity }
  }

  /**
   * The person a phrase ends with when a role of lowercase words stands before the name (`his
   * campaign manager Jeff Weaver`): the name, when the article knows it as a person.
   */
  private personAfterRole(phrase: Token[]): Entity | null {
    let start = phrase.length
    while (start > 0 && phrase[start - 1]!.capital && !phrase[start - 1]!.possessive) start--
    const role = phrase[start - 1]
    if (start === phrase.length || start < 2 || !role || role.punct || role.capital) return null
    if (DETERMINERS.has(role.lower) || PREPOSITIONS.has(role.lower)) return null
    const last = phrase[phrase.length - 1]!
    const entity = this.cast.byName(
      this.text.slice(phrase[start]!.start, last.start + last.text.length),
      phrase[start]!.start
    )
    return entity?.kind === 'person' ? entity : null
  }

  /** The text around a quotation; `within` confines it to the inside of an outer quotation. */
  private surroundings(
    span: MarkSpan,
    within: Range | null,
    neighbours: MarkSpan[],
    index: number
  ): QuoteSurroundings {
    const clip = (range: Range): Range =>
      within ? [Math.max(range[0], within[0]), Math.min(range[1], within[1])] : range
    const first = this.sentences[rangeIndexAt(this.sentences, span.start)]!
    const last = this.sentences[rangeIndexAt(this.sentences, span.end - 1)]!
    // A sentence is read only near the quotation: a run-on 1 MB "sentence" costs no more.
    const sentence = clip([
      Math.max(Math.min(first[0], span.start), span.start - WINDOW),
      Math.min(Math.max(last[1], span.end), span.end + WINDOW)
    ])
    const paragraph = clip([
      this.paragraphs[rangeIndexAt(this.paragraphs, span.start)]![0],
      this.paragraphs[rangeIndexAt(this.paragraphs, span.end - 1)]![1]
    ])
    const previous = neighbours[index - 1]
    const next = neighbours[index + 1]
    const nearby: Range[] = []
    for (let k = Math.max(0, index - 8); k < Math.min(neighbours.length, index + 9); k++) {
      const o = neighbours[k]!
      if (o !== span && o.end > sentence[0] && o.start < sentence[1]) nearby.push([o.start, o.end])
    }
    const before = this.text.slice(sentence[0], span.start)
    const after = this.text.slice(span.end, sentence[1])
    return {
      text: this.text,
      tokens: this.tokens,
      span: [span.start, span.end],
      sentence,
      paragraph,
      previousEnd: previous?.end ?? 0,
      nextStart: next?.start ?? Number.POSITIVE_INFINITY,
      nearby,
      standalone: /^[\s(—–-]*$/.test(before) && /^[\s.!?…)]*$/.test(after)
    }
  }
}

/**
 * A quotation with no speaker of its own whose words another attributed quotation holds
 * (a headline quoting the body: "That Bring Nothing" ← "…such talks that bring nothing…")
 * is that speaker's too. Needs two words at least: one word in common proves nothing.
 */
function borrowFromEchoes(
  text: string,
  top: MarkSpan[],
  family: Family,
  verdicts: Map<MarkSpan, Verdict>,
  paragraphs: Range[]
): void {
  // Only the headline and standfirst echo the body; further down, shared words are a cliché.
  const lead = paragraphs[Math.min(1, paragraphs.length - 1)]![1]
  const candidates = top
    .filter((span) => span.start < lead && !verdicts.get(span)?.speaker)
    .slice(0, ECHO_CANDIDATES)
    .map((span) => ({ span, words: ` ${fold(text.slice(span.start, span.end))} ` }))
    .filter(({ words }) => words.trim().includes(' '))
  if (candidates.length === 0) return
  const sources = top
    .filter((span) => verdicts.get(span)?.kind === 'direct' && verdicts.get(span)?.speaker)
    .slice(0, ECHO_SOURCES)
    .map((span) => ({ span, raw: text.slice(span.start, span.end).toLowerCase(), words: '' }))
  for (const { span, words } of candidates) {
    // A cheap test on the raw text first, since folding every source costs more than the
    // rest; folding drops apostrophes, so only the first word's first letters are compared.
    const opening = words.trim().split(' ', 1)[0]!.slice(0, 3)
    const source = sources.find((s) => {
      if (!s.raw.includes(opening)) return false
      s.words ||= ` ${fold(s.raw)} `
      if (!s.words.includes(words)) return false
      // Quotes the speaker quotes are someone else's words, not theirs to lend.
      const quoted = family.children.get(s.span) ?? []
      return !quoted.some((inner) =>
        ` ${fold(text.slice(inner.start, inner.end))} `.includes(words)
      )
    })
    if (source) verdicts.set(span, { ...verdicts.get(source.span)! })
  }
}

interface Family {
  parent: Map<MarkSpan, MarkSpan>
  children: Map<MarkSpan, MarkSpan[]>
}

/** Each nested quotation's direct parent, and each quotation's children in order. */
function nestQuotes(spans: MarkSpan[]): Family {
  const family: Family = { parent: new Map(), children: new Map() }
  const open: MarkSpan[] = []
  for (const span of spans) {
    while (open.length > 0 && open[open.length - 1]!.end <= span.start) open.pop()
    const parent = open[open.length - 1]
    if (parent && span.depth > 0) {
      family.parent.set(span, parent)
      const siblings = family.children.get(parent) ?? []
      siblings.push(span)
      family.children.set(parent, siblings)
    }
    open.push(span)
  }
  return family
}

/**
 * A quoted term standing as a modifier inside a noun phrase (`a "Phase 1" trade deal`) is a
 * label, whatever verb the sentence has: determiner before it, a lowercase word after it.
 */
function isAttributiveTerm(text: string, span: MarkSpan): boolean {
  const before = /(?:\b(\p{L}+)\s+)?\b(?:a|an|the)\s+$/iu.exec(
    text.slice(Math.max(0, span.start - 32), span.start)
  )
  if (!before) return false
  const next = /^\s+(\p{Ll}+)\b/u.exec(text.slice(span.end, span.end + 24))?.[1]
  if (next === undefined || NOT_NOUNS.has(next) || SPEECH_VERBS.has(next)) return false
  // `she hammered the "reckless" plan`: a lowercase judgement laid on what a speech verb's
  // subject attacks or praises is their word; a name or label (`"Phase 1"`) stays a term.
  const verb = before[1]?.toLowerCase()
  return !(verb !== undefined && SPEECH_VERBS.has(verb) && isLowercaseWords(text, span))
}

function isLowercaseWords(text: string, span: MarkSpan): boolean {
  return /^[\p{Ll}\s'’-]+$/u.test(text.slice(span.start + 1, span.end - 1))
}

/** Words after a quoted term that show it ends its noun phrase (`a "rabid dog" who …`). */
const NOT_NOUNS = new Set([
  ...CLAUSE_BOUNDARIES,
  ...PREPOSITIONS,
  ...VERB_MODIFIERS,
  ...DETERMINERS,
  ...SUBJECT_PRONOUNS,
  ...'is are was were be been being and or nor to not'.split(' ')
])

/** Quoted words that read as speech: four words or more, not a title in title case. */
function readsAsSpeech(text: string, span: MarkSpan): boolean {
  const words = text.slice(span.start + 1, span.end).match(/\p{L}[\p{L}'’-]*/gu) ?? []
  if (words.length < 4) return false
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length
  return capitalised * 2 < words.length
}

/** Quoted words that read as a sentence of their own: a capital, then three words or more. */
function isSentence(text: string, span: MarkSpan): boolean {
  const inner = text.slice(span.start + 1, span.end)
  return /^\s*[\p{Lu}\p{N}]/u.test(inner) && inner.trim().split(/\s+/).length >= 3
}

function hasSpeechVerb(text: string): boolean {
  return (text.match(/\p{Ll}+/gu) ?? []).some((word) => SPEECH_VERBS.has(word))
}

function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
