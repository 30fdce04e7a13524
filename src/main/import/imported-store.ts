/**
 * The user's imported articles, in the data directory: `imported/<id>.md` (the same Markdown
 * with front matter as bundled articles, with `imported: true`) and the original file beside it
 * (`<id>.original.html`, `.md` or `.txt`), so a better extractor can redo it later. The article
 * file is written last and atomically: it is what makes an import exist, so a crash at any
 * point leaves either the whole article or none (an original without its article is cleared at
 * the next start). Removing moves both files to `imported/trash/`; restoring moves them back.
 *
 * Each article file has its previous generation beside it, `<id>.md.prev` (a copy of the first
 * version when imported, then the version before each edit): an article file that cannot be
 * read at start-up is set aside (`<id>.md.damaged-<time>`, kept) and restored from it, and the
 * user is told (`notices`). See docs/notes.md, "Imported articles".
 */
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { readFrontMatter } from '@shared/content/front-matter'
import { ArticleParseError, parseArticle } from '@shared/content/parse-article'
import type { ArticleDetails } from '@shared/ipc/contract'
import { articleFile, type ArticleMeta } from '@shared/import/article-file'
import { articleIdFor } from '@shared/import/article-id'
import type { ArticleView } from '@shared/model/article'
import { keepPrevious, writeDurably } from '../storage/durable-write'
import { contentHash } from './content-hash'
import type { PipelineResult } from './import-pipeline'

export const IMPORTED_DIR = 'imported'
export const TRASH_DIR = 'trash'
const ORIGINAL = /^(.+)\.original\.(html|md|txt)$/

type Extracted = Extract<PipelineResult, { ok: true }>

export class ImportedStore {
  private readonly byId = new Map<string, ArticleView>()
  private readonly byHash = new Map<string, string>()
  private readonly byUrl = new Map<string, string>()
  /** Ids of removed articles, which a new import must not take (an undo would clash). */
  private readonly trashed = new Set<string>()
  /** What opening had to restore, in plain words for the user. */
  readonly notices: string[] = []

  private constructor(
    private readonly dir: string,
    private readonly log: (message: string) => void
  ) {}

  /** Opens (creating) the folder and reads every imported article, yielding between files. */
  static async open(dataDir: string, log: (message: string) => void): Promise<ImportedStore> {
    const store = new ImportedStore(join(dataDir, IMPORTED_DIR), log)
    await mkdir(join(store.dir, TRASH_DIR), { recursive: true })
    for (const name of await readdir(join(store.dir, TRASH_DIR)))
      if (name.endsWith('.md') && !ORIGINAL.test(name)) store.trashed.add(name.slice(0, -3))
    const names = (await readdir(store.dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
    const articles = new Set(names.filter((n) => n.endsWith('.md') && !ORIGINAL.test(n)))
    for (const name of names) {
      const original = ORIGINAL.exec(name)
      // An original whose article was never written: an import cut short. Or write-file-atomic's
      // temporary file of an article whose rename never happened.
      if ((original && !articles.has(`${original[1]}.md`)) || /\.md(\.prev)?\.\d+$/.test(name))
        await rm(join(store.dir, name))
    }
    // An article file gone while its previous generation remains (and it was not removed).
    for (const name of names) {
      const id = /^(.+)\.md\.prev$/.exec(name)?.[1]
      if (id && !articles.has(`${id}.md`) && !store.trashed.has(id)) articles.add(`${id}.md`)
    }
    for (const name of [...articles].sort()) {
      await store.read(name.slice(0, -'.md'.length))
      await new Promise((resolve) => setImmediate(resolve))
    }
    return store
  }

  /**
   * Reads and indexes one article. One that cannot be read is restored from its previous
   * generation; without one it costs itself only and stays on disk for a person to look at.
   */
  private async read(id: string): Promise<void> {
    const path = join(this.dir, `${id}.md`)
    let problem: string
    try {
      this.index(parseArticle(id, await readFile(path, 'utf8')))
      return
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
      problem = missing ? 'it was missing' : (error as Error).message
    }
    let previous: ArticleView
    let source: string
    try {
      source = await readFile(`${path}.prev`, 'utf8')
      previous = parseArticle(id, source)
    } catch {
      this.log(`[dossier] Imported article ${id}.md could not be read: ${problem}`)
      return
    }
    const aside = `${path}.damaged-${Date.now()}`
    const moved = await rename(path, aside).then(
      () => true,
      (error: NodeJS.ErrnoException) => error.code === 'ENOENT'
    )
    // Never written over a damaged file that could not be set aside.
    if (moved) await writeDurably(path, source)
    this.index(previous)
    const kept =
      moved && problem !== 'it was missing' ? ` The damaged file was kept as ${aside}.` : ''
    const notice = `The imported article “${previous.title}” (${id}.md) was damaged (${problem}); it was restored from its previous copy.${kept}`
    this.log(`[dossier] ${notice}`)
    this.notices.push(notice)
  }

  articles(): ArticleView[] {
    return [...this.byId.values()]
  }

  get(id: string): ArticleView | undefined {
    return this.byId.get(id)
  }

  /** The article already in the store with this canonical URL or this content, if any. */
  duplicateOf(url: string | null, hash: string): ArticleView | undefined {
    const id = (url !== null ? this.byUrl.get(url) : undefined) ?? this.byHash.get(hash)
    return id === undefined ? undefined : this.byId.get(id)
  }

  /**
   * Stores an extracted article with its original bytes; answers it with its new id.
   * `taken`: ids in use elsewhere (the bundled library), which the new id must not be.
   */
  async add(
    extracted: Extracted,
    original: Uint8Array,
    taken: (id: string) => boolean
  ): Promise<ArticleView> {
    const id = articleIdFor(
      extracted.meta.title,
      extracted.contentHash,
      (candidate) => taken(candidate) || this.byId.has(candidate) || this.inTrash(candidate)
    )
    const file = articleFile({ ...extracted.meta, imported: true }, extracted.body)
    await writeFileAtomic(
      join(this.dir, `${id}.original${extracted.extension}`),
      Buffer.from(original)
    )
    await writeDurably(join(this.dir, `${id}.md`), file)
    // A copy, not a link: the first generation must survive damage to the article file.
    await writeDurably(join(this.dir, `${id}.md.prev`), file)
    const article = { ...extracted.article, id, imported: true }
    this.index(article)
    return article
  }

  /** Rewrites an article's details (the text stays); answers it parsed afresh. */
  async edit(id: string, details: ArticleDetails): Promise<ArticleView> {
    const path = join(this.dir, `${id}.md`)
    const { meta, body } = splitFile(await readFile(path, 'utf8'))
    const patched: ArticleMeta = { ...meta }
    for (const [key, value] of Object.entries(details) as [keyof ArticleDetails, string | null][])
      if (value !== undefined) (patched as unknown as Record<string, unknown>)[key] = value
    const file = articleFile(patched, body)
    const article = parseArticle(id, file)
    await keepPrevious(path, `${path}.prev`)
    await writeDurably(path, file)
    this.unindex(id)
    this.index(article)
    return article
  }

  /** Moves the article and its original to the trash; answers what was removed. */
  async remove(id: string): Promise<ArticleView> {
    const article = this.byId.get(id)!
    await this.move(id, this.dir, join(this.dir, TRASH_DIR))
    this.unindex(id)
    return article
  }

  /** Moves a removed article back; undefined when the trash does not hold it. */
  async restore(id: string): Promise<ArticleView | undefined> {
    const trash = join(this.dir, TRASH_DIR)
    let source: string
    try {
      source = await readFile(join(trash, `${id}.md`), 'utf8')
    } catch {
      return undefined
    }
    const article = parseArticle(id, source)
    await this.move(id, trash, this.dir)
    this.index(article)
    return article
  }

  /**
   * The removed articles among `ids`, read from the trash: what their notes were written on,
   * so the Notebook can name them and offer them back after a restart.
   */
  async removed(ids: readonly string[]): Promise<ArticleView[]> {
    const found: ArticleView[] = []
    for (const id of new Set(ids)) {
      if (!this.inTrash(id)) continue
      try {
        found.push(parseArticle(id, await readFile(join(this.dir, TRASH_DIR, `${id}.md`), 'utf8')))
      } catch (error) {
        this.log(
          `[dossier] Removed article ${id}.md could not be read: ${(error as Error).message}`
        )
      }
    }
    return found
  }

  /** The kept original's bytes and whether it is a web page. */
  async original(id: string): Promise<{ bytes: Uint8Array; html: boolean } | null> {
    for (const extension of ['html', 'md', 'txt']) {
      try {
        const bytes = await readFile(join(this.dir, `${id}.original.${extension}`))
        return { bytes, html: extension === 'html' }
      } catch {
        // Not this kind.
      }
    }
    return null
  }

  private inTrash(id: string): boolean {
    return this.trashed.has(id)
  }

  /**
   * Moves an article's files between the folder and the trash. The article file is what makes
   * it part of the library: it leaves first and arrives last, so a crash between the two moves
   * leaves an original alone, which the next start clears from the folder or ignores in the trash.
   */
  private async move(id: string, from: string, to: string): Promise<void> {
    const originals = (await readdir(from)).filter(
      (name) => name.startsWith(`${id}.original.`) || name === `${id}.md.prev`
    )
    const article = `${id}.md`
    const names = to === this.dir ? [...originals, article] : [article, ...originals]
    for (const name of names) await rename(join(from, name), join(to, name))
    if (to === this.dir) this.trashed.delete(id)
    else this.trashed.add(id)
  }

  private index(article: ArticleView): void {
    this.byId.set(article.id, article)
    this.byHash.set(contentHash(article), article.id)
    if (article.url) this.byUrl.set(article.url, article.id)
  }

  private unindex(id: string): void {
    const article = this.byId.get(id)
    if (!article) return
    this.byId.delete(id)
    if (this.byHash.get(contentHash(article)) === id) this.byHash.delete(contentHash(article))
    if (article.url && this.byUrl.get(article.url) === id) this.byUrl.delete(article.url)
  }
}

/** An article file's details and body. */
function splitFile(file: string): { meta: ArticleMeta; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(file)
  if (!match) throw new ArticleParseError('it has no front matter')
  return { meta: readFrontMatter(match[1]!), body: file.slice(match[0].length) }
}
