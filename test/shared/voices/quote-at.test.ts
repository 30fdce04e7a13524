import { describe, expect, it } from 'vitest'
import { makeSnippet } from '@shared/search/snippet'
import { directQuoteAt, snippetSpeaker } from '@shared/voices/quote-at'
import { markdownArticle, withQuotes } from './quote-fixture'

/** The [start, end) of the `nth` occurrence of `words` in `text`. */
function rangeOf(text: string, words: string, nth = 0): { start: number; end: number } {
  let at = -1
  for (let i = 0; i <= nth; i++) at = text.indexOf(words, at + 1)
  if (at < 0) throw new Error(`"${words}" is not in the text`)
  return { start: at, end: at + words.length }
}

const article = withQuotes(
  markdownArticle('talks', { title: 'Talks' }, [
    "Talks stalled. \"We want talks, not a 'rabid dog' and not the 'talks' Pompeo wants,\" said Kim. Later, talks resumed."
  ]),
  [
    {
      printed: "\"We want talks, not a 'rabid dog' and not the 'talks' Pompeo wants,\"",
      speaker: 'Kim'
    },
    { printed: "'rabid dog'", speaker: null },
    { printed: "'talks'", speaker: 'Mike Pompeo' }
  ]
)
const { text, quotes, blocks } = article

describe('directQuoteAt', () => {
  it('finds the direct quotation holding a range', () => {
    expect(directQuoteAt(quotes, rangeOf(text, 'want'))?.speaker).toBe('Kim')
  })

  it('prefers the innermost direct quotation: quoted words are the quoted person’s', () => {
    expect(directQuoteAt(quotes, rangeOf(text, "'talks'"))?.speaker).toBe('Mike Pompeo')
  })

  it('sees through a scare quote to the speaker around it', () => {
    expect(directQuoteAt(quotes, rangeOf(text, 'rabid'))?.speaker).toBe('Kim')
  })

  it('finds nothing outside quotations or for a range only partly inside one', () => {
    expect(directQuoteAt(quotes, rangeOf(text, 'stalled'))).toBeUndefined()
    expect(directQuoteAt(quotes, rangeOf(text, 'wants," said'))).toBeUndefined()
  })
})

describe('snippetSpeaker', () => {
  it('names the speaker of the quotation the excerpt’s first highlighted match is in', () => {
    const matches = [rangeOf(text, 'want')]
    const snippet = makeSnippet(text, blocks, matches)
    expect(snippetSpeaker(text, quotes, matches, snippet)).toBe('Kim')
  })

  it('names nobody when the excerpt’s first match is in the narrative', () => {
    const matches = [rangeOf(text, 'stalled')]
    expect(
      snippetSpeaker(text, quotes, matches, makeSnippet(text, blocks, matches))
    ).toBeUndefined()
  })

  it('follows the match the excerpt shows, not the article’s first match', () => {
    const filler = 'The envoys met again and again over many months without much to show. '.repeat(
      3
    )
    const long = withQuotes(
      markdownArticle('peace', { title: 'Peace' }, [
        `Talks began. ${filler}"We want talks and peace," said Kim.`
      ]),
      [{ printed: '"We want talks and peace,"', speaker: 'Kim' }]
    )
    // "talks" first appears in the narrative; the excerpt shows where both words are.
    const matches = [
      { ...rangeOf(long.text, 'Talks'), word: 0 },
      { ...rangeOf(long.text, 'talks'), word: 0 },
      { ...rangeOf(long.text, 'peace'), word: 1 }
    ]
    const snippet = makeSnippet(long.text, long.blocks, matches)
    expect(snippet.text).toContain('We want talks and peace')
    expect(snippetSpeaker(long.text, long.quotes, matches, snippet)).toBe('Kim')
  })

  it('names nobody for an excerpt with no highlight or an article without quotations', () => {
    const snippet = makeSnippet(text, blocks, [])
    expect(snippetSpeaker(text, quotes, [], snippet)).toBeUndefined()
    const matches = [rangeOf(text, 'want')]
    expect(snippetSpeaker(text, [], matches, makeSnippet(text, blocks, matches))).toBeUndefined()
  })
})
