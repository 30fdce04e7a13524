import { describe, expect, it } from 'vitest'
import { findMarkSpans, type MarkSpan } from '@shared/quotes/marks'
import {
  hasSpeechVerb,
  isAttributiveTerm,
  isSentence,
  readsAsSpeech
} from '@shared/quotes/quoted-words'
import { splitParagraphs } from '@shared/quotes/sentences'

/** What each test asks of the first quotation in `text`. */
function firstQuote(text: string): { text: string; span: MarkSpan } {
  const span = findMarkSpans(text, splitParagraphs(text))[0]!
  return { text, span }
}

describe('what the quoted words say', () => {
  it('takes a quoted modifier inside a noun phrase for a term, but not a judgement a speaker lays', () => {
    const term = firstQuote('Trump said a "Phase 1" trade deal is near.')
    expect(isAttributiveTerm(term.text, term.span)).toBe(true)
    const judgement = firstQuote('She hammered the "reckless" plan.')
    expect(isAttributiveTerm(judgement.text, judgement.span)).toBe(false)
    const ending = firstQuote('He is a "rabid dog" who bites.')
    expect(isAttributiveTerm(ending.text, ending.span)).toBe(false)
  })

  it('reads four words or more, not in title case, as speech', () => {
    const speech = firstQuote(
      'Cruz blamed "knuckleheaded Democratic politicians in the capital" again.'
    )
    expect(readsAsSpeech(speech.text, speech.span)).toBe(true)
    const title = firstQuote('She read "The Old Man And The Sea" again.')
    expect(readsAsSpeech(title.text, title.span)).toBe(false)
  })

  it('reads a capital and three words or more as a sentence of its own', () => {
    const sentence = firstQuote('"We will win this," I confessed.')
    expect(isSentence(sentence.text, sentence.span)).toBe(true)
    const fragment = firstQuote('"we will win," I confessed.')
    expect(isSentence(fragment.text, fragment.span)).toBe(false)
  })

  it('finds a speech verb among lowercase words only', () => {
    expect(hasSpeechVerb(' and then she said ')).toBe(true)
    expect(hasSpeechVerb(' and then Said ')).toBe(false)
  })
})
