/**
 * A speaker named elsewhere in a quotation's sentence (`Esper said it could "…"`, `…, said
 * Haas`), and sentences that report speech without quoting it (`…, he said.`), which carry
 * their speaker into a quotation standing alone after them.
 */
import { isPhrasalSpeech, NAMING_VERBS, SPEECH_VERBS, STRONG_SPEECH_VERBS } from './lexicon'
import { speakerInClause, WINDOW, type Attribution, type QuoteSurroundings } from './attribution'
import type { Range } from './sentences'
import { MAX_PHRASE_WORDS, nameWithApposition } from './speaker-phrase'
import { isClauseEnd, type Token, type TokenIndex } from './tokens'
import { subjectBefore } from './verb-subject'

/**
 * A speaker named elsewhere in the quotation's sentence: a speech verb before it whose subject
 * is the speaker, or a closing `, said X` / `, X said` clause. `strongOnly` limits the verbs to
 * those that make a few quoted words someone's own (said, called), not a term held at arm's
 * length (predicted, praised).
 */
export function attributionInSentence(
  s: QuoteSurroundings,
  strongOnly: boolean
): Attribution | null {
  const { span, sentence } = s
  const verbs = strongOnly ? STRONG_SPEECH_VERBS : SPEECH_VERBS
  // A closing ", said X." after the quotation, possibly after more words of the sentence.
  const afterFrom = span[1]
  const afterTo = Math.min(sentence[1], afterFrom + WINDOW)
  const after = withoutQuotes(s, s.tokens.between(afterFrom, afterTo))
  for (let i = after.length - 1; i > 0; i--) {
    const token = after[i]!
    if (!SPEECH_VERBS.has(token.lower) || token.capital) continue
    const comma = lastPunctBefore(after, i)
    if (comma === null || after[comma]!.text !== ',') continue
    const clauseWords = after.slice(comma + 1)
    const found = speakerInClause(clauseWords, 'sentence', [sentence[0], after[comma]!.start])
    if (found) return found
  }
  const beforeFrom = Math.max(sentence[0], span[0] - WINDOW)
  const before = withoutQuotes(s, s.tokens.between(beforeFrom, span[0]))
  for (let i = before.length - 1; i >= 0; i--) {
    const token = before[i]!
    // "…, which Teague’s administration closed as a “temporary” saving": a relative clause
    // between a verb and the quotation has a subject of its own; the verb does not reach in.
    if (token.lower === 'which' || token.lower === 'who' || token.text === ';') break
    if ((!verbs.has(token.lower) || token.capital) && !isPhrasalSpeech(before, i)) continue
    // A naming verb reaches over its object only ("calling former vice president … Biden a").
    if (NAMING_VERBS.has(token.lower) && before.length - i > 14) continue
    const subject = subjectBefore(before, i)
    if (subject)
      return { phrase: subject, sentenceSubject: false, placement: 'sentence', reported: null }
    return { phrase: [], sentenceSubject: true, placement: 'sentence', reported: null }
  }
  return null
}

/**
 * A sentence without quotation that reports speech: `…, he said.` / `…, said X.` at its end, or
 * `X said …` at its start. Such sentences carry the speaker into a quotation that follows alone.
 */
export function speechInSentence(index: TokenIndex, sentence: Range): Attribution | null {
  // Only the sentence's two ends matter: a closing ", he said." or an opening "She said".
  // "Sen. Dora Penn, who lost the primary, said …" opens it: the name before the aside.
  const opening = index.between(sentence[0], Math.min(sentence[1], sentence[0] + WINDOW))
  const named = nameWithApposition(opening, (t) => !t.capital && STRONG_SPEECH_VERBS.has(t.lower))
  if (named) return { phrase: named, sentenceSubject: false, placement: 'sentence', reported: null }
  const tail = index
    .between(Math.max(sentence[0], sentence[1] - WINDOW), sentence[1])
    .filter((t) => !isClauseEnd(t))
  for (let i = tail.length - 1; i > 0 && tail.length - i <= MAX_PHRASE_WORDS + 2; i--) {
    const token = tail[i]!
    if (!STRONG_SPEECH_VERBS.has(token.lower) || token.capital) continue
    const comma = lastPunctBefore(tail, i)
    if (comma === null || tail[comma]!.text !== ',') continue
    const found = speakerInClause(tail.slice(comma + 1), 'sentence', [
      sentence[0],
      tail[comma]!.start
    ])
    if (found) return found
  }
  const words = index.between(sentence[0], Math.min(sentence[1], sentence[0] + WINDOW))
  for (let i = 1; i < Math.min(words.length, MAX_PHRASE_WORDS + 1); i++) {
    const token = words[i]!
    if (token.punct) break
    if (!STRONG_SPEECH_VERBS.has(token.lower) || token.capital) continue
    const subject = subjectBefore(words, i)
    if (subject && subject[0] === words[0])
      return { phrase: subject, sentenceSubject: false, placement: 'sentence', reported: null }
    break
  }
  return null
}

function lastPunctBefore(tokens: Token[], index: number): number | null {
  for (let i = index - 1; i >= 0; i--) if (tokens[i]!.punct) return i
  return null
}

function withoutQuotes(s: QuoteSurroundings, tokens: Token[]): Token[] {
  return tokens.filter((t) => !s.nearby.some(([start, end]) => t.start >= start && t.start < end))
}
