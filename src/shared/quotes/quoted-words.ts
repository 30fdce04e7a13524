/**
 * What the quoted words themselves say about a quotation: a term standing as a modifier
 * (`a "Phase 1" trade deal`), a clause that reads as speech, a sentence of its own.
 */
import {
  CLAUSE_BOUNDARIES,
  DETERMINERS,
  PREPOSITIONS,
  SPEECH_VERBS,
  SUBJECT_PRONOUNS,
  VERB_MODIFIERS
} from './lexicon'
import type { MarkSpan } from './marks'

/**
 * A quoted term standing as a modifier inside a noun phrase (`a "Phase 1" trade deal`) is a
 * label, whatever verb the sentence has: determiner before it, a lowercase word after it.
 */
export function isAttributiveTerm(text: string, span: MarkSpan): boolean {
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
export function readsAsSpeech(text: string, span: MarkSpan): boolean {
  const words = text.slice(span.start + 1, span.end).match(/\p{L}[\p{L}'’-]*/gu) ?? []
  if (words.length < 4) return false
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length
  return capitalised * 2 < words.length
}

/** Quoted words that read as a sentence of their own: a capital, then three words or more. */
export function isSentence(text: string, span: MarkSpan): boolean {
  const inner = text.slice(span.start + 1, span.end)
  return /^\s*[\p{Lu}\p{N}]/u.test(inner) && inner.trim().split(/\s+/).length >= 3
}

export function hasSpeechVerb(text: string): boolean {
  return (text.match(/\p{Ll}+/gu) ?? []).some((word) => SPEECH_VERBS.has(word))
}
