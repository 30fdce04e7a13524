import { describe, expect, it } from 'vitest'
import { requestSchemas } from '@shared/ipc/schemas'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import { createQuoteHandlers } from '../../../src/main/ipc/quote-handlers'
import { localLibrary } from '../../../src/main/library/library-access'
import type { Handlers } from '@shared/ipc/contract'
import { markdownArticle, withQuotes } from '../../shared/voices/quote-fixture'

const article = withQuotes(
  markdownArticle('drills', { title: 'Drills Shelved', source: 'NDTV', date: '2019-11-18' }, [
    '"Enable peace," said Mark Esper. "Facilitate," Esper added.'
  ]),
  [
    { printed: '"Enable peace,"', speaker: 'Mark Esper' },
    { printed: '"Facilitate,"', speaker: 'Mark Esper' }
  ]
)
const handlers = createQuoteHandlers(localLibrary([article]).ask)
// The dispatcher only reaches these two channels in these tests.
const dispatch = createDispatcher(handlers as Handlers, { log: () => {} })

describe('quote handlers', () => {
  it('list every voice of the library with its count and articles', async () => {
    expect(await dispatch('quotes:voices', undefined)).toEqual({
      ok: true,
      value: {
        voices: [
          {
            speaker: 'Mark Esper',
            quoteCount: 2,
            articles: [{ id: 'drills', title: 'Drills Shelved' }]
          }
        ]
      }
    })
  })

  it('give one speaker’s quotations with the article each came from', async () => {
    const answer = await dispatch('quotes:by-speaker', { speaker: 'mark esper' })
    expect(answer.ok && answer.value).toMatchObject({
      speaker: 'mark esper',
      quotes: [
        { articleId: 'drills', title: 'Drills Shelved', quote: { text: 'Enable peace,' } },
        { articleId: 'drills', quote: { text: 'Facilitate,' } }
      ]
    })
  })

  it('say plainly when nobody by that name is quoted', async () => {
    expect(await dispatch('quotes:by-speaker', { speaker: 'Kim' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Nobody called "Kim" is quoted' }
    })
  })

  it('refuse a speaker that is not a name before any handler runs', async () => {
    for (const request of [
      { speaker: '' },
      { speaker: '   ' },
      { speaker: 'x'.repeat(201) },
      {},
      { speaker: 1 }
    ]) {
      const answer = await dispatch('quotes:by-speaker', request)
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    }
    expect(requestSchemas['quotes:voices'].safeParse({ extra: 1 }).success).toBe(false)
  })
})
