import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import type { ArticleView, SkippedFile } from '@shared/model/article'
import { parseArticle } from '@shared/content/parse-article'

/**
 * Largest article file read. The longest news features run to ~100k words (~0.7 MB); a file
 * past this is almost certainly not an article and would stall start-up.
 */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024
const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown'])

export interface Library {
  articles: ArticleView[]
  skipped: SkippedFile[]
}

/** An article's id is its file name, lower-cased and reduced to a URL-safe slug. */
export function articleIdFromFile(fileName: string): string {
  const slug = basename(fileName, extname(fileName))
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
  return slug === '' ? 'article' : slug
}

/**
 * Reads every article file in `dir`. A file that cannot be read or parsed is skipped with a
 * reason naming it, so one bad file never keeps the others from loading.
 * Articles come back newest first (undated last), then by title.
 * @param onProgress hears the fraction of files read (0–1) after each one.
 */
export async function loadLibrary(
  dir: string,
  onProgress?: (fraction: number) => void
): Promise<Library> {
  const skipped: SkippedFile[] = []
  let names: string[]
  try {
    names = (await readdir(dir)).filter((name) =>
      ARTICLE_EXTENSIONS.has(extname(name).toLowerCase())
    )
  } catch (error) {
    return {
      articles: [],
      skipped: [
        { file: dir, reason: `the articles folder cannot be read (${(error as Error).message})` }
      ]
    }
  }

  const articles: ArticleView[] = []
  const seen = new Set<string>()
  const sorted = names.sort()
  for (const [done, name] of sorted.entries()) {
    onProgress?.(done / sorted.length)
    const path = join(dir, name)
    try {
      const info = await stat(path)
      if (!info.isFile()) continue
      if (info.size > MAX_ARTICLE_BYTES) {
        throw new Error(
          `it is ${(info.size / 1048576).toFixed(1)} MB, over the ${MAX_ARTICLE_BYTES / 1048576} MB limit for one article`
        )
      }
      const id = articleIdFromFile(name)
      if (seen.has(id)) throw new Error(`another file already has the id "${id}"`)
      const bytes = await readFile(path)
      const article = parseArticle(id, new TextDecoder('utf-8').decode(bytes))
      seen.add(id)
      articles.push(article)
    } catch (error) {
      skipped.push({ file: name, reason: (error as Error).message })
    }
  }
  articles.sort(
    (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title)
  )
  return { articles, skipped }
}

/** The line logged for a skipped file. */
export function describeSkipped(dir: string, file: SkippedFile): string {
  return `[dossier] Skipped article ${join(dir, file.file)}: ${file.reason}`
}
