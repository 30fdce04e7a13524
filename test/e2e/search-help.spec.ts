import { expect, test } from './fixtures'
import {
  searchBox,
  searchHelp,
  searchHelpButton,
  searchResults,
  waitForLibrary
} from './reader-actions'

test('the ? button opens help that lists every search operator', async ({ app }) => {
  await waitForLibrary(app)

  await searchHelpButton(app).click()

  const help = searchHelp(app)
  await expect(help).toBeVisible()
  await expect(help).toHaveAttribute('role', 'dialog')
  await expect(help).toHaveAccessibleName(/search/i)
  const operators = [/"north korea"/, /-china/, /title:/, /source:/, /author:/, /\bOR\b/]
  for (const operator of operators) {
    await expect(
      help.getByTestId('search-help-operator').filter({ hasText: operator })
    ).toHaveCount(1)
  }
  await expect(help).toContainText(/typ/i) // prefix while typing, and typos
  await expect(help.getByTestId('search-help-folding')).toContainText('U.S. = US')
  // Focus moves into the help, so a keyboard or screen reader user is there too.
  await expect(help).toBeFocused()
})

test('Escape closes the help and gives focus back to its button', async ({ app }) => {
  await waitForLibrary(app)
  await searchHelpButton(app).click()
  await expect(searchHelp(app)).toBeVisible()

  await app.page.keyboard.press('Escape')

  await expect(searchHelp(app)).toHaveCount(0)
  await expect(searchHelpButton(app)).toBeFocused()
  await expect(searchHelpButton(app)).toHaveAttribute('aria-expanded', 'false')
})

test('a click elsewhere closes the help', async ({ app }) => {
  await waitForLibrary(app)
  await searchHelpButton(app).click()
  await expect(searchHelp(app)).toBeVisible()

  // Near the reader's right edge: the help pops out over its left part.
  const reader = app.page.getByTestId('reader')
  const box = await reader.boundingBox()
  await reader.click({ position: { x: (box?.width ?? 600) - 40, y: 400 } })

  await expect(searchHelp(app)).toHaveCount(0)
})

test('the command palette opens the help', async ({ app }) => {
  await waitForLibrary(app)

  await app.page.keyboard.press('ControlOrMeta+Shift+P')
  await app.page.keyboard.type('search operators')
  await app.page.keyboard.press('Enter')

  await expect(searchHelp(app)).toBeVisible()
  await expect(searchBox(app)).toHaveValue('')
})

test('choosing an example searches for it', async ({ app }) => {
  await waitForLibrary(app)
  await searchHelpButton(app).click()

  await searchHelp(app).getByRole('button', { name: 'source:ndtv' }).click()

  await expect(searchHelp(app)).toHaveCount(0)
  await expect(searchBox(app)).toHaveValue('source:ndtv')
  await expect(searchBox(app)).toBeFocused()
  await expect(searchResults(app).first()).toBeVisible()
})
