import { describe, expect, it } from 'vitest'
import { tokenize } from '@shared/quotes/tokens'
import { subjectBefore } from '@shared/quotes/verb-subject'

/** The subject `subjectBefore` finds for the first `verb` in `text`, as written. */
function subjectOf(text: string, verb: string): string | null {
  const tokens = tokenize(text, 0, text.length)
  const index = tokens.findIndex((t) => t.lower === verb)
  return (
    subjectBefore(tokens, index)
      ?.map((t) => t.text)
      .join(' ') ?? null
  )
}

describe('subjectBefore', () => {
  it.each([
    ['a pronoun, past an adverb', 'She later said', 'said', 'She'],
    [
      'a name, past an aside between commas',
      'Ruth Callan, Easton’s lawyer, said',
      'said',
      'Ruth Callan'
    ],
    ['a name before "who"', 'Keller Engineering, which said', 'said', 'Keller Engineering'],
    ['a description back to its determiner', 'the statement issued', 'issued', 'the statement'],
    [
      'an owner standing for a determiner',
      'Kim Kye Gwan’s statement said',
      'said',
      'Kim Kye Gwan statement'
    ],
    [
      'a description holding a name',
      'a senior adviser to Kim called',
      'called',
      'a senior adviser to Kim'
    ],
    ['a bare plural', 'Residents told', 'told', 'Residents']
  ])('finds %s', (_case, text, verb, subject) => {
    expect(subjectOf(text, verb)).toBe(subject)
  })

  it('finds none for a participle after a preposition or a lowercase noun phrase', () => {
    expect(subjectOf('He left before saying', 'saying')).toBeNull()
    expect(subjectOf('The firm released a statement saying', 'saying')).toBeNull()
  })
})
