import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/content/parse-article'
import {
  findForwardOccurrences,
  forwardText,
  matchersFor,
  Vocabulary
} from '@shared/search/forward-index'
import { queryWord, type QueryWord } from '@shared/search/query'

const article = parseArticle(
  'a',
  '---\ntitle: Harbour news\n---\n\n' +
    'The harbour strike goes on. Strike, harbour: the talks stalled. Trump’s talks with the U.S.-Ukraine side.\n\n' +
    'Down at the harbour\n\nStrike pay ran out.\n'
)
const vocabulary = new Vocabulary()
const forward = forwardText(article.text, article.blocks, vocabulary)
/** Phrase occurrences as search finds them (forward index over the article's blocks). */
const findOccurrences = (words: QueryWord[]) =>
  findForwardOccurrences(forward, article.blocks, vocabulary, matchersFor(vocabulary, words))
const found = (phrase: string) =>
  findOccurrences(phrase.split(' ').map((w) => queryWord(w, false))).map((o) =>
    article.text.slice(o.start, o.end)
  )

describe('phrase occurrences', () => {
  it.each([
    ['adjacent words in order', 'harbour strike', ['harbour strike']],
    ['other inflections of the same words', 'harbours striking', ['harbour strike']],
    ['words across punctuation inside a block', 'strike harbour', ['Strike, harbour']],
    ['a stop word inside the phrase', 'harbour the talks', ['harbour: the talks']],
    ['a possessive, curly or straight', "trump's talks", ['Trump’s talks']],
    ['an acronym joined by a hyphen', 'U.S. Ukraine', ['U.S.-Ukraine']],
    ['nothing for words out of order', 'talks stalled the', []],
    ['nothing for words that are not adjacent', 'harbour goes', []],
    ['nothing across two blocks', 'harbour strike pay', []]
  ])('finds %s', (_case, phrase, expected) => {
    expect(found(phrase)).toEqual(expected)
  })

  it('reports the content positions a phrase spans', () => {
    const [occurrence] = findOccurrences([
      queryWord('harbour', false),
      queryWord('the', false),
      queryWord('talks', false)
    ])
    expect(occurrence!.last - occurrence!.first).toBe(1)
  })
})
