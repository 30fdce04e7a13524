import { describe, expect, it } from 'vitest'
import { ImportError, parseWebAnnotation } from '@shared/annotations/import-web-annotation'
import { ANNO_CONTEXT, exportWebAnnotation } from '@shared/annotations/web-annotation'
import { ARTICLE_NOTE, BARE, HIGHLIGHT } from './annotation-fixtures'

const exported = () =>
  JSON.parse(exportWebAnnotation([HIGHLIGHT, ARTICLE_NOTE, BARE], new Date('2025-05-01')))

describe('exportWebAnnotation', () => {
  it('writes an AnnotationCollection in the W3C context with the annotations embedded', () => {
    const collection = exported()
    expect(collection['@context'][0]).toBe(ANNO_CONTEXT)
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 3 })
    expect(collection.first).toMatchObject({ type: 'AnnotationPage', startIndex: 0 })
    expect(collection.first.items).toHaveLength(3)
  })

  it('describes a highlight with quote and position selectors, its note and tags as bodies', () => {
    expect(exported().first.items[0]).toEqual({
      id: `urn:uuid:${HIGHLIGHT.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: HIGHLIGHT.created,
      modified: HIGHLIGHT.updated,
      body: [
        {
          type: 'TextualBody',
          value: HIGHLIGHT.note,
          format: 'text/markdown',
          purpose: 'commenting'
        },
        { type: 'TextualBody', value: 'diplomacy', purpose: 'tagging' },
        { type: 'TextualBody', value: 'north korea', purpose: 'tagging' }
      ],
      target: {
        source: 'urn:dossier:article:summit-diary',
        selector: [HIGHLIGHT.target!.quote, HIGHLIGHT.target!.position]
      },
      'dossier:color': 'green'
    })
  })

  it('targets the whole article for an article note, and has no body for a bare highlight', () => {
    const [, note, bare] = exported().first.items
    expect(note.target).toBe('urn:dossier:article:garden-notes')
    expect(bare).not.toHaveProperty('body')
    expect(bare.motivation).toBe('highlighting')
  })
})

describe('parseWebAnnotation', () => {
  it('restores every field of every note exactly (round trip)', () => {
    const content = exportWebAnnotation([HIGHLIGHT, ARTICLE_NOTE, BARE], new Date())
    expect(parseWebAnnotation(content)).toEqual([HIGHLIGHT, ARTICLE_NOTE, BARE])
  })

  it('reads an AnnotationPage, a plain array and a single annotation too', () => {
    const items = exported().first.items.map((item: object) => ({
      '@context': ANNO_CONTEXT,
      ...item
    }))
    const page = { '@context': ANNO_CONTEXT, type: 'AnnotationPage', items }
    expect(parseWebAnnotation(JSON.stringify(page))).toHaveLength(3)
    expect(parseWebAnnotation(JSON.stringify(items))).toHaveLength(3)
    expect(parseWebAnnotation(JSON.stringify(items[1]))).toEqual([ARTICLE_NOTE])
  })

  it('names the collection and its page by the export: scope and time', () => {
    const collection = JSON.parse(
      exportWebAnnotation([HIGHLIGHT], new Date('2025-05-01T12:00:00Z'), 'summit-diary')
    )
    expect(collection.id).toBe('urn:dossier:export:summit-diary:2025-05-01T12:00:00.000Z')
    expect(collection.first.id).toBe(`${collection.id}:page:1`)
    expect(exported().id).toBe('urn:dossier:export:all:2025-05-01T00:00:00.000Z')
  })

  it('still imports an export of an older Dossier (no ids, an article note as { source })', () => {
    const old = exported()
    delete old.id
    delete old.first.id
    old.first.items[1].target = { source: old.first.items[1].target }
    expect(parseWebAnnotation(JSON.stringify(old))).toEqual([HIGHLIGHT, ARTICLE_NOTE, BARE])
  })

  it('ignores properties other tools add, __proto__ included', () => {
    const collection = exported()
    collection.first.items[0].creator = { type: 'Person', name: 'A reader' }
    // Written as JSON text: an own "__proto__" key, as a hostile file would carry it.
    const content = JSON.stringify(collection).replace(
      '"type":"Annotation"',
      '"__proto__":{"polluted":true},"type":"Annotation"'
    )
    expect(content).toContain('"__proto__"')
    const [first] = parseWebAnnotation(content)
    expect(first).toEqual(HIGHLIGHT)
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  const mutate = (change: (collection: ReturnType<typeof exported>) => void) => {
    const collection = exported()
    change(collection)
    return JSON.stringify(collection)
  }

  it.each([
    ['not JSON', '{ "@context": ', /not JSON/],
    ['JSON of another kind', '{"name": "package"}', /does not use the @context/],
    ['a list of other things', '[1, 2]', /not of Web Annotations/],
    [
      'of another type',
      JSON.stringify({ '@context': ANNO_CONTEXT, type: 'Person' }),
      /type "Person"/
    ],
    [
      "another tool's annotations (a web page as target)",
      mutate((c) => (c.first.items[1].target = 'https://example.org/page')),
      /Annotation 2 .* is about https:\/\/example\.org\/page, not a Dossier article/
    ],
    [
      'a highlight with only a quote selector',
      mutate((c) => c.first.items[0].target.selector.pop()),
      /needs both a TextQuoteSelector and a TextPositionSelector/
    ],
    [
      'a position past its end',
      mutate((c) => (c.first.items[0].target.selector[1].start = 500)),
      /must start before it ends/
    ],
    [
      'a colour Dossier does not have',
      mutate((c) => (c.first.items[0]['dossier:color'] = 'chartreuse')),
      /Annotation 1 .*color/
    ],
    [
      'an id that is not a UUID',
      mutate((c) => (c.first.items[0].id = 'urn:uuid:1234')),
      /Annotation 1 .*id/
    ],
    [
      'the same id twice',
      mutate((c) => (c.first.items[1].id = c.first.items[0].id)),
      /Annotation 2 repeats the id/
    ],
    [
      'a note over the limit',
      mutate((c) => (c.first.items[0].body[0].value = 'x'.repeat(100_001))),
      /at most 100,000 characters/
    ],
    [
      'a bad timestamp',
      mutate((c) => (c.first.items[2].created = 'yesterday')),
      /Annotation 3 .*created/
    ],
    [
      'a linked first page',
      mutate((c) => (c.first = 'https://example.org/page1')),
      /links to its pages/
    ]
  ])('refuses %s, saying what is wrong', (_case, content, message) => {
    expect(() => parseWebAnnotation(content)).toThrow(ImportError)
    expect(() => parseWebAnnotation(content)).toThrow(message)
  })
})
