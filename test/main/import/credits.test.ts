import { describe, expect, it } from 'vitest'
import { extractHtml } from '../../../src/main/import/extract-html'

const PROSE = [
  'Every morning before the mist lifts, a dozen volunteers walk the banks of the river with notebooks and nets.',
  'They count herons, test the water and write down whatever the current has carried in overnight, then meet for tea.',
  'The county now asks for their log every quarter, and twice it has used their readings to trace a spill upstream.'
]

/** A small saved page: `head` goes in its head, `article` is the story's markup. */
const page = (head: string, article: string) =>
  `<html><head><title>The River Keepers</title>${head}</head><body><article><h1>The River Keepers</h1>${article}</article></body></html>`

const body = (html: string) => {
  const result = extractHtml(html, 'file')
  if (!result.ok) throw new Error(result.reason)
  return result
}

const JSON_LD =
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"The River Keepers","author":{"@type":"Person","name":"Maren Holt"}}</script>'

describe('bylines and picture credits in an imported page', () => {
  it('leaves out the byline the page’s details already name, and a picture’s caption and credit', () => {
    const result = body(
      page(
        JSON_LD,
        '<p class="byline">By Maren Holt</p>' +
          '<figure><img src="river.jpg" alt=""><figcaption>The river at dawn. <span class="credit">Photo: Ida Brenner</span></figcaption></figure>' +
          PROSE.map((p) => `<p>${p}</p>`).join('') +
          '<p>Photograph: Jo Bell/Valley Agency</p><p>By Maren Holt</p>'
      )
    )
    expect(result.meta.author).toBe('Maren Holt')
    expect(result.body).toBe(PROSE.join('\n\n'))
  })

  it('takes an unmarked “By …” line before the story as its author when the page names none', () => {
    const result = body(
      page('', '<p>By Ana de la Cruz and Kim Ode</p>' + PROSE.map((p) => `<p>${p}</p>`).join(''))
    )
    expect(result.meta.author).toBe('Ana de la Cruz and Kim Ode')
    expect(result.body).toBe(PROSE.join('\n\n'))
  })

  it('keeps paragraphs that merely start with “By”, a short line inside the story, and a quotation’s caption', () => {
    const kept = [
      'By the time the ferry docked, the volunteers had counted forty herons along the weir and the old mill.',
      PROSE[0]!,
      'By Night',
      PROSE[1]!,
      'We are here every single day.',
      '— Ida Brenner',
      PROSE[2]!
    ]
    const result = body(
      page(
        JSON_LD,
        `<p>${kept[0]}</p><p>${kept[1]}</p><h2>By Night</h2><p>${kept[3]}</p>` +
          `<figure><blockquote><p>${kept[4]}</p></blockquote><figcaption>${kept[5]}</figcaption></figure><p>${kept[6]}</p>`
      )
    )
    expect(result.body).toBe(
      [kept[0], kept[1], '## By Night', kept[3], `> ${kept[4]}`, kept[5], kept[6]].join('\n\n')
    )
  })
})
