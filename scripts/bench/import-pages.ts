/**
 * Saved web pages for the import bench, made from hand-written templates (a news site with
 * JSON-LD and furniture, a blog with OpenGraph, lazy images and share bars, a bare page with
 * Dublin Core) filled with the generated corpus's text. Nothing here is copied from a real page.
 */
import { generateCorpus } from './corpus'

export interface SavedPage {
  name: string
  html: string
}

const NAV =
  '<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>'
const SHARE =
  '<div class="share-tools"><a href="https://social.example/share">Share</a> <a href="mailto:?subject=x">Email</a></div>'
const NEWSLETTER =
  '<aside class="newsletter-signup"><h3>Get the morning briefing</h3><form><input type="email"><button>Sign up</button></form></aside>'
const COOKIES =
  '<div id="cookie-consent" role="dialog"><p>We use cookies to improve your experience.</p><button>Accept</button></div>'
const related = (titles: string[]) =>
  `<section class="related-stories"><h2>Recommended</h2><ul>${titles.map((t, i) => `<li><a href="/story/${i}">${t}</a></li>`).join('')}</ul></section>`

type Template = (title: string, paragraphs: string[], others: string[], i: number) => string

const TEMPLATES: Template[] = [
  (
    title,
    paragraphs,
    others,
    i
  ) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | The Daily Example</title>
<link rel="canonical" href="https://news.example/${i}">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","author":{"@type":"Person","name":"Reporter ${i}"},"publisher":{"@type":"Organization","name":"The Daily Example"},"datePublished":"2024-0${1 + (i % 9)}-1${i % 10}T08:00:00Z","inLanguage":"en"}</script>
</head><body>${COOKIES}<header>${NAV}</header><main><article><h1>${title}</h1>${SHARE}
${paragraphs.map((p, n) => (n === 3 ? `<h2>${others[0]}</h2><p>${p}</p>` : `<p>${p}</p>`)).join('\n')}
<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/${i}.jpg"><figcaption>${others[1]}</figcaption></figure>
</article>${related(others.slice(2))}</main>${NEWSLETTER}<footer><p>© The Daily Example</p></footer></body></html>`,
  (
    title,
    paragraphs,
    others,
    i
  ) => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="Field Notes"><meta property="article:published_time" content="2023-11-0${1 + (i % 9)}">
<meta name="author" content="Blogger ${i}"></head><body><div class="wrapper"><div class="sidebar" role="complementary"><ul>${others.map((o) => `<li><a href="#">${o}</a></li>`).join('')}</ul></div>
<div class="post"><h1 class="post-title">${title}</h1>${SHARE}
${paragraphs.map((p, n) => (n % 4 === 2 ? `<ul><li>${p.split('. ')[0]}.</li><li>${p.split('. ')[1] ?? p}</li></ul>` : `<p>${p.replace(/^(\S+ \S+)/, '<em>$1</em>')}</p>`)).join('\n')}
<blockquote><p>${paragraphs[0]?.split('. ')[0]}.</p></blockquote><img data-lazy-src="/a.jpg"></div>${SHARE}</div></body></html>`,
  (
    title,
    paragraphs,
    _others,
    i
  ) => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="DC.title" content="${title}"><meta name="DC.creator" content="Clerk ${i}"><meta name="DC.date" content="2022-05-0${1 + (i % 9)}"><title>Archive</title></head>
<body><table><tr><td>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</td></tr></table></body></html>`
]

/** `count` pages, sizes varying from a few paragraphs to long reads. */
export function generatePages(count: number, seed = 7): SavedPage[] {
  const corpus = generateCorpus(count + 8, seed)
  const texts = corpus.map(({ markdown }) => {
    const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(markdown) ?? []
    const title = /title: '(.*)'/.exec(front)?.[1] ?? 'Untitled'
    return { title, paragraphs: body.trim().split('\n\n') }
  })
  return texts.slice(0, count).map(({ title, paragraphs }, i) => {
    const repeat = 1 + (i % 4)
    const body = Array.from({ length: repeat }, () => paragraphs).flat()
    const others = texts.slice(i + 1, i + 8).map((t) => t.title)
    return {
      name: `page-${String(i).padStart(3, '0')}.html`,
      html: TEMPLATES[i % TEMPLATES.length]!(title, body, others, i)
    }
  })
}
