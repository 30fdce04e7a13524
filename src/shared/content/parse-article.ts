/**
 * Turns one article file (Markdown with YAML front matter) into the ArticleView the reader shows.
 * Markdown is parsed by mdast-util-from-markdown (micromark, CommonMark-compliant); raw HTML and
 * images are dropped rather than rendered, and links keep only web and mail targets
 * (link-target.ts), because bundled text must never run or fetch anything.
 */
import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { frontmatter } from 'micromark-extension-frontmatter'
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast'
import type { List, ListItem } from 'mdast'
import type { ArticleView, Block, InlineMark, ListPlace } from '../model/article'
import { extractQuotes } from '../quotes'
import { ArticleParseError, readFrontMatter } from './front-matter'
import { webLinkTarget } from './link-target'

export { ArticleParseError }

/** Words per minute for the reading-time estimate: the usual figure for adult silent reading. */
const WORDS_PER_MINUTE = 230
const BLOCK_SEPARATOR = '\n\n'

/**
 * Parses an article. `id` is the article's stable id (derived from its file name by the loader).
 * @throws ArticleParseError when the file is empty, not text, lacks front matter or a title, or has no body.
 */
export function parseArticle(id: string, source: string): ArticleView {
  if (source.trim() === '') throw new ArticleParseError('the file is empty')
  if (looksBinary(source))
    throw new ArticleParseError('the file is not text (it contains binary data)')

  let tree: Root
  try {
    tree = fromMarkdown(source.replace(/^\uFEFF/, ''), {
      extensions: [frontmatter(['yaml'])],
      mdastExtensions: [frontmatterFromMarkdown(['yaml'])]
    })
  } catch (error) {
    throw new ArticleParseError(`the Markdown could not be parsed: ${(error as Error).message}`)
  }

  const [first, ...rest] = tree.children
  if (!first || first.type !== 'yaml') {
    throw new ArticleParseError(
      'it has no front matter (a --- block with at least a title at the top)'
    )
  }
  const { extraction, ...meta } = readFrontMatter(first.value)

  const builder = new TextBuilder(linkDefinitions(tree))
  builder.block('title', [{ type: 'text', value: meta.title }])
  if (meta.standfirst) builder.block('standfirst', [{ type: 'text', value: meta.standfirst }])
  const bodyStart = builder.blocks.length
  for (const node of rest) builder.node(node)
  if (builder.blocks.length === bodyStart) throw new ArticleParseError('it has no body text')

  const bodyText = builder.blocks
    .slice(bodyStart)
    .map((block) => builder.text.slice(block.start, block.end))
    .join(' ')
  const words = countWords(bodyText)
  return {
    id,
    ...meta,
    words,
    readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
    text: builder.text,
    blocks: builder.blocks,
    quotes: extractQuotes(builder.text),
    extraction
  }
}

/** NUL bytes or a high share of replacement characters mean the bytes were never UTF-8 text. */
function looksBinary(source: string): boolean {
  if (source.includes('\u0000')) return true
  const sample = source.slice(0, 4096)
  const replacements = sample.split('\uFFFD').length - 1
  return replacements > 8 && replacements / sample.length > 0.01
}

/** `[label]: url` definitions anywhere in the file, by identifier: what `[text][label]` links to. */
function linkDefinitions(tree: Root): Map<string, string> {
  const definitions = new Map<string, string>()
  const visit = (node: Nodes): void => {
    // CommonMark: the first definition of a label wins.
    if (node.type === 'definition' && !definitions.has(node.identifier))
      definitions.set(node.identifier, node.url)
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return definitions
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)?.length ?? 0
}

/** Accumulates the canonical text and the blocks (with inline marks) that point into it. */
class TextBuilder {
  text = ''
  blocks: Block[] = []
  private marks: InlineMark[] = []
  private current = ''

  constructor(private readonly definitions: ReadonlyMap<string, string>) {}

  node(node: RootContent): void {
    switch (node.type) {
      case 'paragraph':
        this.block('paragraph', node.children)
        break
      case 'heading':
        this.block('heading', node.children, { level: Math.max(2, node.depth) })
        break
      case 'blockquote':
        for (const child of node.children) {
          if (child.type === 'paragraph') this.block('blockquote', child.children)
          else this.node(child)
        }
        break
      case 'list':
        this.list(node)
        break
      case 'code':
        this.block('paragraph', [{ type: 'inlineCode', value: node.value }])
        break
      default:
        // Raw HTML, images, rules and definitions carry no article text worth showing.
        break
    }
  }

  /**
   * Each paragraph of an item is a `list-item` block with the item's place (an item of several
   * paragraphs gives several blocks with the same place); a nested list is one level deeper.
   */
  private list(list: List): void {
    const depth = this.listDepth + 1
    const first = list.ordered ? (list.start ?? 1) : 1
    list.children.forEach((item: ListItem, i) => {
      const place: ListPlace = { ordered: list.ordered === true, depth, index: first + i }
      for (const child of item.children) {
        if (child.type === 'paragraph') this.block('list-item', child.children, { list: place })
        else {
          this.listDepth = depth
          this.node(child)
          this.listDepth = depth - 1
        }
      }
    })
  }

  private listDepth = 0

  block(
    kind: Block['kind'],
    children: PhrasingContent[],
    extra: Pick<Block, 'level' | 'list'> = {}
  ): void {
    this.current = ''
    this.marks = []
    for (const child of children) this.inline(child)
    const raw = this.current
    // Collapse white space so offsets are stable however the file was wrapped.
    const leading = raw.length - raw.trimStart().length
    const collapsed = collapseWithMap(raw.trim())
    if (collapsed.text === '') return
    if (this.blocks.length > 0) this.text += BLOCK_SEPARATOR
    const start = this.text.length
    this.text += collapsed.text
    const at = (offset: number): number => start + collapsed.map(offset - leading)
    const marks = this.marks
      .map((mark) => ({ ...mark, start: at(mark.start), end: at(mark.end) }))
      .filter((mark) => mark.end > mark.start)
    this.blocks.push({ kind, start, end: this.text.length, marks, ...extra })
  }

  private inline(node: PhrasingContent | Nodes): void {
    switch (node.type) {
      case 'text':
        this.current += node.value
        return
      case 'inlineCode':
        this.wrap({ kind: 'code' }, () => (this.current += node.value))
        return
      case 'break':
        this.current += ' '
        return
      case 'emphasis':
        this.wrap({ kind: 'em' }, () => node.children.forEach((child) => this.inline(child)))
        return
      case 'strong':
        this.wrap({ kind: 'strong' }, () => node.children.forEach((child) => this.inline(child)))
        return
      case 'link':
        this.link(node.url, node.children)
        return
      case 'linkReference':
        this.link(this.definitions.get(node.identifier), node.children)
        return
      case 'delete':
        node.children.forEach((child) => this.inline(child))
        return
      default:
        return
    }
  }

  /** A link to the web or a mail address keeps its target; any other is plain words. */
  private link(url: string | undefined, children: PhrasingContent[]): void {
    const href = webLinkTarget(url)
    const body = () => children.forEach((child) => this.inline(child))
    if (href === null) body()
    else this.wrap({ kind: 'link', href }, body)
  }

  private wrap(mark: Pick<InlineMark, 'kind' | 'href'>, body: () => void): void {
    const start = this.current.length
    body()
    this.marks.push({ ...mark, start, end: this.current.length })
  }
}

/**
 * Collapses runs of white space to one space and returns a map from offsets in the original
 * (trimmed) string to offsets in the collapsed one, so inline marks stay aligned.
 */
function collapseWithMap(raw: string): { text: string; map: (offset: number) => number } {
  const positions: number[] = []
  let text = ''
  let inSpace = false
  for (let i = 0; i < raw.length; i++) {
    positions.push(text.length)
    const ch = raw[i] as string
    if (/\s/.test(ch)) {
      if (!inSpace) text += ' '
      inSpace = true
    } else {
      text += ch
      inSpace = false
    }
  }
  positions.push(text.length)
  return {
    text,
    map: (offset) => positions[Math.max(0, Math.min(offset, raw.length))] ?? text.length
  }
}
