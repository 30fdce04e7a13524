/**
 * The reader's settings: loaded once from main, changed locally at once (so sliders feel
 * immediate) and saved to main shortly after the last change.
 */
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '@shared/model/settings'
import { call } from '../lib/api'
import { debounce } from '../lib/timing'
import { notices } from './notices.svelte'

/** Dragging a slider fires dozens of changes a second; only where it comes to rest is saved. */
const SAVE_DELAY_MS = 250

class SettingsState {
  value = $state<Settings>({ ...DEFAULT_SETTINGS, positions: {} })
  loaded = $state(false)
  #unsaved: SettingsPatch = {}
  #save = debounce(() => void this.#flushPatch(), SAVE_DELAY_MS)

  async load(): Promise<void> {
    const result = await call('settings:get')
    if (result.ok) this.value = result.value
    else notices.fromError('Could not load your settings', result.error)
    this.loaded = true
  }

  /** Applies `patch` now and saves it soon. */
  update(patch: SettingsPatch): void {
    Object.assign(this.value, patch)
    Object.assign(this.#unsaved, patch)
    this.#save()
  }

  /** Saves any change still waiting (e.g. before the window goes away). */
  flush(): void {
    this.#save.flush()
  }

  /** Remembers a reading position locally, so reopening the article this session finds it. */
  rememberPosition(articleId: string, position: number): void {
    this.value.positions[articleId] = position
  }

  async #flushPatch(): Promise<void> {
    const patch = this.#unsaved
    this.#unsaved = {}
    if (Object.keys(patch).length === 0) return
    const result = await call('settings:update', patch)
    if (!result.ok) notices.fromError('Could not save your settings', result.error)
  }
}

export const settings = new SettingsState()
