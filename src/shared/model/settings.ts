export const THEMES = ['system', 'light', 'dark', 'sepia'] as const
export type Theme = (typeof THEMES)[number]

export const FONT_SIZE = { min: 14, max: 28, default: 19 } as const
/** Measure of the reading column in characters; 65–75 is the comfortable range for long text. */
export const LINE_WIDTH = { min: 50, max: 90, default: 68 } as const

export interface Settings {
  theme: Theme
  fontSize: number
  lineWidth: number
  lastArticleId: string | null
  /**
   * Whether keys without a modifier (j, k, h, ?) act as shortcuts. Off for people whose speech
   * input or screen reader types letters the app would take as commands (WCAG 2.1.4).
   */
  singleKeyShortcuts: boolean
  /** Scroll position per article id, as a fraction 0–1 of the article's scrollable height. */
  positions: Record<string, number>
}

export type SettingsPatch = Partial<
  Pick<Settings, 'theme' | 'fontSize' | 'lineWidth' | 'lastArticleId' | 'singleKeyShortcuts'>
>

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  fontSize: FONT_SIZE.default,
  lineWidth: LINE_WIDTH.default,
  lastArticleId: null,
  singleKeyShortcuts: true,
  positions: {}
}
