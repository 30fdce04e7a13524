/**
 * The search operators the help popover teaches, each with an example to try. Kept apart from
 * SearchHelp so the list reads as the data it is; the query language itself is shared/search's.
 */

/** One line of the search help: an example to try and what it finds. */
export interface Operator {
  example: string
  meaning: string
}

export const OPERATORS: readonly Operator[] = [
  { example: 'north korea', meaning: 'Articles with all of these words, in any order.' },
  { example: '"north korea"', meaning: 'The exact phrase: these words side by side, in order.' },
  { example: 'sanctions -china', meaning: 'Leave out articles that have a word.' },
  { example: 'title:summit', meaning: 'The word in the title.' },
  { example: 'source:ndtv', meaning: 'Articles from one source.' },
  { example: 'author:smith', meaning: 'Articles by one author.' },
  {
    example: 'speaker:esper',
    meaning: 'What one person or body said: their quotations. Plain words find speakers too.'
  },
  { example: 'hanoi OR singapore', meaning: 'Either word will do.' },
  { example: 'denucl', meaning: 'The word you are typing counts as a beginning.' },
  {
    example: 'denuclearisation',
    meaning: 'Typos and other spellings: close spellings when nothing matches exactly.'
  }
]
