/**
 * Every action Dossier offers from the keyboard, once: the key handler, the command palette and
 * the shortcut sheet all read this list, so a shortcut is shown exactly as it works.
 *
 * Keys chosen to stay clear of screen readers: nothing uses Insert or Caps Lock (the NVDA, JAWS
 * and Narrator modifier), Ctrl+Alt (VoiceOver's Control+Option, and NVDA's and JAWS's table
 * navigation on Ctrl+Alt+arrows), or Ctrl alone (which silences speech). Single letters (j, k,
 * o, s, h, n, /, ?) are what a screen reader's browse mode takes for its own quick navigation;
 * there they never reach the page, and they reach it in focus mode, where they are meant for
 * us. Following WCAG 2.1.4 they do nothing while a text field has focus or a modifier is held,
 * and a setting turns them all off.
 */

export type CommandId =
  | 'search'
  | 'find'
  | 'next-hit'
  | 'previous-hit'
  | 'search-help'
  | 'next-article'
  | 'previous-article'
  | 'open-article'
  | 'read'
  | 'select-paragraph'
  | 'highlight'
  | 'highlight-note'
  | 'undo-delete'
  | 'export-notes'
  | 'show-library'
  | 'show-voices'
  | 'show-notebook'
  | 'show-quotes'
  | 'show-notes'
  | 'palette'
  | 'shortcuts'
  | 'toggle-single-keys'

/** A key as `KeyboardEvent.key` names it, with Ctrl (Cmd on a Mac) and Shift when needed. */
export interface Shortcut {
  key: string
  /** Ctrl on Windows and Linux, Cmd on a Mac. */
  mod?: boolean
  shift?: boolean
}

export interface Command {
  id: CommandId
  title: string
  group: CommandGroup
  shortcuts: readonly Shortcut[]
  /** Left to a text field that has focus (as Ctrl+Z is). */
  notWhileTyping?: boolean
}

export const COMMAND_GROUPS = ['Search', 'Articles', 'Reading and notes', 'Views', 'Help'] as const
export type CommandGroup = (typeof COMMAND_GROUPS)[number]

const key = (name: string): Shortcut => ({ key: name })
const mod = (name: string, shift = false): Shortcut => ({ key: name, mod: true, shift })

/** One group's commands: `[id, title, ...shortcuts]` each. */
function group(name: CommandGroup, ...rows: [CommandId, string, ...Shortcut[]][]): Command[] {
  return rows.map(([id, title, ...shortcuts]) => ({ id, title, group: name, shortcuts }))
}

export const COMMANDS: readonly Command[] = [
  ...group(
    'Search',
    ['search', 'Search articles', mod('k'), key('/')],
    ['find', 'Find in this article', mod('f')],
    ['next-hit', 'Next match', key('F3')],
    ['previous-hit', 'Previous match', { key: 'F3', shift: true }],
    ['search-help', 'Search operators and examples']
  ),
  ...group(
    'Articles',
    ['next-article', 'Next article in the list', key('j')],
    ['previous-article', 'Previous article in the list', key('k')],
    ['open-article', 'Open the chosen article', key('o')],
    ['read', 'Go to the article text', key('r')]
  ),
  ...group(
    'Reading and notes',
    ['select-paragraph', 'Select the next paragraph', key('s')],
    ['highlight', 'Highlight the selection', key('h')],
    ['highlight-note', 'Highlight the selection and write a note', key('n')],
    ['export-notes', 'Export this article’s notes as Markdown']
  ),
  // Ctrl+Z belongs to the text field while one has focus.
  {
    id: 'undo-delete',
    title: 'Bring back the deleted note or removed article',
    group: 'Reading and notes',
    shortcuts: [mod('z')],
    notWhileTyping: true
  },
  ...group(
    'Views',
    ['show-library', 'Show the library', mod('1')],
    ['show-voices', 'Show the Voices', mod('2')],
    ['show-notebook', 'Show the Notebook', mod('3')],
    ['show-quotes', 'Show the Quotes panel'],
    ['show-notes', 'Show the Notes panel']
  ),
  ...group(
    'Help',
    ['palette', 'Command palette', mod('p', true)],
    ['shortcuts', 'Keyboard shortcuts', key('?')],
    ['toggle-single-keys', 'Turn single-key shortcuts on or off']
  )
]

/** Keys that act where focus is rather than anywhere: listed on the sheet, handled in place. */
export const KEYS_IN_PLACE: readonly { keys: string; does: string }[] = [
  { keys: '↑ ↓', does: 'Choose a result, a voice or a command from its list or field' },
  { keys: 'Enter', does: 'Open the chosen result; in the article, the next match' },
  { keys: 'Shift+Enter', does: 'In the article: the previous match' },
  { keys: 'Space, Page Down, ↓', does: 'Scroll the article down (Shift+Space, Page Up, ↑: up)' },
  { keys: 'Shift+← → ↑ ↓', does: 'In the article: select text, a letter or a line at a time' },
  { keys: '← →', does: 'On a quotation: the previous or next quotation' },
  { keys: 'Escape', does: 'Close find, a menu or a dialog; clear the search' },
  { keys: 'Ctrl+Enter', does: 'In a note: done writing' }
]

/** A single character with no Ctrl, Cmd or Alt: what WCAG 2.1.4 asks to be able to turn off. */
export function isSingleKey(shortcut: Shortcut): boolean {
  return shortcut.key.length === 1 && !shortcut.mod
}

export interface KeyContext {
  /** Whether single-key shortcuts are on (the setting). */
  singleKeys: boolean
  /** Whether the key went to a text field. */
  typing: boolean
}

/** The command `event` asks for here, if any. */
export function commandFor(event: KeyboardEvent, context: KeyContext): Command | undefined {
  return COMMANDS.find(
    (command) =>
      !(command.notWhileTyping && context.typing) &&
      command.shortcuts.some((shortcut) => matches(shortcut, event, context))
  )
}

function matches(shortcut: Shortcut, event: KeyboardEvent, context: KeyContext): boolean {
  if (event.altKey) return false
  if (isSingleKey(shortcut)) {
    // Shift is part of a symbol (`?`); Ctrl or Cmd means the key is meant for something else.
    const free = context.singleKeys && !context.typing && !event.ctrlKey && !event.metaKey
    // A letter matches with Caps Lock on, not with Shift held.
    const letter = /^[a-z]$/.test(shortcut.key)
    const same = letter
      ? !event.shiftKey && event.key.toLowerCase() === shortcut.key
      : event.key === shortcut.key
    return free && same
  }
  return (
    (event.ctrlKey || event.metaKey) === Boolean(shortcut.mod) &&
    event.shiftKey === Boolean(shortcut.shift) &&
    event.key.toLowerCase() === shortcut.key.toLowerCase()
  )
}

/** A shortcut spelt with `modifier` for Ctrl/Cmd; a lone character as typed (`j`, not `J`). */
function spell(shortcut: Shortcut, modifier: string): string {
  if (isSingleKey(shortcut)) return shortcut.key
  const name = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key
  return [...(shortcut.mod ? [modifier] : []), ...(shortcut.shift ? ['Shift'] : []), name].join('+')
}

/** How a shortcut is written for people: `Ctrl+Shift+P` (`Cmd+Shift+P` on a Mac), `?`, `F3`. */
export const describeShortcut = (shortcut: Shortcut, mac: boolean): string =>
  spell(shortcut, mac ? 'Cmd' : 'Ctrl')

/** The same, as `aria-keyshortcuts` spells it (`Control+Shift+P`, `Meta+K`). */
export const ariaShortcut = (shortcut: Shortcut, mac: boolean): string =>
  spell(shortcut, mac ? 'Meta' : 'Control')

/** Whether this is a Mac, where the command key stands for Ctrl. */
export function isMac(platform: string = navigator.platform): boolean {
  return /mac|iphone|ipad/i.test(platform)
}

/** Commands whose title holds every word of `filter`, in list order. */
export function filterCommands(filter: string): readonly Command[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean)
  return COMMANDS.filter((command) =>
    words.every((word) => command.title.toLowerCase().includes(word))
  )
}
