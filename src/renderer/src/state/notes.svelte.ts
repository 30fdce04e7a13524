/**
 * The user's highlights and notes as the renderer sees them: the open article's (drawn in the
 * text and listed in the Notes panel), every note (the Notebook), the note being written, and
 * the deletes that can still be undone.
 *
 * Nothing typed is lost: the editor's text lives here, not in the component; it is saved a
 * moment after typing stops, on blur and before the editor closes, one save at a time. A save
 * main refuses (disk full, read-only) leaves the text in the editor with the error, and the
 * next change tries again.
 */
import type {
  Annotation,
  AnnotationView,
  ExportFormat,
  HighlightColor
} from '@shared/model/annotation'
import type { IpcError } from '@shared/ipc/result'
import { call } from '../lib/api'
import { downloadFile } from '../lib/download'
import { formatCount } from '../lib/format'
import { toHighlightRanges } from '../lib/highlights'
import { NO_FILTER, readingOrder, upsert, type NoteFilter } from '../lib/note-list'
import { debounce } from '../lib/timing'
import { notices } from './notices.svelte'

/**
 * Long enough that a save does not go out on every keystroke of a word, short enough that a
 * crash or a closed laptop loses at most the last second of typing.
 */
export const AUTOSAVE_MS = 600

/** A deleted note stays undoable from its toast this long (longer than ordinary notices). */
const UNDO_NOTICE_MS = 10_000

/**
 * Main refuses import files over 20 MB (MAX_IMPORT_LENGTH in shared/ipc/schemas, not imported
 * here: it would bring zod into the renderer). Checked here too so a huge file is never read.
 */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024

/** The note being written: the annotation as last saved, and the text in the editor. */
export interface Draft {
  id: string
  annotation: AnnotationView
  text: string
}

class NotesState {
  /** The article whose annotations `items` holds, or null. */
  articleId = $state<string | null>(null)
  /** The open article's annotations in reading order, orphans last. */
  items = $state.raw<AnnotationView[]>([])
  /** Every annotation in the library (the Notebook), once loaded. */
  all = $state.raw<AnnotationView[]>([])
  allLoaded = $state(false)
  /** What the Notes panel shows. */
  filter = $state.raw<NoteFilter>(NO_FILTER)
  /** The colour a new highlight gets: the last one picked. */
  color = $state<HighlightColor>('yellow')

  draft = $state.raw<Draft | null>(null)
  saving = $state(false)
  /** Why the last save of the draft failed, until one succeeds. */
  saveError = $state<string | null>(null)

  /** Deleted annotations, newest last: Ctrl/Cmd+Z puts them back one by one. */
  deleted = $state.raw<Annotation[]>([])

  #listSeq = 0
  /** The note text main has for the draft. */
  #savedText = ''
  /** Saves run one after another; each checks whether anything is left to save. */
  #queue: Promise<boolean> = Promise.resolve(true)
  #saveSoon = debounce(() => void this.#save(), AUTOSAVE_MS)

  /** The open article's highlights as a range layer for the reader. */
  get ranges() {
    return toHighlightRanges(this.items)
  }

  /** Loads `articleId`'s annotations (the reader opened another article). */
  async showArticle(articleId: string | null): Promise<void> {
    if (articleId === this.articleId) return
    // The note being written is saved; if that fails it stays open, shown on its own.
    void this.close()
    const seq = ++this.#listSeq
    this.articleId = articleId
    this.items = []
    this.filter = NO_FILTER
    if (articleId === null) return
    const result = await call('notes:list', { articleId })
    if (seq !== this.#listSeq) return
    if (result.ok) this.items = readingOrder(result.value.annotations)
    else notices.fromError('Could not load your notes', result.error)
  }

  /** Loads every note in the library for the Notebook. */
  async loadAll(): Promise<void> {
    const result = await call('notes:list', {})
    if (result.ok) {
      this.all = readingOrder(result.value.annotations)
      this.allLoaded = true
    } else {
      notices.fromError('Could not load your notes', result.error)
    }
  }

  /** Tells the user, once, what the notes store had to do at start-up (a restored backup). */
  async checkStatus(): Promise<void> {
    const result = await call('notes:status')
    if (!result.ok) notices.fromError('Could not read your notes', result.error)
    else if (result.value.notice) notices.push(result.value.notice, { ms: 20_000 })
  }

  setFilter(filter: NoteFilter): void {
    this.filter = filter
  }

  /** Highlights [start, end) of the article; answers the new highlight once it is on disk. */
  async highlight(
    articleId: string,
    start: number,
    end: number,
    color: HighlightColor = this.color
  ): Promise<AnnotationView | null> {
    this.color = color
    const result = await call('notes:create', { articleId, kind: 'highlight', start, end, color })
    if (!result.ok) {
      notices.fromError('Could not save the highlight', result.error)
      return null
    }
    this.#store(result.value)
    return result.value
  }

  /** Starts a note on the whole article and opens it for writing. */
  async addArticleNote(articleId: string): Promise<AnnotationView | null> {
    if (!(await this.close())) return null
    const result = await call('notes:create', { articleId, kind: 'article-note', note: '' })
    if (!result.ok) {
      notices.fromError('Could not start a note', result.error)
      return null
    }
    this.#store(result.value)
    this.#open(result.value)
    return result.value
  }

  /**
   * Opens annotation `id` for writing. The note being written is saved first; if that fails
   * it stays open (with its text), and this answers false.
   */
  async edit(id: string): Promise<boolean> {
    if (this.draft?.id === id) return true
    if (!(await this.close())) return false
    const annotation = this.#find(id)
    if (!annotation) return false
    this.#open(annotation)
    return true
  }

  /** The editor's text changed: saved once typing pauses. */
  type(text: string): void {
    if (!this.draft) return
    this.draft = { ...this.draft, text }
    this.#saveSoon()
  }

  /** Saves what is waiting now (blur, closing, leaving the page); true once all is on disk. */
  flush(): Promise<boolean> {
    this.#saveSoon.cancel()
    return this.#save()
  }

  /**
   * Saves and closes the editor. A failed save keeps it open with the text and answers false.
   * A note on the whole article left empty is not worth keeping and goes quietly.
   */
  async close(): Promise<boolean> {
    const draft = this.draft
    if (!draft) return true
    if (!(await this.flush())) return false
    if (this.draft?.id !== draft.id) return true
    this.draft = null
    this.saveError = null
    const annotation = this.#find(draft.id) ?? draft.annotation
    if (
      annotation.kind === 'article-note' &&
      annotation.note.trim() === '' &&
      annotation.tags.length === 0
    ) {
      const result = await call('notes:delete', { id: draft.id })
      if (result.ok) this.#forget(draft.id)
    }
    return true
  }

  /** Replaces an annotation's tags. */
  async setTags(id: string, tags: string[]): Promise<void> {
    await this.#update(id, { tags }, 'Could not save the tags')
  }

  /** Changes a highlight's colour (and makes it the colour of the next one). */
  async recolor(id: string, color: HighlightColor): Promise<void> {
    this.color = color
    await this.#update(id, { color }, 'Could not change the colour')
  }

  /** Deletes an annotation, offering to undo it. */
  async remove(id: string): Promise<void> {
    if (this.draft?.id === id) {
      // What was typed goes into the deleted copy, so undo brings it back too.
      await this.flush()
      this.#saveSoon.cancel()
      this.draft = null
      this.saveError = null
    }
    const result = await call('notes:delete', { id })
    if (!result.ok) {
      notices.fromError('Could not delete', result.error)
      return
    }
    const deleted = result.value.deleted
    this.#forget(id)
    this.deleted = [...this.deleted, deleted]
    notices.push(deleted.kind === 'highlight' ? 'Highlight deleted' : 'Note deleted', {
      action: { label: 'Undo', run: () => void this.undo(deleted.id) },
      ms: UNDO_NOTICE_MS
    })
  }

  /** Whether there is a delete to undo. */
  get canUndo(): boolean {
    return this.deleted.length > 0
  }

  /** Puts back the latest deleted annotation (or the one with `id`) exactly as it was. */
  async undo(id?: string): Promise<boolean> {
    const annotation =
      id === undefined ? this.deleted.at(-1) : this.deleted.find((a) => a.id === id)
    if (!annotation) return false
    this.deleted = this.deleted.filter((a) => a !== annotation)
    const result = await call('notes:restore', { annotation })
    if (!result.ok) {
      this.deleted = [...this.deleted, annotation]
      notices.fromError('Could not undo the delete', result.error)
      return false
    }
    this.#store(result.value)
    return true
  }

  /** Exports this article's notes (or all, without `articleId`) and offers the file for saving. */
  async exportNotes(format: ExportFormat, articleId?: string): Promise<void> {
    const result = await call(
      'notes:export',
      articleId === undefined ? { format } : { articleId, format }
    )
    if (!result.ok) notices.fromError('Could not export your notes', result.error)
    else downloadFile(result.value)
  }

  /** Imports a W3C Web Annotation file; all of it or, with the reason shown, none. */
  async importFile(file: Pick<File, 'size' | 'text' | 'name'>): Promise<void> {
    if (file.size > MAX_IMPORT_BYTES) {
      notices.push(
        `${file.name} is too large to be a notes file (over 20 MB); nothing was imported.`
      )
      return
    }
    let content: string
    try {
      content = await file.text()
    } catch (error) {
      notices.push(
        `Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`
      )
      return
    }
    const result = await call('notes:import', { content })
    if (!result.ok) {
      // The importer says exactly what is wrong with the file.
      notices.push(result.error.message)
      return
    }
    const { imported, unchanged } = result.value
    notices.push(
      `Imported ${formatCount(imported, 'note')}` +
        (unchanged > 0 ? ` (${unchanged} already here)` : '') +
        '.'
    )
    await this.#reload()
  }

  #open(annotation: AnnotationView): void {
    this.#saveSoon.cancel()
    this.#savedText = annotation.note
    this.saveError = null
    this.draft = { id: annotation.id, annotation, text: annotation.note }
  }

  #find(id: string): AnnotationView | undefined {
    return this.items.find((a) => a.id === id) ?? this.all.find((a) => a.id === id)
  }

  /** Puts a saved annotation into every list it belongs in. */
  #store(annotation: AnnotationView): void {
    if (this.draft?.id === annotation.id) this.draft = { ...this.draft, annotation }
    if (annotation.articleId === this.articleId) this.items = upsert(this.items, annotation)
    if (this.allLoaded) this.all = upsert(this.all, annotation)
  }

  #forget(id: string): void {
    this.items = this.items.filter((a) => a.id !== id)
    this.all = this.all.filter((a) => a.id !== id)
  }

  async #reload(): Promise<void> {
    const articleId = this.articleId
    this.articleId = null
    await Promise.all([this.showArticle(articleId), this.allLoaded ? this.loadAll() : null])
  }

  async #update(
    id: string,
    patch: { tags?: string[]; color?: HighlightColor },
    doing: string
  ): Promise<void> {
    const result = await call('notes:update', { id, ...patch })
    if (!result.ok) notices.fromError(doing, result.error)
    else this.#store(result.value)
  }

  #save(): Promise<boolean> {
    this.#queue = this.#queue.then(() => this.#saveDraft())
    return this.#queue
  }

  /** Saves the draft if main does not have its text yet. Never rejects. */
  async #saveDraft(): Promise<boolean> {
    const draft = this.draft
    if (!draft || draft.text === this.#savedText) return true
    this.saving = true
    const result = await call('notes:update', { id: draft.id, note: draft.text })
    this.saving = false
    if (!result.ok) {
      this.#failed(result.error)
      return false
    }
    if (this.draft?.id === draft.id) {
      this.#savedText = draft.text
      this.saveError = null
    }
    this.#store(result.value)
    return true
  }

  #failed(error: IpcError): void {
    this.saveError = error.message
    notices.push(
      `${error.message.replace(/\.$/, '')} — your text stays in the editor and is saved with your next change.`
    )
  }
}

export const notes = new NotesState()
