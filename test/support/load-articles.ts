import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArticle } from '@shared/content/parse-article'
import type { ArticleView } from '@shared/model/article'

/** The bundled articles and the hand-made test library. */
export const BUNDLED_ARTICLES_DIR = resolve(__dirname, '../../resources/articles')
export const FIXTURE_LIBRARY_DIR = resolve(__dirname, '../fixtures/library')

/** Every `.md` file of `dir`, parsed as the app parses it; the file name is the id. */
export function loadArticles(dir: string): ArticleView[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => parseArticle(name.replace(/\.md$/, ''), readFileSync(join(dir, name), 'utf8')))
}
