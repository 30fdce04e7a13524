import { describe, expect, it } from 'vitest'
import { extractQuotes } from '@shared/quotes'
import { quotesOf } from './quotes-of'

describe('extractQuotes: the cases the issue names', () => {
  it.each([
    [
      'straight marks',
      'Jane Doe, the mayor, spoke on Monday. "We will rebuild," Doe said.',
      [['"We will rebuild,"', 'direct', 'Jane Doe']]
    ],
    [
      'curly marks',
      'Jane Doe, the mayor, spoke on Monday. “We will rebuild,” Doe said.',
      [['“We will rebuild,”', 'direct', 'Jane Doe']]
    ],
    [
      'a speaker before the quotation, after a colon',
      'Defense Secretary Mark Esper said: "This is a good-faith effort."',
      [['"This is a good-faith effort."', 'direct', 'Mark Esper']]
    ],
    [
      'a speaker who wrote on Twitter',
      'President Donald Trump wrote on Twitter: "See you soon!"',
      [['"See you soon!"', 'direct', 'Donald Trump']]
    ],
    [
      'a speaker after the quotation, inverted, with a title',
      '"We are no longer interested," said Kim Kye Gwan, a veteran diplomat and Foreign Ministry adviser.',
      [['"We are no longer interested,"', 'direct', 'Kim Kye Gwan']]
    ],
    [
      'a quotation split around its attribution',
      'Ann Lee runs the shop. "It was quiet," she said. "Then it was chaos."',
      [
        ['"It was quiet,"', 'direct', 'Ann Lee'],
        ['"Then it was chaos."', 'direct', 'Ann Lee']
      ]
    ],
    [
      'a quotation split mid-sentence',
      'Rosa Delgado was unmoved. "Fairness," she said, "means counting the farms."',
      [
        ['"Fairness,"', 'direct', 'Rosa Delgado'],
        ['"means counting the farms."', 'direct', 'Rosa Delgado']
      ]
    ],
    [
      'a partial quotation inside a sentence',
      'Trump is pursuing a "fool\'s errand" if he thinks Kim will disarm, said Lawrence Haas, a senior fellow.',
      [['"fool\'s errand"', 'direct', 'Lawrence Haas']]
    ],
    [
      'a naming verb before a partial quotation',
      'Martin Osei, who lives nearby, called the plan "a car park with a pitch in it."',
      [['"a car park with a pitch in it."', 'direct', 'Martin Osei']]
    ],
    [
      'a surname standing for the full name introduced earlier',
      'Defense Secretary Mark Esper spoke. Later Esper said it could "facilitate a political agreement."',
      [['"facilitate a political agreement."', 'direct', 'Mark Esper']]
    ],
    [
      'scare quotes with no speaker',
      'Trump has predicted that a "Phase 1" trade deal is near, praising himself for "walking away" from a "bad deal".',
      [
        ['"Phase 1"', 'scare', null],
        ['"walking away"', 'scare', null],
        ['"bad deal"', 'scare', null]
      ]
    ],
    [
      'a title in quotation marks',
      'The critic made the term famous in his book “To Save Everything, Click Here.”',
      [['“To Save Everything, Click Here.”', 'scare', null]]
    ]
  ] as const)('%s', (_case, text, expected) => {
    expect(quotesOf(text)).toEqual(expected)
  })

  it('gives a nested quotation its own entry inside the outer span', () => {
    const text =
      '"Joe Biden is not a \'rabid dog.\' He is better than that," President Donald Trump wrote.'
    const quotes = extractQuotes(text)
    expect(quotes.map((q) => [q.text, q.kind, q.speaker])).toEqual([
      ["Joe Biden is not a 'rabid dog.' He is better than that,", 'direct', 'Donald Trump'],
      ['rabid dog.', 'scare', null]
    ])
    expect(quotes[1]!.start).toBeGreaterThan(quotes[0]!.start)
    expect(quotes[1]!.end).toBeLessThan(quotes[0]!.end)
  })

  it('attributes a nested quotation to the speaker the outer one names', () => {
    const text =
      "Paul Kerrigan got a letter from a fan, Kathleen Doyle. \"She wrote, 'Do it before you're too old,' and she had a point,\" he said."
    expect(quotesOf(text)).toEqual([
      [
        "\"She wrote, 'Do it before you're too old,' and she had a point,\"",
        'direct',
        'Paul Kerrigan'
      ],
      ["'Do it before you're too old,'", 'direct', 'Kathleen Doyle']
    ])
  })

  it('reads British style: single marks outside, double marks inside', () => {
    const text = 'Kwame Asante has a name for them. ‘We call them “bedtime stories”,’ he said.'
    expect(quotesOf(text)).toEqual([
      ['‘We call them “bedtime stories”,’', 'direct', 'Kwame Asante'],
      ['“bedtime stories”', 'scare', null]
    ])
  })

  it.each([
    ["don't", 'Tomasz Brenner farms here. "We don\'t know yet," Brenner said.'],
    ["Korea's", 'South Korea’s leader, Moon Jae-in, spoke. “Korea’s future is peace,” Moon said.'],
    ["Growers'", 'The Growers\' Association met. "The growers\' bank will wait," said Ann Lee.'],
    ['the ’90s', 'Ann Lee, a singer, laughed. “We were big in the ’90s,” she said.'],
    ["rock 'n' roll", "Gail Whitfield, the promoter, agreed. \"That's rock 'n' roll,\" she said."]
  ])('takes an apostrophe (%s) for an apostrophe, not a quotation mark', (_case, text) => {
    const quotes = extractQuotes(text)
    expect(quotes).toHaveLength(1)
    expect(quotes[0]!.kind).toBe('direct')
    expect(text[quotes[0]!.end - 1]).toMatch(/["”]/)
  })

  it('takes feet and inches for measurements, not quotation marks', () => {
    const text = 'Paul Kerrigan, still 6\'2" tall, smiled. "Not bad for 61," he said.'
    expect(quotesOf(text)).toEqual([['"Not bad for 61,"', 'direct', 'Paul Kerrigan']])
  })

  it('resolves "he said" to the man the sentence before is about, not whoever spoke last', () => {
    const text = [
      'Northport’s manager, Stefan Varga, was fuming. His opposite number, Luis Ferreira, was all smiles.',
      '“It was never a penalty,” Varga said.',
      'Ferreira saw it differently. “Our striker was pulled back,” he said.'
    ].join('\n\n')
    expect(quotesOf(text).map((q) => q[2])).toEqual(['Stefan Varga', 'Luis Ferreira'])
  })

  it('resolves "she said" by gender, past a nearer man', () => {
    const text =
      'Margaret Holloway walked the rows. Her neighbour, Tomasz Brenner, lost half his crop. “I knew at once,” she said.'
    expect(quotesOf(text)).toEqual([['“I knew at once,”', 'direct', 'Margaret Holloway']])
  })

  it('carries "…, he said." into the quotation that follows it alone', () => {
    const text = [
      '"It is a fool\'s errand," said Lawrence Haas, a senior fellow.',
      'Kim Kye Gwan\'s slap at Trump may reflect a calculation by the regime, he said. "They think they have leverage."'
    ].join('\n\n')
    expect(quotesOf(text).map((q) => q[2])).toEqual(['Lawrence Haas', 'Lawrence Haas'])
  })

  it('gives "the statement said" to the body whose statement it is', () => {
    const text = [
      "A statement released by the country's State Affairs Commission criticised the talks.",
      '"We feel betrayal," the statement said.'
    ].join('\n\n')
    expect(quotesOf(text)).toEqual([['"We feel betrayal,"', 'direct', 'State Affairs Commission']])
  })

  it('gives an unnamed spokesperson’s words to the organisation they speak for', () => {
    const text =
      'Fares rose. "The numbers speak for themselves," a Transport Ministry spokesman said.'
    expect(quotesOf(text)).toEqual([
      ['"The numbers speak for themselves,"', 'direct', 'Transport Ministry']
    ])
  })

  it('gives "the council said" to the council the article named', () => {
    const text = [
      'The Harbury District Council has closed the pool.',
      '"Safety comes first," the council said in a statement.'
    ].join('\n\n')
    expect(quotesOf(text)).toEqual([
      ['"Safety comes first,"', 'direct', 'Harbury District Council']
    ])
  })

  it('keeps one quotation across paragraphs that each reopen it', () => {
    const text = [
      'Judge Miriam Castell described it in a speech on Friday:',
      '"The river came up fast.',
      '"We formed a chain and passed boxes up the stairs."',
      'Nobody else spoke.'
    ].join('\n\n')
    const quotes = extractQuotes(text)
    expect(quotes).toHaveLength(1)
    expect(text.slice(quotes[0]!.start, quotes[0]!.end)).toBe(
      '"The river came up fast.\n\n"We formed a chain and passed boxes up the stairs."'
    )
    expect(quotes[0]!.speaker).toBe('Miriam Castell')
  })

  it('finds a quotation in a headline and gives it the speaker the body quotes it from', () => {
    const text = [
      'Not Interested In Talks "That Bring Nothing": North Korea Snubs Trump',
      '"We are no longer interested in such talks that bring nothing to us," said Kim Kye Gwan, a veteran diplomat.'
    ].join('\n\n')
    expect(quotesOf(text)).toEqual([
      ['"That Bring Nothing"', 'direct', 'Kim Kye Gwan'],
      [
        '"We are no longer interested in such talks that bring nothing to us,"',
        'direct',
        'Kim Kye Gwan'
      ]
    ])
  })

  it('finds no quotation in "according to" paraphrase', () => {
    const text =
      'According to the association, members employ 900 workers. Tickets sold out, according to the venue.'
    expect(extractQuotes(text)).toEqual([])
  })

  it('ends a quotation whose closing mark is missing at its paragraph, never later', () => {
    const text = [
      'Nadia Roos was harder to persuade. "I\'d sold my guitars," she said. "Then Paul turned up with one.',
      'Tickets sold out in four minutes. "It\'s mad," said Gail Whitfield.'
    ].join('\n\n')
    const quotes = extractQuotes(text)
    const paragraphEnd = text.indexOf('\n\n')
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([
      ["I'd sold my guitars,", 'Nadia Roos'],
      ['Then Paul turned up with one.', 'Nadia Roos'],
      ["It's mad,", 'Gail Whitfield']
    ])
    expect(quotes[1]!.end).toBe(paragraphEnd)
  })

  it('ignores a stray closing mark and a lone opening single quote', () => {
    const text = 'The ’ mark is stray here. So is the \'one here. "Real," said Ann Lee.'
    expect(quotesOf(text)).toEqual([['"Real,"', 'direct', 'Ann Lee']])
  })

  it('gives offsets in UTF-16 code units, so emoji before a quotation do not shift it', () => {
    const text = 'Fans 🎸🎸 cheered. "Encore," said Ann Lee.'
    const [quote] = extractQuotes(text)
    expect(text.slice(quote!.start, quote!.end)).toBe('"Encore,"')
    expect(quote!.text).toBe('Encore,')
  })

  it('returns nothing for text without quotation marks or for empty text', () => {
    expect(extractQuotes('')).toEqual([])
    expect(extractQuotes('Plain words, and an apostrophe: it’s fine.')).toEqual([])
  })
})
