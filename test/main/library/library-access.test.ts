import { describe, expect, it, vi } from 'vitest'
import type { ArticleView } from '@shared/model/article'
import { contentHash } from '../../../src/main/import/content-hash'
import {
  articleOf,
  localLibrary,
  withRecentArticles
} from '../../../src/main/library/library-access'
import type { AskLibrary } from '../../../src/main/library/library-questions'
import { markdownArticle } from '../../shared/voices/quote-fixture'

const garden = markdownArticle('garden', { title: 'Garden' }, ['Tomatoes and beans.'])
const harbour = markdownArticle('harbour', { title: 'Harbour' }, ['The dockers struck.'])
const imported: ArticleView = {
  ...markdownArticle('copy', { title: 'Copy' }, ['The dockers struck.']),
  imported: true
}

describe('the library, asked where its texts are', () => {
  it('gives whole articles by id, null for an unknown one, and refuses an unknown article', async () => {
    const { ask, summaries } = localLibrary([garden, harbour])
    expect(summaries.map(({ id }) => id)).toEqual(['garden', 'harbour'])
    expect(await ask({ kind: 'articles', ids: ['harbour', 'nowhere'] })).toEqual([harbour, null])
    await expect(articleOf(ask, 'nowhere')).rejects.toThrow(/No article with id "nowhere"/)
  })

  it('finds a bundled article by its content, never an imported one', async () => {
    const { ask } = localLibrary([garden, harbour, imported])
    expect(await ask({ kind: 'duplicate', contentHash: contentHash(harbour) })).toBe('harbour')
    const onlyImported = localLibrary([garden, imported])
    expect(
      await onlyImported.ask({ kind: 'duplicate', contentHash: contentHash(imported) })
    ).toBeNull()
  })

  it('places a quote in the one article holding it', async () => {
    const { ask } = localLibrary([garden, harbour])
    const at = garden.text.indexOf('beans')
    expect(
      await ask({
        kind: 'locate',
        quotes: [{ quote: { exact: 'beans', prefix: '', suffix: '' }, articleId: null }]
      })
    ).toEqual([{ articleId: 'garden', start: at, end: at + 'beans'.length }])
  })
})

describe('the last few articles asked for', () => {
  it('are served again without asking, and only the missing ones are asked for', async () => {
    const { ask } = localLibrary([garden, harbour])
    const counting = vi.fn(ask) as unknown as AskLibrary
    const recent = withRecentArticles(counting, 1)
    expect(await recent({ kind: 'articles', ids: ['garden'] })).toEqual([garden])
    expect(await recent({ kind: 'articles', ids: ['garden'] })).toEqual([garden])
    expect(counting).toHaveBeenCalledTimes(1)
    // Kept one: harbour pushes garden out.
    await recent({ kind: 'articles', ids: ['harbour'] })
    await recent({ kind: 'articles', ids: ['garden'] })
    expect(counting).toHaveBeenCalledTimes(3)
    expect(counting).toHaveBeenLastCalledWith({ kind: 'articles', ids: ['garden'] })
  })
})
