import { describe, expect, it } from 'vitest'
import { parsePage } from '../../../src/main/import/dom'
import { extractHtml, pageText } from '../../../src/main/import/extract-html'
import { htmlToMarkdown } from '../../../src/main/import/html-to-markdown'

const markdown = (html: string, baseUrl: string | null = 'https://example.org/a/') =>
  htmlToMarkdown(parsePage(`<html><body>${html}</body></html>`).body!, { baseUrl })

describe('htmlToMarkdown', () => {
  it('keeps headings, paragraphs, nested lists, quotes, emphasis, strong and code', () => {
    expect(
      markdown(
        '<h1>Top</h1><h3>Sub</h3><p>A <em>b</em> <strong> c </strong> <code>d`e</code>.</p>' +
          '<ol start="3"><li>three<ul><li>inner</li></ul></li><li>four</li></ol>' +
          '<blockquote><p>Quoted.</p></blockquote><pre>let x = 1\nlet y = 2</pre>'
      )
    ).toBe(
      '## Top\n\n### Sub\n\nA *b* **c** ``d`e``.\n\n3. three\n   - inner\n4. four\n\n> Quoted.\n\n```\nlet x = 1\nlet y = 2\n```'
    )
  })

  it('keeps only web and mail links, resolving relative ones against the page address', () => {
    expect(
      markdown(
        '<p><a href="b (1)">rel</a> <a href="javascript:alert(1)">js</a> <a href="mailto:x@y.z">mail</a> <a href="/c">root</a></p>'
      )
    ).toBe(
      '[rel](https://example.org/a/b%20%281%29) js [mail](mailto:x@y.z) [root](https://example.org/c)'
    )
    expect(markdown('<p><a href="/c">no base</a></p>', null)).toBe('no base')
  })

  it('drops images, media, scripts, forms and furniture found by role, class, id or label', () => {
    expect(
      markdown(
        '<p>Kept <img src="x.jpg"> text.<script>alert(1)</script></p><form><p>Sign up</p></form>' +
          '<div class="social-share"><p>Share this</p></div><div id="newsletter-box"><p>Subscribe</p></div>' +
          '<section aria-label="Related stories"><p>More</p></section><div role="navigation"><p>Menu</p></div>' +
          '<iframe src="https://ads.example"></iframe><p>End.</p>'
      )
    ).toBe('Kept text.\n\nEnd.')
  })

  it('drops a short list of nothing but links, and the heading it leaves with nothing under it', () => {
    expect(
      markdown(
        '<p>Story.</p><h2>More like this</h2><ul><li><a href="/1">One</a></li><li><a href="/2">Two</a></li></ul>' +
          '<h2>Sources</h2><ul><li>The <a href="/r">report</a> of the inquiry, published in March.</li><li>Interviews.</li></ul>'
      )
    ).toBe(
      'Story.\n\n## Sources\n\n- The [report](https://example.org/r) of the inquiry, published in March.\n- Interviews.'
    )
  })

  it('escapes text that would read as Markdown', () => {
    expect(markdown('<p># not a heading *or* emphasis</p>')).toBe(
      '\\# not a heading \\*or\\* emphasis'
    )
  })
})

describe('extractHtml', () => {
  it('says when extraction kept little of a long page, and finds no article in a form', () => {
    const filler = Array.from(
      { length: 60 },
      (_, i) => `<li><a href="/${i}">Link number ${i} to somewhere else on the site</a></li>`
    ).join('')
    const page = `<html><body><ul class="menu">${filler}</ul><article><p>${'A sentence of the story. '.repeat(25)}</p></article><div>${filler}</div></body></html>`
    const result = extractHtml(page, 'file')
    expect(result).toMatchObject({ ok: true, meta: { extraction: { thin: true } } })
    expect(extractHtml('<html><body><form><input></form></body></html>', 'f')).toEqual({
      ok: false,
      reason: 'No article found on the page.'
    })
  })
})

describe('pageText', () => {
  it('gives the whole page’s visible text, a paragraph per block', () => {
    expect(
      pageText(
        '<html><head><title>T</title><style>p{}</style></head><body><nav>Menu</nav><p>One <b>two</b></p><div>Three<script>x()</script></div></body></html>'
      )
    ).toEqual([
      { kind: 'paragraph', text: 'Menu' },
      { kind: 'paragraph', text: 'One two' },
      { kind: 'paragraph', text: 'Three' }
    ])
  })

  it('keeps the page’s headings and lists, nested lists with their place', () => {
    expect(
      pageText(
        '<html><body><h1>Tide  tables</h1>\n<p>Read\n   them <i>early</i>.</p><h3>Sources</h3>' +
          '<ol start="4"><li>Harbour <ul><li>north</li><li><p>south</p></li></ul></li><li>Pier</li></ol>' +
          '<ul>\n<li>Last</li>\n</ul>Tail</body></html>'
      )
    ).toEqual([
      { kind: 'heading', level: 1, text: 'Tide tables' },
      { kind: 'paragraph', text: 'Read them early.' },
      { kind: 'heading', level: 3, text: 'Sources' },
      { kind: 'list-item', list: { ordered: true, depth: 1, index: 4 }, text: 'Harbour' },
      { kind: 'list-item', list: { ordered: false, depth: 2, index: 1 }, text: 'north' },
      { kind: 'list-item', list: { ordered: false, depth: 2, index: 2 }, text: 'south' },
      { kind: 'list-item', list: { ordered: true, depth: 1, index: 5 }, text: 'Pier' },
      { kind: 'list-item', list: { ordered: false, depth: 1, index: 1 }, text: 'Last' },
      { kind: 'paragraph', text: 'Tail' }
    ])
  })
})
