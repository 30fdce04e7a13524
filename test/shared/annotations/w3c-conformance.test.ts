import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportWebAnnotation } from '@shared/annotations/web-annotation'
import type { Annotation } from '@shared/model/annotation'
import { ARTICLE_NOTE, BARE, HIGHLIGHT } from './annotation-fixtures'

/**
 * Every shape of Web Annotation export, checked against the MUST assertions of the W3C Web
 * Annotation working group's own test schemas, by their validator, read in place from
 * ../shared (skipped when that corpus is absent). The tools it needs (ajv, ajv-draft-04,
 * ajv-formats) are this project's devDependencies.
 */
const root = resolve(__dirname, '../../..')
const VALIDATOR = resolve(root, '../shared/corpora/w3c-annotation/validate.mjs')
const run = promisify(execFile)

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-w3c-'))
})
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** The validator's verdict on a document: its exit status and last line. */
async function validate(
  name: string,
  content: string
): Promise<{ code: number; summary: string; output: string }> {
  const file = join(dir, `${name}.jsonld`)
  await writeFile(file, content)
  const args = [VALIDATOR, file, '--verbose']
  try {
    const { stdout } = await run(process.execPath, args, {
      env: { ...process.env, W3C_TOOLS: root }
    })
    return { code: 0, summary: stdout.trim().split('\n').pop() ?? '', output: stdout }
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string }
    return { code, summary: stdout.trim().split('\n').pop() ?? '', output: stdout }
  }
}

const NOTED: Annotation = { ...HIGHLIGHT, tags: [] }
const TAGGED = HIGHLIGHT
const TAGS_ONLY: Annotation = {
  ...BARE,
  id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
  tags: ['garden']
}
const ARTICLE_NOTE_TAGGED: Annotation = { ...ARTICLE_NOTE, tags: ['spring'] }
const GENERATED = new Date('2025-05-01T12:00:00.000Z')

const shapes: [string, Annotation[], string | null][] = [
  ['all notes', [NOTED, BARE, TAGS_ONLY, ARTICLE_NOTE_TAGGED], null],
  ["one article's notes", [TAGGED, BARE], 'summit-diary'],
  ['one article with its article note', [ARTICLE_NOTE_TAGGED], 'garden-notes'],
  ['a single highlight with a note', [NOTED], 'summit-diary'],
  ['a highlight with tags and no note', [TAGS_ONLY], 'summit-diary'],
  ['a bare highlight', [BARE], 'summit-diary'],
  ['an article note alone', [ARTICLE_NOTE], 'garden-notes']
]

const EMPTY = shapes.length

/** One validator run over every shape at once (it is slow to start): FAIL lines name `$[i]`. */
let all: { code: number; summary: string; output: string }
const failuresOf = (index: number) =>
  all.output.split('\n').filter((line) => line.startsWith('FAIL') && line.includes(`($[${index}]`))

describe.skipIf(!existsSync(VALIDATOR))('Web Annotation export against the W3C schemas', () => {
  beforeAll(async () => {
    const documents = [
      ...shapes.map(([, annotations, articleId]) =>
        JSON.parse(exportWebAnnotation(annotations, GENERATED, articleId))
      ),
      JSON.parse(exportWebAnnotation([], GENERATED))
    ]
    all = await validate('every-shape', JSON.stringify(documents))
  }, 30_000)

  it.each(shapes.map((shape, index) => [...shape, index] as const))(
    '%s passes every MUST assertion',
    (_name, _annotations, _articleId, index) => {
      expect(failuresOf(index)).toEqual([])
    }
  )

  it('an empty export (no notes yet) passes', () => {
    expect(failuresOf(EMPTY)).toEqual([])
  })

  it('no assertion fails over all of them', () => {
    const total = shapes.reduce((sum, [, annotations]) => sum + annotations.length, 0)
    expect(all.summary).toBe(`w3c annotation: ${total} annotations, 0 MUST assertions failed`)
    expect(all.code).toBe(0)
  })

  it('the validator does catch a collection and page without ids (as exports were)', async () => {
    const collection = JSON.parse(exportWebAnnotation([NOTED], GENERATED))
    delete collection.id
    delete collection.first.id
    const result = await validate('no-ids', JSON.stringify(collection))
    expect(result.summary).toBe('w3c annotation: 1 annotations, 2 MUST assertions failed')
    expect(result.code).toBe(1)
  }, 30_000)
})
