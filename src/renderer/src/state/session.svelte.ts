/**
 * The session's life: what starts when the app opens (the last article, the index watched while
 * it loads), what follows the open article and the settings, and what is saved when the page
 * goes away.
 */
import { onMount, untrack } from 'svelte'
import { applyAppearance } from '../lib/appearance'
import { library } from './library.svelte'
import { notes } from './notes.svelte'
import { reader } from './reader.svelte'
import { search } from './search.svelte'
import { searchStatus } from './search-status.svelte'
import { settings } from './settings.svelte'
import { view } from './view.svelte'
import { voices } from './voices.svelte'

async function start(): Promise<void> {
  void notes.checkStatus()
  // The index may still be loading: the library and reader do not wait for it.
  void searchStatus.watch().then((ready) => {
    if (ready) search.refresh()
  })
  await Promise.all([settings.load(), library.load()])
  const last = settings.value.lastArticleId
  const id = library.has(last) ? last : library.articles[0]?.id
  if (id) await reader.open(id)
}

/** Runs the session; called while App is set up, so its effects live as long as App does. */
export function runSession(): void {
  // The Notes panel and the highlights follow the open article.
  $effect(() => {
    const id = reader.article?.id ?? null
    // Only the article is a dependency, not the notes state that loading reads and sets.
    untrack(() => void notes.showArticle(id))
  })

  $effect(() => {
    applyAppearance(settings.value)
  })

  // The library's voices are asked for the first time the Voices view opens.
  $effect(() => {
    if (view.current === 'voices') void voices.load()
  })

  onMount(() => {
    void start()
    const save = () => {
      reader.flush()
      void notes.flush()
      settings.flush()
    }
    window.addEventListener('pagehide', save)
    return () => window.removeEventListener('pagehide', save)
  })
}
