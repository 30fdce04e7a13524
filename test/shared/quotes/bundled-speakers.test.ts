/**
 * Pins who the Quotes panel and the Voices view credit in the bundled articles, as extraction
 * credited them before issue 15's rules for real news: every speaker listed here must still be
 * credited, with at least as many quotations. (Rules may credit more; they may not lose one.)
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/content/parse-article'
import { extractQuotes } from '@shared/quotes'
import { groupBySpeaker } from '@shared/voices/group-by-speaker'
import { summariseVoices } from '@shared/voices/voices'
import { REPO_ROOT } from './scoring'

const BUNDLED = ['north-korea-snubs-trump', 'trump-running-out-of-time-on-north-korea']

/** Speaker → quotation count, per article, as credited before the change. */
const CREDITED: Record<string, Record<string, number>> = {
  'north-korea-snubs-trump': {
    'Kim Kye Gwan': 6,
    'Donald Trump': 2,
    'North Korea': 2,
    'a Trump loyalist': 1,
    'Lawrence Haas': 2,
    'Mark Esper': 2,
    'State Affairs Commission': 2
  },
  'trump-running-out-of-time-on-north-korea': {
    'North Korean foreign ministry': 2,
    'Kim Jong-un': 1
  }
}

const articles = BUNDLED.map((id) => {
  const source = readFileSync(join(REPO_ROOT, 'resources/articles', `${id}.md`), 'utf8')
  return parseArticle(id, source)
})

describe('speakers credited in the bundled articles', () => {
  it.each(articles.map((a) => [a.id, a] as const))(
    '%s: the Quotes panel still credits every speaker with their quotations',
    (id, article) => {
      const groups = groupBySpeaker(extractQuotes(article.text)).speakers
      const counts = Object.fromEntries(groups.map((g) => [g.speaker, g.entries.length]))
      for (const [speaker, count] of Object.entries(CREDITED[id]!))
        expect(counts[speaker] ?? 0, speaker).toBeGreaterThanOrEqual(count)
    }
  )

  it('the Voices view still lists every speaker in both articles', () => {
    const voices = summariseVoices(articles.map((a) => ({ ...a, quotes: extractQuotes(a.text) })))
    const listed = new Map(voices.map((v) => [v.speaker, v.quoteCount]))
    const expected = new Map<string, number>()
    for (const counts of Object.values(CREDITED))
      for (const [speaker, n] of Object.entries(counts))
        expected.set(speaker, (expected.get(speaker) ?? 0) + n)
    for (const [speaker, n] of expected)
      expect(listed.get(speaker) ?? 0, speaker).toBeGreaterThanOrEqual(n)
  })
})
