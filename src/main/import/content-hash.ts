import { createHash } from 'node:crypto'
import type { ArticleView } from '@shared/model/article'

/** SHA-256 of the text after the title and standfirst: what the article says, not its details. */
export function contentHash(article: Pick<ArticleView, 'text' | 'blocks'>): string {
  const first = article.blocks.find(
    (block) => block.kind !== 'title' && block.kind !== 'standfirst'
  )
  return createHash('sha256')
    .update(first ? article.text.slice(first.start) : article.text)
    .digest('hex')
}
