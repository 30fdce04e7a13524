import { expect, test } from './fixtures'
import {
  NDTV_TITLE,
  RUNNING_OUT_TITLE,
  allowClipboard,
  articleTitle,
  clipboardText,
  openArticle,
  openVoices,
  quoteInText,
  voiceItem,
  voiceItems,
  voiceQuotes,
  voicesView,
  waitForLibrary
} from './reader-actions'

test('the Voices view lists every speaker, how often they are quoted and where', async ({
  app
}) => {
  await waitForLibrary(app)
  await openVoices(app)

  const esper = voiceItem(app, 'Mark Esper')
  await expect(esper.getByTestId('voice-count')).toHaveText('2 quotes')
  await expect(esper.getByTestId('voice-articles')).toHaveText(`in ${NDTV_TITLE}`)
  // Voices from both articles are there.
  await expect(voiceItem(app, 'Kim Kye Gwan')).toHaveCount(1)
  const speakers = await voiceItems(app).evaluateAll((items) =>
    items.map((item) => item.getAttribute('data-speaker'))
  )
  expect(speakers.length).toBeGreaterThan(4)

  // Most quoted first.
  const counts = await voiceItems(app).getByTestId('voice-count').allInnerTexts()
  const numbers = counts.map((text) => Number.parseInt(text, 10))
  expect(numbers).toEqual(numbers.toSorted((a, b) => b - a))
})

test('the filter keeps the voices whose name matches', async ({ app }) => {
  await waitForLibrary(app)
  await openVoices(app)
  await app.page.getByTestId('voices-filter').fill('ESP')
  await expect(voiceItems(app)).toHaveCount(1)
  await expect(voiceItems(app)).toHaveAttribute('data-speaker', 'Mark Esper')

  await app.page.getByTestId('voices-filter').fill('nobody at all')
  await expect(voiceItems(app)).toHaveCount(0)
  await expect(app.page.getByTestId('voices-empty')).toHaveText('No voice matches “nobody at all”.')
})

test('picking a voice shows all their quotations, and one opens the article there', async ({
  app
}) => {
  await openArticle(app, RUNNING_OUT_TITLE)
  await openVoices(app)

  await voiceItem(app, 'Mark Esper').click()
  await expect(app.page.getByTestId('voice-name')).toHaveText('Mark Esper')
  await expect(voiceQuotes(app)).toHaveCount(2)
  await expect(app.page.getByTestId('voice-article')).toHaveAttribute(
    'data-article-id',
    'north-korea-snubs-trump'
  )

  const second = voiceQuotes(app).nth(1)
  await expect(second).toContainText('facilitate a political agreement')
  await second.getByTestId('voice-quote-open').click()

  await expect(voicesView(app)).toHaveCount(0)
  await expect(articleTitle(app)).toHaveText(NDTV_TITLE)
  await expect(quoteInText(app, 'Mark Esper', 'facilitate a political agreement')).toBeInViewport()
})

test('the arrow keys in the filter move through the voices', async ({ app }) => {
  await waitForLibrary(app)
  await openVoices(app)
  const selected = voiceItems(app).and(app.page.locator('[aria-selected="true"]'))
  // The most quoted voice is shown to begin with.
  await expect(selected).toHaveCount(1)
  const first = await voiceItems(app).first().getAttribute('data-speaker')
  await expect(selected).toHaveAttribute('data-speaker', first ?? '')

  await app.page.getByTestId('voices-filter').focus()
  await app.page.keyboard.press('ArrowDown')
  const second = await voiceItems(app).nth(1).getAttribute('data-speaker')
  await expect(selected).toHaveAttribute('data-speaker', second ?? '')
  await expect(app.page.getByTestId('voice-name')).toHaveText(second ?? '')
})

test('a quotation copied from the Voices view carries its attribution', async ({
  app,
  appKind
}) => {
  await allowClipboard(app, appKind)
  await waitForLibrary(app)
  await openVoices(app)
  await voiceItem(app, 'Kim Jong-un').click()
  await voiceQuotes(app).first().getByTestId('voice-quote-copy').click()

  // The article gives no source or date: the citation leaves them out.
  expect(await clipboardText(app)).toBe(
    '“It is essential for the U.S. to quit its current calculation method and approach us with a new one.”' +
      ` — Kim Jong-un, in *${RUNNING_OUT_TITLE}*`
  )
})
