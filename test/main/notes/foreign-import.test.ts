import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ImportError, parseWebAnnotation } from '@shared/annotations/import-web-annotation'
import type { ArticleView } from '@shared/model/article'
import { localLibrary } from '../../../src/main/library/library-access'
import { foreignImport, foreignImportFrom, uuidFor } from '../../../src/main/notes/foreign-import'

/**
 * Other tools' Web Annotations: the W3C working group's own correct samples that quote a
 * passage (read in place from ../shared, skipped when absent) and Dossier-shaped samples, each
 * imported into a library whose article holds the quoted passage (built here from the sample).
 */
const SAMPLES = resolve(__dirname, '../../../../shared/corpora/w3c-annotation/samples')
const NOW = new Date('2026-12-03T10:00:00.000Z')

/** An article holding each quote of `sample` in its context, between sentences of its own. */
function libraryFor(sample: string, id = 'web-page'): Map<string, ArticleView> {
  const quotes = [...sample.matchAll(/"type": "TextQuoteSelector",([^}]*)\}/g)].map(
    ([, body]) => JSON.parse(`{${body!.trim().replace(/,$/, '')}}`) as Record<string, string>
  )
  const text = [
    'An opening sentence.',
    ...quotes.map((q) => `${q.prefix ?? ''}${q.exact}${q.suffix ?? ''}`),
    'The end.'
  ].join('\n\n')
  const other = { id: 'unrelated', text: 'Nothing quoted here.' } as ArticleView
  return new Map([
    [id, { id, text } as ArticleView],
    [other.id, other]
  ])
}

const quoting = existsSync(SAMPLES)
  ? readdirSync(join(SAMPLES, 'w3c-correct'))
      .filter((name) => {
        const text = readFileSync(join(SAMPLES, 'w3c-correct', name), 'utf8')
        return text.includes('TextQuoteSelector') && JSON.parse(text).type === 'Annotation'
      })
      .sort()
  : []

describe.skipIf(!existsSync(SAMPLES))("another tool's Web Annotations", () => {
  it('finds W3C samples that quote a passage', () => {
    expect(quoting.length).toBeGreaterThanOrEqual(2)
  })

  it.each(quoting)('imports the W3C sample %s onto the article holding its quote', (name) => {
    const sample = readFileSync(join(SAMPLES, 'w3c-correct', name), 'utf8')
    const library = libraryFor(sample)
    const [note] = parseWebAnnotation(sample, foreignImport(library, NOW))
    const { id, target: source } = JSON.parse(sample)
    expect(note).toMatchObject({ articleId: 'web-page', kind: 'highlight', id: uuidFor(id) })
    expect(note!.created).toBe(NOW.toISOString())
    const { start, end } = note!.target!.position
    expect(library.get('web-page')!.text.slice(start, end)).toBe(note!.target!.quote.exact)
    expect(JSON.stringify(source)).toContain(JSON.stringify(note!.target!.quote.exact))
    // The same file again gives the same notes: nothing is added twice.
    expect(parseWebAnnotation(sample, foreignImport(library, new Date()))[0]!.id).toBe(note!.id)
  })

  it.each(quoting)(
    'places the quote of %s the same where the texts are held elsewhere (asked for)',
    async (name) => {
      const sample = readFileSync(join(SAMPLES, 'w3c-correct', name), 'utf8')
      const library = libraryFor(sample)
      const { ask } = localLibrary([...library.values()])
      expect(parseWebAnnotation(sample, await foreignImportFrom(sample, ask, NOW))).toEqual(
        parseWebAnnotation(sample, foreignImport(library, NOW))
      )
    }
  )

  it.each([
    ['dossier-valid-annotation.jsonld', 0],
    ['dossier-valid-collection.jsonld', 1]
  ])(
    'imports the Dossier-shaped sample %s, placing %i quote without a position in its article',
    (name, withoutPosition) => {
      // Their article ids hold an underscore, which no Dossier id has: refused as they are.
      const sample = readFileSync(join(SAMPLES, name), 'utf8')
      expect(() => parseWebAnnotation(sample, foreignImport(new Map(), NOW))).toThrow(
        /names an article id that cannot be one/
      )
      const renamed = sample.replace(/(urn:dossier:article:)\d+_/g, '$1a')
      const ids = [...renamed.matchAll(/urn:dossier:article:([\w-]+)/g)].map(([, id]) => id!)
      const library = new Map(
        [...new Set(ids)].map((id) => [id, libraryFor(renamed, id).get(id)!] as const)
      )
      const notes = parseWebAnnotation(renamed, foreignImport(library, NOW))
      expect(notes.map((note) => note.articleId)).toEqual(ids)
      // A quote without a position is placed where its article holds it; one with a position
      // keeps it (anchoring checks it each time notes are listed).
      const quoteOnly = notes.filter(
        (note) => !sample.includes(`"start": ${note.target!.position.start}`)
      )
      expect(quoteOnly).toHaveLength(withoutPosition)
      for (const note of quoteOnly) {
        const { start, end } = note.target!.position
        expect(library.get(note.articleId)!.text.slice(start, end)).toBe(note.target!.quote.exact)
      }
    }
  )

  it('refuses a quote no article holds, or one several hold, naming it', () => {
    const sample = readFileSync(join(SAMPLES, 'w3c-correct', quoting[0]!), 'utf8')
    const nowhere = new Map([['a', { id: 'a', text: 'Nothing.' } as ArticleView]])
    expect(() => parseWebAnnotation(sample, foreignImport(nowhere, NOW))).toThrow(
      /which no article of the library holds/
    )
    const twice = libraryFor(sample, 'b')
    twice.set('c', { ...twice.get('b')!, id: 'c' })
    expect(() => parseWebAnnotation(sample, foreignImport(twice, NOW))).toThrow(ImportError)
  })

  it('refuses the same quotes when the texts are held elsewhere (asked for)', async () => {
    const sample = readFileSync(join(SAMPLES, 'w3c-correct', quoting[0]!), 'utf8')
    const { ask } = localLibrary([{ id: 'a', text: 'Nothing.' } as ArticleView])
    const foreign = await foreignImportFrom(sample, ask, NOW)
    expect(() => parseWebAnnotation(sample, foreign)).toThrow(
      /which no article of the library holds/
    )
  })
})
