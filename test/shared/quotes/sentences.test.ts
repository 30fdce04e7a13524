import { describe, expect, it } from 'vitest'
import { rangeIndexAt, splitParagraphs, splitSentences } from '@shared/quotes/sentences'

const sentencesOf = (text: string): string[] =>
  splitSentences(text, splitParagraphs(text)).map(([start, end]) => text.slice(start, end))

describe('splitParagraphs and splitSentences', () => {
  it('splits paragraphs at blank lines, never inside one', () => {
    const text = 'One.\n\nTwo, still two\nwrapped.\n\n\n\nThree.'
    expect(splitParagraphs(text).map(([s, e]) => text.slice(s, e))).toEqual([
      'One.',
      'Two, still two\nwrapped.',
      'Three.'
    ])
  })

  it.each([
    [
      'at a full stop before a capital',
      'It rained. Then it stopped.',
      ['It rained.', 'Then it stopped.']
    ],
    ['after a closing quotation mark', '"We won." She smiled.', ['"We won."', 'She smiled.']],
    [
      'not after a title',
      'Mr. Chairman, see you. Dr. Lee agreed.',
      ['Mr. Chairman, see you.', 'Dr. Lee agreed.']
    ],
    ['not after an initial', 'J. Smith came. He left.', ['J. Smith came.', 'He left.']],
    [
      'not before a lowercase attribution',
      '"What\'s the point?" he asked. "None."',
      ['"What\'s the point?" he asked.', '"None."']
    ],
    ['at CJK full stops', '北朝鮮。韓国。', ['北朝鮮。', '韓国。']]
  ])('ends a sentence %s', (_case, text, expected) => {
    expect(sentencesOf(text)).toEqual(expected)
  })

  it('never lets a sentence cross a paragraph', () => {
    expect(sentencesOf('No full stop here\n\nNor here')).toEqual(['No full stop here', 'Nor here'])
  })

  it('finds the range holding an offset by binary search', () => {
    const ranges: [number, number][] = [
      [0, 5],
      [7, 10],
      [12, 20]
    ]
    expect([0, 6, 7, 15, 99].map((offset) => rangeIndexAt(ranges, offset))).toEqual([0, 0, 1, 2, 2])
  })
})
