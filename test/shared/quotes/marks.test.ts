import { describe, expect, it } from 'vitest'
import { findMarkSpans } from '@shared/quotes/marks'

/** Each span as [its text with the marks, depth, closed]. */
function spansOf(text: string): [string, number, boolean][] {
  return findMarkSpans(text).map((s) => [text.slice(s.start, s.end), s.depth, s.closed])
}

describe('findMarkSpans', () => {
  it.each([
    [
      'straight double marks',
      'He said "yes" and "no".',
      [
        ['"yes"', 0, true],
        ['"no"', 0, true]
      ]
    ],
    [
      'curly double marks',
      'He said “yes” and “no”.',
      [
        ['“yes”', 0, true],
        ['“no”', 0, true]
      ]
    ],
    ['curly single marks', 'She said ‘yes’.', [['‘yes’', 0, true]]],
    ['straight single marks', "She said 'yes, please'.", [["'yes, please'", 0, true]]],
    ['guillemets', 'Il a dit «oui».', [['«oui»', 0, true]]],
    ['CJK corner brackets', '彼は「はい」と言った。', [['「はい」', 0, true]]],
    [
      'single marks nested in double ones',
      '"He is not a \'rabid dog.\' No," he wrote.',
      [
        ['"He is not a \'rabid dog.\' No,"', 0, true],
        ["'rabid dog.'", 1, true]
      ]
    ],
    [
      'double marks nested in single ones (British style)',
      '‘We call them “bedtime stories”,’ he said.',
      [
        ['‘We call them “bedtime stories”,’', 0, true],
        ['“bedtime stories”', 1, true]
      ]
    ]
  ] as const)('pairs %s', (_case, text, expected) => {
    expect(spansOf(text)).toEqual(expected)
  })

  it.each([
    ["don't and Korea's", "We don't know Korea's plan."],
    ["a plural possessive (Growers')", "The Growers' Association met."],
    ['a typeset ’90s', 'Big in the ’90s, big now.'],
    ["a straight '90s", "Big in the '90s, big now."],
    ["rock 'n' roll", "That's rock 'n' roll."],
    ['feet and inches', 'He is 6\'2" tall and 12" wide.'],
    ['a stray closing mark', 'The ” mark is stray.']
  ])('finds no quotation in %s', (_case, text) => {
    expect(spansOf(text)).toEqual([])
  })

  it('keeps a plural possessive inside a single quotation from closing it', () => {
    const text = "She said 'the growers' union will decide' and left."
    expect(spansOf(text)).toEqual([["'the growers' union will decide'", 0, true]])
  })

  it('closes a double quotation left open at the end of its paragraph, there and no later', () => {
    const text = 'He said "we will win.\n\nNext paragraph, "quoted" words.'
    expect(spansOf(text)).toEqual([
      ['"we will win.', 0, false],
      ['"quoted"', 0, true]
    ])
  })

  it('drops a single mark left open (an apostrophe) and keeps what it seemed to hold', () => {
    const text = 'So is the \'one here. "Real," said Ann.'
    expect(spansOf(text)).toEqual([['"Real,"', 0, true]])
  })

  it('continues a quotation into a paragraph that reopens it', () => {
    const text = '"First part.\n\n"Second part," she said.'
    const [span] = findMarkSpans(text)
    expect(text.slice(span!.start, span!.end)).toBe(text.slice(0, text.indexOf(' she')))
    expect(span!.reopenedAt).toEqual([text.indexOf('"Second')])
  })

  it('does not continue a quotation into a paragraph that does not reopen it', () => {
    const text = '"First part.\n\nPlain words here.'
    expect(spansOf(text)).toEqual([['"First part.', 0, false]])
  })

  it('never nests deeper than prose does, whatever the marks', () => {
    const text = '‘'.repeat(50) + 'x' + '’'.repeat(50)
    expect(Math.max(...findMarkSpans(text).map((s) => s.depth))).toBeLessThan(4)
  })
})
