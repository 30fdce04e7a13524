/**
 * axe-core over every view and state, in every theme: one page load per theme, walking the
 * states within it. Any serious or critical violation fails, listed by state, rule and element.
 */
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type App } from './fixtures'
import {
  NDTV_TITLE,
  chooseTheme,
  findInput,
  noteEditor,
  notebookView,
  openArticle,
  openNotesTab,
  openVoices,
  quotesPanel,
  searchAndWait,
  searchHelp,
  searchHelpButton,
  selectInArticle,
  selectionToolbar,
  voiceItems,
  voiceQuotes
} from './reader-actions'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
const BLOCKING = new Set(['serious', 'critical'])
/** One file that imports and one that cannot, so the report shows both kinds of row. */
const IMPORTED = ['e2e-orchard.md', 'e2e-empty.md']
const importFixture = (name: string) => join(__dirname, '..', 'fixtures', 'import', name)
/** A theme's walk runs axe about ten times on a busy two-core machine. */
const WALK_TIMEOUT_MS = 120_000

/** What each theme is called here, the setting that picks it, and the system's scheme. */
const THEMES = [
  { name: 'light', setting: 'light', scheme: 'light' },
  { name: 'dark', setting: 'dark', scheme: 'dark' },
  { name: 'sepia', setting: 'sepia', scheme: 'light' },
  { name: 'system (light)', setting: 'system', scheme: 'light' },
  { name: 'system (dark)', setting: 'system', scheme: 'dark' }
] as const

/** One line per element that breaks a rule: `state › rule (impact): selector`. */
async function violations(app: App, state: string): Promise<string[]> {
  // Only violations are wanted: axe then skips recording every pass, most of its time.
  const results = await new AxeBuilder({ page: app.page })
    .withTags(TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze()
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${state} › ${violation.id} (${violation.impact}): ${node.target.join(' ')}`
      )
    )
}

for (const theme of THEMES) {
  test(`no serious or critical axe violations in any view, ${theme.name} theme`, async ({
    app
  }) => {
    test.setTimeout(WALK_TIMEOUT_MS)
    await app.page.emulateMedia({ colorScheme: theme.scheme })
    await openArticle(app, NDTV_TITLE)
    await chooseTheme(app, theme.setting)
    await expect(quotesPanel(app)).toBeVisible()
    const found: string[] = []
    const check = async (state: string) => found.push(...(await violations(app, state)))

    await check('reader with Quotes')

    await selectInArticle(app, 'North Korea')
    await expect(selectionToolbar(app)).toBeVisible()
    await check('selection toolbar')
    await app.page.getByTestId('note-button').click()
    await expect(noteEditor(app)).toBeVisible()
    await app.page.getByTestId('note-input').fill('A first note')
    await check('note editor')
    await app.page.getByTestId('note-done').click()
    await openNotesTab(app)
    await check('reader with Notes')

    await app.page.keyboard.press('ControlOrMeta+F')
    await findInput(app).fill('korea')
    await check('find bar')
    await app.page.keyboard.press('Escape')

    await searchAndWait(app, 'korea')
    await check('search results')
    await searchHelpButton(app).click()
    await expect(searchHelp(app)).toBeVisible()
    await check('search help')
    await app.page.keyboard.press('Escape')

    await openVoices(app)
    await voiceItems(app).first().click()
    await expect(voiceQuotes(app).first()).toBeVisible()
    await check('Voices')

    await app.page.getByTestId('nav-notebook').click()
    await expect(notebookView(app)).toBeVisible()
    await check('Notebook')

    await app.page.getByTestId('palette-button').click()
    await expect(app.page.getByTestId('palette-input')).toBeFocused()
    await check('command palette')
    await app.page.keyboard.press('Escape')
    await app.page.keyboard.press('?')
    await expect(app.page.getByTestId('shortcut-sheet')).toBeVisible()
    await check('shortcut sheet')
    await app.page.keyboard.press('Escape')

    // The Import… button is in the library, which the search results stand in for.
    await app.page.getByTestId('search-input').fill('')
    await app.page.getByTestId('import-input').setInputFiles(IMPORTED.map(importFixture))
    await expect(app.page.getByTestId('import-report')).toBeVisible({ timeout: 20_000 })
    await check('import report')
    await app.page.getByTestId('import-open').first().click()
    await expect(app.page.getByTestId('edit-details')).toBeVisible()
    await check('imported article')
    await app.page.getByTestId('edit-details').click()
    await expect(app.page.getByTestId('edit-details-dialog')).toBeVisible()
    await check('edit details form')

    expect(found, `${found.length} serious or critical violations`).toEqual([])
  })
}
