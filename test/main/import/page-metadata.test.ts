import { describe, expect, it } from 'vitest'
import { parsePage } from '../../../src/main/import/dom'
import { unlazyImages } from '../../../src/main/import/lazy-images'
import { readPageMetadata } from '../../../src/main/import/page-metadata'

const page = (head: string, html = '<html>') =>
  readPageMetadata(parsePage(`${html}<head>${head}</head><body><p>x</p></body></html>`))

describe('readPageMetadata', () => {
  it('prefers JSON-LD, also inside @graph, with authors as a list', () => {
    const meta = page(`
      <title>Site — Headline</title>
      <meta property="og:title" content="OG headline">
      <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},
        {"@type":["NewsArticle"],"headline":"LD headline","author":[{"name":"A"},"B"],
         "publisher":{"name":"The Site"},"datePublished":"2021-03-04T05:06:07+02:00","inLanguage":"fr"}]}</script>`)
    expect(meta).toMatchObject({
      title: 'LD headline',
      titleFrom: 'JSON-LD',
      author: 'A, B',
      source: 'The Site',
      date: '2021-03-04',
      language: 'fr'
    })
  })

  it('falls back in order: OpenGraph, meta tags, Dublin Core, then <title>', () => {
    expect(page('<title>T</title><meta property="og:title" content="OG">')).toMatchObject({
      title: 'OG',
      titleFrom: 'OpenGraph'
    })
    expect(
      page(
        '<title>T</title><meta name="author" content="M. Author"><meta name="DC.title" content="DC">'
      )
    ).toMatchObject({ title: 'DC', titleFrom: 'Dublin Core', author: 'M. Author' })
    expect(page('<title> Plain  title </title><meta name="DC.creator" content="C">')).toMatchObject(
      { title: 'Plain title', titleFrom: 'title', author: 'C' }
    )
  })

  it('invents nothing: details no source gives are null; broken JSON-LD is skipped', () => {
    expect(page('<script type="application/ld+json">{not json</script>')).toEqual({
      title: null,
      titleFrom: null,
      author: null,
      source: null,
      date: null,
      language: null,
      url: null,
      dir: null
    })
  })

  it('keeps only an http(s) canonical URL, from the link first, then og:url', () => {
    expect(
      page(
        '<link rel="canonical" href="https://a.example/x"><meta property="og:url" content="https://b.example">'
      ).url
    ).toBe('https://a.example/x')
    expect(
      page(
        '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://b.example/y">'
      ).url
    ).toBe('https://b.example/y')
    expect(page('<link rel="canonical" href="/relative">').url).toBeNull()
  })

  it('reads the language and direction the page element states, and rejects a date that is no day', () => {
    expect(
      page('<meta name="date" content="2021-02-30">', '<html lang="ar" dir="RTL">')
    ).toMatchObject({ language: 'ar', dir: 'rtl', date: null })
  })
})

describe('unlazyImages', () => {
  it('puts lazy addresses in place of placeholders and counts the images', () => {
    const document = parsePage(
      '<body><img src="data:image/gif;base64,R0lGOD" data-src="a.jpg"><img data-lazy-src="b.jpg" data-srcset="b2.jpg 2x"><img src="c.jpg" data-src="other.jpg"></body>'
    )
    expect(unlazyImages(document)).toBe(3)
    const images = Array.from(document.querySelectorAll('img'))
    expect(images.map((img) => img.getAttribute('src'))).toEqual(['a.jpg', 'b.jpg', 'c.jpg'])
    expect(images[1]!.getAttribute('srcset')).toBe('b2.jpg 2x')
  })
})
