import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prepareLibrary } from '../../../scripts/bench/scale'
import { QUERY_KINDS } from '../../../scripts/bench/query-kinds'
import { openSearcher, timedTurn } from '../../../scripts/bench/query-server'

describe("the bench's query servers", () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dossier-query-server-'))
    await prepareLibrary(40, dir)
  }, 60_000)
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it("open Dossier from the shipped files, as the app's worker does, and find every kind", async () => {
    const dossier = await openSearcher('dossier', dir)
    for (const kind of QUERY_KINDS) expect(dossier.search(kind)).toMatch(/^[1-9]\d* results/)
    expect(timedTurn(dossier, QUERY_KINDS[0]!)).toBeGreaterThan(0)
  })

  it('refuse to time Dossier on an index it built itself', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'dossier-query-server-'))
    try {
      await prepareLibrary(3, broken)
      await rm(join(broken, 'library-index.bin'))
      await expect(openSearcher('dossier', broken)).rejects.toThrow(/shipped index was not used/)
    } finally {
      await rm(broken, { recursive: true, force: true })
    }
  }, 60_000)

  it("build MiniSearch's index once when the library has none, then read it", async () => {
    const mini = await openSearcher('minisearch', dir)
    expect((await stat(join(dir, 'minisearch.json'))).size).toBeGreaterThan(0)
    const again = await openSearcher('minisearch', dir)
    for (const kind of QUERY_KINDS) {
      expect(mini.search(kind)).toMatch(/^\d+ matches$/)
      expect(again.search(kind)).toBe(mini.search(kind))
    }
  })
})
