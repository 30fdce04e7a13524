import { describe, expect, it } from 'vitest'
import { CHANNELS } from '@shared/ipc/contract'
import { MAX_NOTE_LENGTH, MAX_QUERY_LENGTH, MAX_TAGS, requestSchemas } from '@shared/ipc/schemas'

describe('request schemas', () => {
  it('cover every channel of the contract', () => {
    expect(Object.keys(requestSchemas).sort()).toEqual([...CHANNELS].sort())
  })

  it.each([
    ['library:list', undefined],
    ['library:get', { id: 'north-korea-snubs-trump' }],
    ['search:query', { query: 'kim jong' }],
    ['search:query', { query: '', limit: 5 }],
    ['search:matches', { articleId: 'a1', query: 'x' }],
    ['settings:update', { theme: 'sepia' }],
    ['settings:update', { fontSize: 20, lineWidth: 70, lastArticleId: null }],
    ['reading:save-position', { articleId: 'a1', position: 0.25 }]
  ] as const)('accept %s %j', (channel, payload) => {
    expect(requestSchemas[channel].safeParse(payload).success).toBe(true)
  })

  it.each([
    ['library:list', { extra: 1 }],
    ['library:get', { id: '../../etc/passwd' }],
    ['library:get', { id: 'A' }],
    ['library:get', {}],
    ['library:get', { id: 'a', __proto__: { polluted: true }, constructor: 1 }],
    ['search:query', { query: 'x'.repeat(MAX_QUERY_LENGTH + 1) }],
    ['search:query', { query: ['a'] }],
    ['search:query', { query: 'a', limit: 0 }],
    ['search:query', { query: 'a', limit: 1.5 }],
    ['search:matches', { articleId: 'a', query: null }],
    ['settings:update', { theme: 'neon' }],
    ['settings:update', { fontSize: 1000 }],
    ['settings:update', { fontSize: Number.NaN }],
    ['settings:update', { positions: {} }],
    ['reading:save-position', { articleId: 'a', position: -0.1 }],
    ['reading:save-position', { articleId: 'a', position: 2 }],
    ['reading:save-position', 'a']
  ] as const)('refuse %s %j', (channel, payload) => {
    expect(requestSchemas[channel].safeParse(payload).success).toBe(false)
  })

  describe('notes', () => {
    const id = '0b7f4a2e-5c1d-4e8a-9f3b-2a6c8d1e4f70'
    const annotation = {
      id,
      articleId: 'a1',
      kind: 'highlight',
      target: {
        position: { type: 'TextPositionSelector', start: 3, end: 9 },
        quote: { type: 'TextQuoteSelector', exact: 'passage', prefix: '', suffix: ' after' }
      },
      color: 'blue',
      note: '',
      tags: [],
      created: '2025-01-01T00:00:00.000Z',
      updated: '2025-01-01T00:00:00.000Z'
    }

    it.each([
      ['notes:list', {}],
      ['notes:list', { articleId: 'a1' }],
      ['notes:create', { articleId: 'a1', kind: 'highlight', start: 0, end: 4, color: 'green' }],
      [
        'notes:create',
        { articleId: 'a1', kind: 'article-note', note: 'x'.repeat(MAX_NOTE_LENGTH) }
      ],
      ['notes:update', { id, tags: Array.from({ length: MAX_TAGS }, (_, i) => `tag ${i}`) }],
      ['notes:delete', { id }],
      ['notes:restore', { annotation }],
      ['notes:restore', { annotation: { ...annotation, kind: 'article-note', target: null } }],
      ['notes:export', { format: 'markdown' }],
      ['notes:import', { content: '{}' }],
      ['notes:status', undefined]
    ] as const)('accept %s %j', (channel, payload) => {
      expect(requestSchemas[channel].safeParse(payload).success).toBe(true)
    })

    it.each([
      ['notes:create', { articleId: 'a1', kind: 'highlight' }],
      ['notes:create', { articleId: 'a1', kind: 'highlight', start: 4, end: 2 }],
      ['notes:create', { articleId: 'a1', kind: 'article-note', start: 0, end: 2 }],
      [
        'notes:create',
        { articleId: 'a1', kind: 'article-note', note: 'x'.repeat(MAX_NOTE_LENGTH + 1) }
      ],
      ['notes:create', { articleId: 'a1', kind: 'comment' }],
      ['notes:update', { id, tags: Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`) }],
      ['notes:update', { id, note: 5 }],
      ['notes:update', { id: 'not-a-uuid' }],
      ['notes:restore', { annotation: { ...annotation, target: null } }],
      ['notes:restore', { annotation: { ...annotation, created: 'yesterday' } }],
      ['notes:restore', { annotation: { ...annotation, extra: 1 } }],
      [
        'notes:restore',
        {
          annotation: {
            ...annotation,
            target: {
              ...annotation.target,
              position: { type: 'TextPositionSelector', start: 9, end: 3 }
            }
          }
        }
      ],
      ['notes:import', { content: 42 }],
      ['notes:export', { format: 'markdown', articleId: '../x' }]
    ] as const)('refuse %s %j', (channel, payload) => {
      expect(requestSchemas[channel].safeParse(payload).success).toBe(false)
    })
  })
})
