/**
 * An article's own blocks as a page's whole text: what `library:page-text` answers when there
 * is no saved web page to read again (a bundled article, imported Markdown or text, whose
 * article already holds all of the file).
 */
import type { ArticleView } from '../model/article'
import type { PageBlock } from '../model/page-text'

export function articlePageBlocks(article: ArticleView): PageBlock[] {
  return article.blocks.map((block): PageBlock => {
    const text = article.text.slice(block.start, block.end)
    if (block.kind === 'title') return { kind: 'heading', level: 1, text }
    if (block.kind === 'heading') return { kind: 'heading', level: block.level ?? 2, text }
    if (block.kind === 'list-item' && block.list)
      return { kind: 'list-item', list: block.list, text }
    return { kind: 'paragraph', text }
  })
}
