import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseArticle } from '../../../src/shared/content/parse-article'
import { plainArticle, StoredArticle } from '../../../src/main/library/stored-article'
import { TextsFile, writeTextsFile } from '../../../src/main/library/texts-file'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

async function stored() {
  const parsed = parseArticle(
    'strike',
    '---\ntitle: Strike\n---\n\n“We stay out,” said Ada Lane.\n'
  )
  const dir = mkdtempSync(join(tmpdir(), 'dossier-stored-'))
  dirs.push(dir)
  const { text, blocks, ...unstored } = parsed
  const layout = await writeTextsFile(join(dir, 'texts.bin'), [text])
  const file = TextsFile.open(join(dir, 'texts.bin'), layout, () => 'fallback')
  const reads = { blocks: 0 }
  const parts = {
    text: (i: number) => file.text(i),
    blocks: () => (reads.blocks++, structuredClone(blocks))
  }
  return { parsed, reads, article: new StoredArticle(unstored, parts, 0) }
}

describe('a stored article', () => {
  it('reads as the parsed article it was made from, text and blocks included', async () => {
    const { parsed, article, reads } = await stored()
    expect(reads.blocks).toBe(0)
    expect(article.text).toBe(parsed.text)
    expect(article.blocks).toEqual(parsed.blocks)
    expect(plainArticle(article)).toEqual(parsed)
    // Blocks are kept once read: a search reads them for every snippet.
    expect(article.blocks).toBe(article.blocks)
    expect(reads.blocks).toBe(1)
  })

  it('loses its text when cloned as it is, so what leaves the worker is made plain', async () => {
    const { parsed, article } = await stored()
    // Why plainArticle exists: messages to main are structured clones.
    expect(structuredClone(article)).not.toHaveProperty('text')
    expect(structuredClone(article)).not.toHaveProperty('blocks')
    const sent = structuredClone(plainArticle(article))
    expect(sent).toEqual(parsed)
    expect(Object.keys(sent).sort()).toEqual(Object.keys(parsed).sort())
  })

  it('leaves a parsed article as it is', async () => {
    const { parsed } = await stored()
    expect(plainArticle(parsed)).toBe(parsed)
  })
})
