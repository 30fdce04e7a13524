import { describe, expect, it } from 'vitest'
import { anchor } from '@shared/annotations/anchor'
import { describeRange } from '@shared/annotations/describe'

// A small article's canonical text: title, standfirst and body joined by blank lines.
const ORIGINAL = [
  'Talks in Hanoi End Without a Deal',
  'The second summit between the two leaders broke up early on Thursday.',
  'Kim Jong Un arrived in Hanoi by train after a journey of more than sixty hours. ' +
    'Both sides said the talks were meant to last two days.',
  'Officials said the talks had stalled over sanctions. Later, the talks resumed for an hour ' +
    'before both delegations left the Metropole hotel.',
  'In Pyŏngyang, state media called the meeting “productive” 🌱 and promised more talks.',
  'Markets in Seoul barely moved.'
].join('\n\n')

/** The selectors of the `nth` occurrence of `phrase` in `text`. */
function highlight(text: string, phrase: string, nth = 0) {
  let at = -1
  for (let i = 0; i <= nth; i++) at = text.indexOf(phrase, at + 1)
  if (at < 0) throw new Error(`fixture has no "${phrase}" #${nth}`)
  return describeRange(text, at, at + phrase.length)
}

/** Where `phrase` (its `nth` occurrence) is in `text`, or null when the case expects an orphan. */
function expected(text: string, phrase: string | null, nth = 0) {
  if (phrase === null) return null
  let at = -1
  for (let i = 0; i <= nth; i++) at = text.indexOf(phrase, at + 1)
  return { start: at, end: at + phrase.length }
}

const PARAGRAPH_ABOVE = 'An editor’s note was added here, well above the passage. '

describe('anchor', () => {
  it.each([
    {
      case: 'an unchanged text, at the stored position',
      quote: 'arrived in Hanoi by train',
      edit: (t: string) => t,
      found: 'arrived in Hanoi by train'
    },
    {
      case: 'text moved down by a paragraph added above',
      quote: 'broke up early on Thursday',
      edit: (t: string) => t.replace('The second summit', PARAGRAPH_ABOVE + 'The second summit'),
      found: 'broke up early on Thursday'
    },
    {
      case: 'text moved up by a paragraph removed above',
      quote: 'before both delegations left the Metropole hotel',
      edit: (t: string) => t.replace(/Kim Jong Un arrived[^\n]*\n\n/, ''),
      found: 'before both delegations left the Metropole hotel'
    },
    {
      case: 'a word of the passage edited',
      quote: 'after a journey of more than sixty hours',
      edit: (t: string) => t.replace('sixty hours', 'sixty-five hours'),
      found: 'after a journey of more than sixty-five hours'
    },
    {
      case: 'a passage edited and moved',
      quote: 'Officials said the talks had stalled over sanctions.',
      edit: (t: string) =>
        PARAGRAPH_ABOVE + t.replace('had stalled over sanctions', 'stalled over the sanctions'),
      found: 'Officials said the talks stalled over the sanctions.'
    },
    {
      case: 'a deleted passage, which is orphaned',
      quote: 'after a journey of more than sixty hours',
      edit: (t: string) => t.replace(/Kim Jong Un arrived[^\n]*\n\n/, ''),
      found: null
    },
    {
      case: 'a passage rewritten beyond recognition, which is orphaned',
      quote: 'Markets in Seoul barely moved.',
      edit: (t: string) => t.replace('Markets in Seoul barely moved.', 'Stocks fell in Tokyo.'),
      found: null
    },
    {
      case: 'a short quote whose sentence was deleted, though the word is still elsewhere',
      quote: 'Hanoi by train',
      edit: (t: string) =>
        t.replace(/Kim Jong Un arrived[^\n]*\n\n/, 'Hanoi by train is slow.\n\n'),
      found: null
    },
    {
      case: 'the text at the very start',
      quote: 'Talks in Hanoi',
      edit: (t: string) => t.replace('Markets', 'Bond markets'),
      found: 'Talks in Hanoi'
    },
    {
      case: 'the text at the very start, its wording edited',
      quote: 'Talks in Hanoi End Without a Deal',
      edit: (t: string) =>
        t.replace('Talks in Hanoi End Without a Deal', 'Talks in Hanoi end without a deal'),
      found: 'Talks in Hanoi end without a deal'
    },
    {
      case: 'the text at the very end, moved by an edit above',
      quote: 'Seoul barely moved.',
      edit: (t: string) => PARAGRAPH_ABOVE + t,
      found: 'Seoul barely moved.'
    },
    {
      case: 'non-ASCII text and an emoji, moved',
      quote: 'Pyŏngyang, state media called the meeting “productive” 🌱',
      edit: (t: string) => PARAGRAPH_ABOVE + t,
      found: 'Pyŏngyang, state media called the meeting “productive” 🌱'
    },
    {
      case: 'non-ASCII text and an emoji, edited',
      quote: 'Pyŏngyang, state media called the meeting “productive” 🌱',
      edit: (t: string) => t.replace('🌱', '🌿').replace('state media', 'state television'),
      found: 'Pyŏngyang, state television called the meeting “productive” 🌿'
    }
  ])('finds $case', ({ quote, edit, found }) => {
    const target = highlight(ORIGINAL, quote)
    const text = edit(ORIGINAL)
    expect(anchor(text, target)).toEqual(expected(text, found))
  })

  describe('repeated phrases', () => {
    // "the talks" occurs three times in the body; each highlight must come back to its own.
    it.each([0, 1, 2])('tells occurrence %i of "the talks" from the others after a move', (nth) => {
      const target = highlight(ORIGINAL, 'the talks', nth)
      const text = PARAGRAPH_ABOVE + ORIGINAL
      expect(anchor(text, target)).toEqual(expected(text, 'the talks', nth))
    })

    it('follows the context, not the old position, when an earlier repeat is removed', () => {
      const target = highlight(ORIGINAL, 'the talks', 2)
      // Removing the first sentence with "the talks" puts the second one near the old place.
      const text = ORIGINAL.replace('Both sides said the talks were meant to last two days.', '')
      expect(anchor(text, target)).toEqual(expected(text, 'the talks', 1))
    })
  })

  it('accepts the stored position only where the text there is still the quote', () => {
    const target = highlight(ORIGINAL, 'Markets in Seoul')
    // Same length, different words at the old position: the quote is found where it went.
    const text = ORIGINAL.replace('Kim Jong Un', 'Kim Jong Il').replace(
      'Markets in Seoul barely moved.',
      'Shares rose. Markets in Seoul barely moved.'
    )
    expect(text.slice(target.position.start, target.position.end)).not.toBe('Markets in Seoul')
    expect(anchor(text, target)).toEqual(expected(text, 'Markets in Seoul'))
  })

  it('never lands between the halves of an emoji', () => {
    const target = highlight(ORIGINAL, '🌱 and promised')
    const text = 'x' + ORIGINAL.replace('🌱', '🌿🌿')
    const found = anchor(text, target)!
    expect(found).not.toBeNull()
    const code = text.charCodeAt(found.start)
    expect(code >= 0xdc00 && code <= 0xdfff).toBe(false)
  })
})
