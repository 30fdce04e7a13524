/**
 * Readability's article (a DOM subtree) as Dossier's Markdown: headings, paragraphs, lists,
 * block quotes, emphasis, strong, code and web or mail links. Everything else is reduced to its
 * text or dropped: images, media, scripts, forms, and the furniture furniture.ts recognises.
 * The Markdown is read back by parse-article like any article, so no markup survives as markup.
 */
import { escapeMarkdown, markdownUrl } from '@shared/import/article-file'
import { webLinkTarget } from '@shared/content/link-target'
import { collapse, isElement, tagOf, type DomElement, type DomNode } from './dom'
import { bylineName, isPictureCredit, type CreditContext } from './credits'
import { isFurniture, isLinkList } from './furniture'

const HEADING = /^h([1-6])$/
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'figure',
  'figcaption',
  'dl',
  'dt',
  'dd',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'details',
  'summary',
  'address',
  'center'
])
const DROPPED_INLINE = new Set(['img', 'picture', 'video', 'audio', 'source', 'track', 'map', 'br'])

export interface MarkdownOptions {
  /** Relative links are resolved against it; without one they become plain words. */
  baseUrl: string | null
  /** The author the page's details name: a "By …" line naming them is a byline anywhere. */
  author?: string | null
  /** Told the name of each byline left out of the text. */
  onByline?: (name: string) => void
}

/** The article's body as Markdown blocks separated by blank lines. */
export function htmlToMarkdown(root: DomElement, options: MarkdownOptions): string {
  const out: string[] = []
  new Writer(options, out, { author: options.author ?? null, proseBegun: false }).blocks(root, '')
  return dropOrphanHeadings(out).join('\n\n')
}

/** Prose has begun once a paragraph is longer than any byline. */
const PROSE_CHARS = 100

class Writer {
  constructor(
    private readonly options: MarkdownOptions,
    private readonly out: string[],
    /** Shared with the writers of list items: the article is read in one pass. */
    private readonly credits: CreditContext
  ) {}

  /** Page furniture, a byline or a picture's credit: not the article's text. */
  private leftOut(element: DomElement): boolean {
    if (isFurniture(element) || isPictureCredit(element)) return true
    const byline = bylineName(element, this.credits)
    if (byline !== null) this.options.onByline?.(byline)
    return byline !== null
  }

  /** Block content of `parent`, each block line prefixed by `prefix` (quotes, list nesting). */
  blocks(parent: DomElement, prefix: string): void {
    let inline: DomNode[] = []
    const flush = () => {
      this.paragraph(inline, prefix)
      inline = []
    }
    for (const node of Array.from(parent.childNodes)) {
      if (!isElement(node) || !BLOCK_TAGS.has(tagOf(node))) {
        if (!isElement(node) || !isFurniture(node)) inline.push(node)
        continue
      }
      flush()
      if (this.leftOut(node)) continue
      this.block(node, prefix)
    }
    flush()
  }

  private block(element: DomElement, prefix: string): void {
    const tag = tagOf(element)
    const heading = HEADING.exec(tag)
    if (heading) {
      const text = this.inline(Array.from(element.childNodes))
      const level = Math.max(2, Number(heading[1]))
      if (text) this.out.push(`${prefix}${'#'.repeat(level)} ${text}`)
      return
    }
    switch (tag) {
      case 'p':
      case 'dt':
      case 'dd':
      case 'figcaption':
      case 'summary':
        this.paragraph(Array.from(element.childNodes), prefix, tag === 'p' ? undefined : element)
        return
      case 'ul':
      case 'ol':
        if (!isLinkList(element)) this.list(element, prefix, tag === 'ol')
        return
      case 'blockquote':
        this.blocks(element, `${prefix}> `)
        return
      case 'pre':
        this.code(collapseLines(element.textContent ?? ''), prefix)
        return
      case 'tr':
        this.row(element, prefix)
        return
      case 'hr':
        return
      default:
        this.blocks(element, prefix)
    }
  }

  /** Paragraphs inside `p` are invalid HTML but occur: a `p` with block children recurses. */
  private paragraph(nodes: DomNode[], prefix: string, container?: DomElement): void {
    if (container && Array.from(container.children).some((c) => BLOCK_TAGS.has(tagOf(c)))) {
      this.blocks(container, prefix)
      return
    }
    const text = this.inline(nodes)
    if (!text) return
    this.out.push(`${prefix}${text}`)
    if (text.length > PROSE_CHARS) this.credits.proseBegun = true
  }

  private list(list: DomElement, prefix: string, ordered: boolean): void {
    const start = ordered ? Number(list.getAttribute('start') ?? 1) || 1 : 1
    const items = Array.from(list.children).filter((child) => tagOf(child) === 'li')
    const lines: string[] = []
    items.forEach((item, i) => {
      const marker = ordered ? `${start + i}. ` : '- '
      const indent = ' '.repeat(marker.length)
      const inner: string[] = []
      new Writer(this.options, inner, this.credits).blocks(item, '')
      inner.forEach((block, b) => {
        const lead = b === 0 ? marker : indent
        lines.push(
          block
            .split('\n')
            .map((line, l) => `${prefix}${l === 0 ? lead : indent}${line}`)
            .join('\n')
        )
      })
    })
    // One Markdown list: items on consecutive lines, nested blocks indented under their item.
    if (lines.length > 0) this.out.push(lines.join('\n'))
  }

  private row(row: DomElement, prefix: string): void {
    const cells = Array.from(row.children)
      .map((cell) => this.inline(Array.from(cell.childNodes)))
      .filter(Boolean)
    if (cells.length > 0) this.out.push(`${prefix}${cells.join(' — ')}`)
  }

  private code(text: string, prefix: string): void {
    if (text.trim() === '') return
    const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length))
    const fence = '`'.repeat(longest + 1)
    const body = text
      .split('\n')
      .map((line) => `${prefix}${line}`)
      .join('\n')
    this.out.push(`${prefix}${fence}\n${body}\n${prefix}${fence}`)
  }

  /** Inline content as one line of Markdown. */
  private inline(nodes: DomNode[]): string {
    return collapse(nodes.map((node) => this.phrase(node)).join(''))
  }

  private phrase(node: DomNode): string {
    if (!isElement(node)) return node.nodeType === 3 ? escapeMarkdown(spaces(node.textContent)) : ''
    const tag = tagOf(node)
    if (tag === 'br') return ' '
    if (DROPPED_INLINE.has(tag) || isFurniture(node)) return ''
    const inner = () =>
      Array.from(node.childNodes)
        .map((child) => this.phrase(child))
        .join('')
    switch (tag) {
      case 'em':
      case 'i':
      case 'cite':
        return wrap(inner(), '*')
      case 'strong':
      case 'b':
        return wrap(inner(), '**')
      case 'code':
      case 'kbd':
      case 'samp':
        return inlineCode(spaces(node.textContent))
      case 'a':
        return this.link(node, inner())
      default:
        return inner()
    }
  }

  private link(anchor: DomElement, text: string): string {
    const href = anchor.getAttribute('href')
    let target: string | null = null
    try {
      target = href ? webLinkTarget(new URL(href, this.options.baseUrl ?? undefined).href) : null
    } catch {
      target = null
    }
    if (!target || collapse(text) === '') return text
    const leading = /^\s*/.exec(text)![0]
    const trailing = /\s*$/.exec(text)![0]
    return `${leading}[${text.trim()}](${markdownUrl(target)})${trailing}`
  }
}

const spaces = (text: string | null) => (text ?? '').replace(/\s+/g, ' ')

/** Emphasis hugs its words: surrounding white space moves outside the markers. */
function wrap(text: string, marker: string): string {
  const core = text.trim()
  if (core === '') return text
  const leading = /^\s*/.exec(text)![0]
  const trailing = /\s*$/.exec(text)![0]
  return `${leading}${marker}${core}${marker}${trailing}`
}

function inlineCode(text: string): string {
  const core = text.trim()
  if (core === '') return text
  const longest = Math.max(0, ...(core.match(/`+/g) ?? []).map((run) => run.length))
  const ticks = '`'.repeat(longest + 1)
  const pad = core.startsWith('`') || core.endsWith('`') ? ' ' : ''
  return `${ticks}${pad}${core}${pad}${ticks}`
}

function collapseLines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '')
}

/**
 * A heading with nothing under it (the list it introduced was furniture) goes too: one followed
 * by the end or by a heading of its own level or above.
 */
function dropOrphanHeadings(blocks: string[]): string[] {
  const level = (block: string | undefined) => /^(?:> )*(#{2,6}) /.exec(block ?? '')?.[1]?.length
  const kept: string[] = []
  for (let i = blocks.length - 1; i >= 0; i--) {
    const own = level(blocks[i])
    const next = kept.length > 0 ? level(kept[0]) : 0
    if (own !== undefined && (kept.length === 0 || (next !== undefined && next <= own))) continue
    kept.unshift(blocks[i]!)
  }
  return kept
}
