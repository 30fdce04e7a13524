/**
 * The app's keys: the window's keydown handler (Esc, Enter through the matches, reading keys,
 * then the commands of lib/commands.ts), what each command does, and the keys of the search box
 * and the results list. The moves themselves are the Shell's.
 */
import { tick } from 'svelte'
import { commandFor, type CommandId } from '../lib/commands'
import { isTypingTarget } from '../lib/keys'
import { extendSelection, scrollKeyAmount, selectNextBlock } from '../lib/reader-keys'
import { articleActions } from './article-actions.svelte'
import { find } from './find.svelte'
import { notes } from './notes.svelte'
import { reader } from './reader.svelte'
import { search } from './search.svelte'
import { settings } from './settings.svelte'
import type { Shell } from './shell.svelte'
import { view } from './view.svelte'

/** Enter in the reader steps through matches, unless it is meant for a link in the text. */
function isReaderEnter(event: KeyboardEvent): boolean {
  const target = event.target
  return (
    event.key === 'Enter' &&
    target instanceof HTMLElement &&
    target.closest('[data-testid="reader"]') !== null &&
    target.closest('a, button') === null
  )
}

/** Whether `target` is in an open modal dialog, whose keys are its own. */
function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog[open]') !== null
}

/** ↑/↓ choose a result, from the search box or the list; answers whether the key was one. */
function chooseResult(event: KeyboardEvent): boolean {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return false
  event.preventDefault()
  search.move(event.key === 'ArrowDown' ? 1 : -1)
  return true
}

export class ShellKeys {
  readonly #shell: Shell

  constructor(shell: Shell) {
    this.#shell = shell
  }

  onWindowKey(event: KeyboardEvent): void {
    if (event.defaultPrevented || inDialog(event.target)) return
    const shell = this.#shell
    const typing = isTypingTarget(event.target)
    if (event.key === 'Escape' && find.open && !shell.isInSidebar(event.target)) {
      event.preventDefault()
      shell.closeFind()
    } else if (shell.hitsShown && isReaderEnter(event)) {
      event.preventDefault()
      reader.stepHit(event.shiftKey ? -1 : 1)
    } else if (event.key === 'Escape' && (shell.searching || shell.hitsShown)) {
      event.preventDefault()
      search.clear()
    } else if (!typing && this.#readerKeys(event)) {
      event.preventDefault()
    } else {
      const command = commandFor(event, { singleKeys: settings.value.singleKeyShortcuts, typing })
      if (command && this.run(command.id) !== false) event.preventDefault()
    }
  }

  onSearchKey(event: KeyboardEvent): void {
    if (chooseResult(event) || event.key !== 'Enter') return
    event.preventDefault()
    // Opening a result moves focus to it; stepping through its matches leaves focus here.
    void this.#shell.openThenRead(() => search.enter(event.shiftKey))
  }

  /** On the results list itself: Enter opens the chosen result (j, k and o do too, as anywhere). */
  onResultsKey(event: KeyboardEvent): void {
    if (chooseResult(event) || event.key !== 'Enter') return
    event.preventDefault()
    event.stopPropagation()
    void this.#shell.openResult(search.activeIndex)
  }

  /**
   * Reading keys that would otherwise go nowhere: scrolling keys pressed while focus is on the
   * page itself scroll the article (and give it focus, so the next keys go there natively);
   * Shift+arrows in the article select text, starting at the first paragraph in view.
   */
  #readerKeys(event: KeyboardEvent): boolean {
    const scroller = this.#shell.readerScroller()
    if (!scroller || !reader.article) return false
    const onPage = event.target === document.body || event.target === document.documentElement
    const amount = onPage ? scrollKeyAmount(event, scroller.clientHeight) : null
    if (amount !== null) {
      scroller.focus({ preventScroll: true })
      scroller.scrollBy({ top: amount })
      return true
    }
    const inReader = event.target instanceof Node && scroller.contains(event.target)
    return inReader && extendSelection(event, scroller)
  }

  /** Runs a command; false when it had nothing to act on (so its key does what it would). */
  run(id: CommandId): boolean | void {
    const shell = this.#shell
    const { parts } = shell
    switch (id) {
      case 'search':
        return parts.searchBox()?.focus()
      case 'find':
        return shell.openFind()
      case 'next-hit':
      case 'previous-hit': {
        const step = id === 'next-hit' ? 1 : -1
        return find.open ? find.step(step) : reader.stepHit(step)
      }
      case 'search-help':
        return parts.searchBox()?.showHelp()
      case 'next-article':
        return shell.stepArticle(1)
      case 'previous-article':
        return shell.stepArticle(-1)
      case 'open-article':
        return shell.openChosen()
      case 'read':
        if (view.current !== 'reader') view.show('reader')
        return shell.focusReader()
      case 'select-paragraph': {
        const scroller = shell.readerScroller()
        return scroller !== null && selectNextBlock(scroller)
      }
      case 'highlight':
        return parts.highlightLayer()?.highlightSelection() ?? false
      case 'highlight-note':
        return parts.highlightLayer()?.highlightSelection(true) ?? false
      case 'undo-delete':
        // Outside a text field Ctrl/Cmd+Z has nothing else to undo: it brings back a deleted
        // note, or else a removed article.
        if (notes.canUndo) return void notes.undo()
        if (articleActions.canUndo) return void articleActions.undoRemove()
        return false
      case 'export-notes':
        if (reader.article) void notes.exportNotes('markdown', reader.article.id)
        return
      case 'show-library':
        return shell.showView('reader')
      case 'show-voices':
        return shell.showView('voices')
      case 'show-notebook':
        return shell.showView('notebook')
      case 'show-quotes':
      case 'show-notes': {
        const tab = id === 'show-quotes' ? 'quotes' : 'notes'
        if (view.current !== 'reader') view.show('reader')
        view.openPanel(tab)
        return void tick().then(() => document.getElementById(`panel-tab-${tab}`)?.focus())
      }
      case 'palette':
        return parts.palette()?.open()
      case 'shortcuts':
        return parts.sheet()?.open()
      case 'toggle-single-keys':
        return shell.setSingleKeys(!settings.value.singleKeyShortcuts)
    }
  }
}
