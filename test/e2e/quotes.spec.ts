import { expect, test } from './fixtures'
import {
  NDTV_TITLE,
  RUNNING_OUT_TITLE,
  allowClipboard,
  articleTitle,
  clipboardText,
  openArticle,
  quoteGroup,
  quoteGroups,
  quoteInText,
  quoteResults,
  quoteTooltip,
  quotesInText,
  quotesPanel,
  searchFor,
  searchResults
} from './reader-actions'

const ESPER_WORDS = 'I see this as a good-faith effort'
const ESPER_CITED =
  '“I see this as a good-faith effort by the United States and the Republic of Korea to enable peace”' +
  ` — Mark Esper, in *${NDTV_TITLE}*, NDTV, 19 November 2019`

test('the quotes panel lists who is quoted in the article, in the order they are first heard', async ({
  app
}) => {
  await openArticle(app, NDTV_TITLE)
  await expect(quotesPanel(app)).toBeVisible()
  await expect(quoteGroups(app).first()).toBeVisible()

  // The speakers of the quotations drawn in the text, first appearance first, are the groups.
  const inText = await quotesInText(app).evaluateAll((quotes) =>
    quotes.map((quote) => quote.getAttribute('data-speaker') ?? '').filter((name) => name !== '')
  )
  const groups = await quoteGroups(app).evaluateAll((list) =>
    list.map((group) => group.getAttribute('data-speaker'))
  )
  expect(groups).toEqual([...new Set(inText)])
  for (const name of ['Kim Kye Gwan', 'Lawrence Haas', 'Mark Esper']) expect(groups).toContain(name)
  expect(groups.indexOf('Kim Kye Gwan')).toBeLessThan(groups.indexOf('Mark Esper'))

  // Each group counts its quotations.
  const esper = quoteGroup(app, 'Mark Esper')
  await expect(esper.getByTestId('quote-speaker-count')).toHaveText('2')
  await expect(esper.getByTestId('quote-entry')).toHaveCount(2)

  // Another article, other voices.
  await openArticle(app, RUNNING_OUT_TITLE)
  await expect(quoteGroup(app, 'Mark Esper')).toHaveCount(0)
  await expect(quoteGroups(app).first()).toBeVisible()
})

test('choosing a quotation in the panel brings it into view and makes it stand out', async ({
  app
}) => {
  await openArticle(app, NDTV_TITLE)
  const quote = quoteInText(app, 'Mark Esper', ESPER_WORDS)
  await expect(quote).not.toBeInViewport()

  await quoteGroup(app, 'Mark Esper')
    .getByTestId('quote-entry')
    .filter({ hasText: ESPER_WORDS })
    .click()

  await expect(quote).toBeInViewport()
  await expect(quote).toHaveAttribute('data-flash', /^[ab]$/)
  // The flash fades: nothing stays marked.
  await expect(quote).not.toHaveAttribute('data-flash', /./, { timeout: 4_000 })
})

test('pointing at a quotation names its speaker; scare quotes are left plain', async ({ app }) => {
  await openArticle(app, NDTV_TITLE)
  const quote = quoteInText(app, 'Mark Esper', ESPER_WORDS)
  await quote.scrollIntoViewIfNeeded()
  await quote.hover()
  await expect(quoteTooltip(app)).toHaveText('Mark Esper')

  // "Phase 1" stands in the narrative (a scare quote inside someone's words shows theirs).
  const scare = quotesInText(app).filter({ hasText: '"Phase 1"' })
  await expect(scare).toHaveAttribute('data-speaker', '')
  await scare.scrollIntoViewIfNeeded()
  await scare.hover()
  await expect(quoteTooltip(app)).toHaveCount(0)
})

test('the quotations are one Tab stop, and the arrow keys move between them', async ({ app }) => {
  await openArticle(app, NDTV_TITLE)
  const direct = quotesInText(app).and(app.page.locator('[data-kind="direct"]'))
  await expect(direct.and(app.page.locator('[tabindex="0"]'))).toHaveCount(1)

  await direct.first().focus()
  const first = await direct.first().getAttribute('data-speaker')
  await expect(quoteTooltip(app)).toHaveText(first ?? '')
  await app.page.keyboard.press('ArrowRight')
  await expect(direct.nth(1)).toBeFocused()
  await expect(direct.nth(1)).toBeInViewport()
  // The quotation last visited is now the one Tab comes back to.
  await expect(direct.nth(1)).toHaveAttribute('tabindex', '0')
  await expect(direct.first()).toHaveAttribute('tabindex', '-1')
})

test('speaker: finds what one person said, and opens the article at the quotation', async ({
  app
}) => {
  await openArticle(app, RUNNING_OUT_TITLE)
  await searchFor(app, 'speaker:esper')

  await expect(quoteResults(app)).toHaveCount(2)
  for (const speaker of await quoteResults(app)
    .getByTestId('search-result-speaker')
    .allInnerTexts())
    expect(speaker).toBe('— Mark Esper')
  // speaker: asks for quotations: no article results.
  await expect(searchResults(app)).toHaveCount(0)

  await quoteResults(app).filter({ hasText: ESPER_WORDS }).click()
  await expect(articleTitle(app)).toHaveText(NDTV_TITLE)
  await expect(quoteInText(app, 'Mark Esper', ESPER_WORDS)).toBeInViewport()
})

test('a plain search matches speakers’ names, and says whose words an excerpt is', async ({
  app
}) => {
  await searchFor(app, 'esper ')
  await expect(quoteResults(app)).toHaveCount(2)
  await expect(searchResults(app).filter({ hasText: NDTV_TITLE })).toHaveCount(1)

  await searchFor(app, 'interested ')
  const article = searchResults(app).filter({ hasText: NDTV_TITLE })
  await expect(article.getByTestId('search-result-speaker')).toHaveText('Words of Kim Kye Gwan')
})

test('copying a quotation from the panel puts it on the clipboard with its attribution', async ({
  app,
  appKind
}) => {
  await allowClipboard(app, appKind)
  await openArticle(app, NDTV_TITLE)

  const entry = quoteGroup(app, 'Mark Esper').getByRole('listitem').filter({ hasText: ESPER_WORDS })
  await entry.getByTestId('quote-copy').click()
  await expect(entry.getByTestId('quote-copy')).toHaveAttribute('aria-label', 'Copied')
  expect(await clipboardText(app)).toBe(ESPER_CITED)
})

test('right-clicking a quotation in the text offers to copy it with its attribution', async ({
  app,
  appKind
}) => {
  await allowClipboard(app, appKind)
  await openArticle(app, NDTV_TITLE)
  const quote = quoteInText(app, 'Mark Esper', ESPER_WORDS)
  await quote.scrollIntoViewIfNeeded()

  await quote.click({ button: 'right' })
  await app.page.getByTestId('quote-menu-copy').click()

  await expect(app.page.getByTestId('quote-menu')).toHaveCount(0)
  await expect(quoteTooltip(app)).toHaveText('Copied with attribution')
  expect(await clipboardText(app)).toBe(ESPER_CITED)

  // From the keyboard: Enter on a focused quotation opens the same menu.
  await quote.focus()
  await app.page.keyboard.press('Enter')
  await expect(app.page.getByTestId('quote-menu-copy')).toBeFocused()
  await app.page.keyboard.press('ArrowDown')
  await app.page.keyboard.press('Enter')
  expect(await clipboardText(app)).toMatch(/^"I see this as a good-faith effort.*enable peace,"$/)
})
