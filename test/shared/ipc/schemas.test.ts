import { describe, expect, it } from 'vitest'
import { CHANNELS } from '@shared/ipc/contract'
import { MAX_QUERY_LENGTH, requestSchemas } from '@shared/ipc/schemas'

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
})
