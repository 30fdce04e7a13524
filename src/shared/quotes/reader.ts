/**
 * Reads an article in order, deciding each top-level quotation's kind and speaker and noting
 * who speaks (quoted or not), so that a later "he said" or a quotation standing alone can lean
 * on who spoke last; and decides nested quotations from the quotation holding them.
 */
import type { Quote } from '../model/quote'
import { attributionAfter, attributionBefore, type QuoteSurroundings } from './attribution'
import type { Cast } from './cast'
import type { Entity } from './entity-registry'
import { SELF_PRONOUNS } from './lexicon'
import type { MarkSpan } from './marks'
import type { SpeechEvent } from './pronoun-resolution'
import { hasSpeechVerb, isAttributiveTerm, isSentence, readsAsSpeech } from './quoted-words'
import { attributionInSentence, speechInSentence } from './sentence-attribution'
import { rangeIndexAt, SENTENCE_WINDOW, type Range } from './sentences'
import { SpeakerResolver } from './speaker-resolution'
import type { TokenIndex } from './tokens'

/** What a quotation is, and whose. */
export interface Verdict {
  kind: Quote['kind']
  speaker: string | null
  entity: Entity | null
}

/** Reads the article in order, attributing each top-level quotation and noting who speaks. */
export class Reader {
  private readonly history: SpeechEvent[] = []

  private readonly verdicts = new Map<MarkSpan, Verdict>()
  private readonly topIndex: Map<MarkSpan, number>
  private readonly speakers: SpeakerResolver

  constructor(
    private readonly text: string,
    private readonly tokens: TokenIndex,
    private readonly paragraphs: Range[],
    private readonly sentences: Range[],
    private readonly top: MarkSpan[],
    private readonly cast: Cast
  ) {
    this.topIndex = new Map(top.map((span, i) => [span, i]))
    this.speakers = new SpeakerResolver(text, tokens, sentences, cast, this.history)
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
    const resolved = this.speakers.resolve(attribution, span.start)
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
      const resolved = this.speakers.resolve(attribution, span.start)
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
      const subject = this.speakers.loneSubject(span.start)
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
    const resolved = this.speakers.resolve(attribution, sentence[0])
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
    const resolved = this.speakers.resolve(lead, before[1] - 1)
    return resolved.speaker ? { kind: 'direct', ...resolved } : null
  }

  private isLastSentenceOf(sentence: number, paragraph: number): boolean {
    const next = this.sentences[sentence + 1]
    const end = this.paragraphs[paragraph]![1]
    return !next || next[0] > end
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
      Math.max(Math.min(first[0], span.start), span.start - SENTENCE_WINDOW),
      Math.min(Math.max(last[1], span.end), span.end + SENTENCE_WINDOW)
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
