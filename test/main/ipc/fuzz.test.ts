/**
 * The IPC surface under fuzzing: every contract channel gets thousands of seeded hostile
 * payloads (test/support/fuzz-payloads.ts) through the real dispatcher over real services, then
 * the Electron wiring and the browser preview's HTTP bridge get theirs. Reproduce a failure with
 * the seed it prints: DOSSIER_FUZZ_SEED=<seed> npx vitest run test/main/ipc/fuzz.test.ts
 * (DOSSIER_FUZZ_RUNS=<n> sets the payloads per channel).
 */
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS, type ArticleImportRow, type Channel } from '@shared/ipc/contract'
import { BRIDGE_PATH, TOKEN_HEADER } from '@shared/ipc/http-bridge'
import { ok, type ErrorCode, type Result } from '@shared/ipc/result'
import { requestSchemas } from '@shared/ipc/schemas'
import type { Annotation, AnnotationView, ImportReport } from '@shared/model/annotation'
import type { ArticleSummary, ArticleView } from '@shared/model/article'
import type { VoiceSummary } from '@shared/model/quote'
import type { SearchResponse } from '@shared/model/search'
import type { Settings } from '@shared/model/settings'
import { MAX_MESSAGE_LENGTH } from '../../../src/main/ipc/dispatcher'
import { registerIpcHandlers } from '../../../src/main/ipc/register'
import { startInProcessIndexWorker } from '../../../src/main/library/in-process-index-worker'
import { BACKUP_DIR, NOTES_FILE } from '../../../src/main/notes/notes-store'
import {
  MAX_BODY_BYTES,
  startPreviewServer,
  type PreviewServer
} from '../../../src/main/preview/server'
import { inProcessExtractor } from '../../../src/main/import/start-extractor'
import { createServices } from '../../../src/main/services'
import { SETTINGS_FILE } from '../../../src/main/settings/settings-store'
import {
  describePayload,
  generatePayload,
  hostileChannel,
  hostileValue,
  inertIfValid,
  Random,
  STATE_CHANGING,
  untrustedFrameUrl,
  type FuzzCase,
  type FuzzWorld
} from '../../support/fuzz-payloads'

const ipcMain = vi.hoisted(() => ({ handle: vi.fn() }))
vi.mock('electron', () => ({ ipcMain }))

const SEED = Number(process.env.DOSSIER_FUZZ_SEED ?? 20_260_506)
/** Payloads per channel: thousands, and the whole file still runs in CI on every push. */
const RUNS = Number(process.env.DOSSIER_FUZZ_RUNS ?? 2000)
const ERROR_CODES: readonly ErrorCode[] = [
  'invalid-request',
  'unknown-channel',
  'not-found',
  'forbidden',
  'internal'
]
const LIBRARY = join(__dirname, '../../fixtures/library')
const GARDEN_TEXT =
  'Notes From a Small Garden\n\nThe tomatoes did well this year. Talks with the neighbours about the fence went nowhere.'

/** The fixture library quotes nobody by name; quotes:by-speaker needs someone to find. */
const QUOTED_ARTICLE = `---
title: Council Keeps the Ferry
---

"The ferry stays," said Ana Lopez, the council leader. "We have found the money for it."
`

/** What the run measured: printed as one line, and written to test-results/ipc-fuzz.json. */
const report: Record<string, unknown> = { seed: SEED, runsPerChannel: RUNS }

afterAll(async () => {
  const dispatcher = report.dispatcher as
    { seconds: number; total: Figures; channels: Record<string, Figures> } | undefined
  const line = (name: string, f: Figures) =>
    `${name} ${f.tried}/${f.rejected}/${f.accepted}` +
    (f.acceptedNoOps > 0 || f.inert > 0 ? ` (no-ops ${f.acceptedNoOps}, inert ${f.inert})` : '') +
    `${f.crashes > 0 ? ` CRASHES ${f.crashes}` : ''}`
  const parts = [`[ipc-fuzz] seed ${SEED}`]
  if (dispatcher)
    parts.push(
      `generated and dispatched in ${dispatcher.seconds} s, tried/rejected/accepted: ` +
        [
          line('total', dispatcher.total),
          ...Object.entries(dispatcher.channels).map(([name, f]) => line(name, f))
        ].join(', ')
    )
  if (report.wiring) parts.push(`Electron wiring: ${JSON.stringify(report.wiring)}`)
  if (report.bridge) parts.push(`preview bridge: ${JSON.stringify(report.bridge)}`)
  console.log(parts.join('; '))
  await mkdir('test-results', { recursive: true })
  await writeFile('test-results/ipc-fuzz.json', JSON.stringify(report, null, 2) + '\n')
})

/** How many problems, and the first few (a systematic failure would list thousands). */
const firstOf = (problems: string[]) => ({ count: problems.length, first: problems.slice(0, 10) })

const seeded = (what: string) => `${what} (seed ${SEED}; rerun with DOSSIER_FUZZ_SEED=${SEED})`

/** Real services over a fresh copy of the fixture library, with notes and settings on disk. */
async function startFuzzedApp() {
  const resourcesDir = await mkdtemp(join(tmpdir(), 'dossier-fuzz-'))
  await cp(LIBRARY, join(resourcesDir, 'articles'), { recursive: true })
  await writeFile(join(resourcesDir, 'articles', 'ferry-vote.md'), QUOTED_ARTICLE)
  const dataDir = join(resourcesDir, 'data')
  const logs: string[] = []
  const services = await createServices({
    resourcesDir,
    dataDir,
    log: (message) => logs.push(message),
    startIndexWorker: startInProcessIndexWorker,
    startExtractor: inProcessExtractor
  })
  await services.search.settled()
  const { dispatch } = services
  const at = (phrase: string) => {
    const start = GARDEN_TEXT.indexOf(phrase)
    return { start, end: start + phrase.length }
  }
  for (const request of [
    {
      articleId: 'garden-notes',
      kind: 'highlight',
      ...at('did well this year'),
      color: 'green',
      note: 'Plant *earlier*.',
      tags: ['garden']
    },
    { articleId: 'summit-diary', kind: 'article-note', note: 'Compare with the Hanoi summit.' },
    { articleId: 'garden-notes', kind: 'highlight', ...at('the fence'), tags: ['a', 'b'] }
  ])
    value(await dispatch('notes:create', request))
  value(await dispatch('settings:update', { theme: 'sepia', lastArticleId: 'garden-notes' }))
  value(await dispatch('reading:save-position', { articleId: 'garden-notes', position: 0.25 }))

  const { articles } = value<{ articles: ArticleSummary[] }>(
    await dispatch('library:list', undefined)
  )
  const texts = await Promise.all(
    articles.map(async ({ id }) => value<ArticleView>(await dispatch('library:get', { id })))
  )
  const { annotations } = value<{ annotations: AnnotationView[] }>(await dispatch('notes:list', {}))
  const world: FuzzWorld = {
    articles: texts.map(({ id, text }) => ({ id, textLength: text.length })),
    annotations: annotations.map(({ anchor: _anchor, ...stored }): Annotation => stored),
    settings: value<Settings>(await dispatch('settings:get', undefined)),
    speakers: value<{ voices: VoiceSummary[] }>(
      await dispatch('quotes:voices', undefined)
    ).voices.map((voice) => voice.speaker)
  }
  expect(world.speakers, 'someone quoted in the fuzzed library').not.toEqual([])
  return { services, dataDir, world, logs }
}

function value<T = unknown>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

/** The user's data as bytes: notes, the backups folder, settings. */
async function onDisk(dataDir: string) {
  const backups = (await readdir(join(dataDir, BACKUP_DIR))).sort()
  return {
    notes: await readFile(join(dataDir, NOTES_FILE)),
    backups: await Promise.all(
      backups.map(async (name) => ({
        name,
        bytes: await readFile(join(dataDir, BACKUP_DIR, name))
      }))
    ),
    settings: await readFile(join(dataDir, SETTINGS_FILE))
  }
}

/** Every own property of the prototypes an attacker would pollute, with what it holds. */
function prototypes(): [string, unknown][] {
  const builtins = { Object, Array, Function, String, Number, Promise }
  return Object.entries(builtins).flatMap(([name, builtin]) =>
    Object.entries(Object.getOwnPropertyDescriptors(builtin.prototype)).map(
      ([key, d]): [string, unknown] => [`${name}.prototype.${key}`, d.value ?? d.get]
    )
  )
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const result = value as { ok?: unknown; error?: unknown }
  return result.ok === true ? 'value' in result : result.ok === false && !!result.error
}

/** Why a failure Result is not a clear refusal, or null when it is one. */
function unclear(result: Result<unknown>): string | null {
  if (result.ok) return null
  const { code, message } = result.error
  if (!ERROR_CODES.includes(code)) return `unknown code ${String(code)}`
  if (code === 'internal') return `internal error: ${message}`
  if (typeof message !== 'string' || message.trim() === '') return 'no message'
  if (message.length > MAX_MESSAGE_LENGTH) return `a ${message.length}-character message`
  return null
}

/** A generated payload, or a call on a channel that does not exist. */
type Case = FuzzCase | { channel: null; payload: unknown }

interface Figures {
  tried: number
  rejected: number
  accepted: number
  /** Payloads that passed the schema (the rest must all be rejected). */
  schemaValid: number
  /** Schema-valid payloads on state-changing channels pointed at nothing by the generator. */
  inert: number
  /** Accepted payloads on state-changing channels: each must have changed nothing. */
  acceptedNoOps: number
  crashes: number
}

const emptyFigures = (): Figures => ({
  tried: 0,
  rejected: 0,
  accepted: 0,
  schemaValid: 0,
  inert: 0,
  acceptedNoOps: 0,
  crashes: 0
})

/** How an accepted call on a state-changing channel shows it changed nothing, or why not. */
function changedSomething(channel: Channel, answer: unknown, world: FuzzWorld): string | null {
  switch (channel) {
    case 'notes:import': {
      const report = answer as ImportReport
      return report.imported === 0 ? null : `imported ${report.imported} notes`
    }
    case 'notes:restore': {
      const { anchor: _anchor, ...restored } = answer as AnnotationView
      const stored = world.annotations.find((a) => a.id === restored.id)
      return stored && JSON.stringify(stored) === JSON.stringify(restored)
        ? null
        : 'restored a note that was not stored exactly so'
    }
    case 'settings:update':
      return JSON.stringify(answer) === JSON.stringify(world.settings) ? null : 'changed settings'
    case 'import:file':
      return (answer as ArticleImportRow).status === 'failed' ? null : 'imported an article'
    default:
      return 'accepted a write that should have found nothing to change'
  }
}

describe('the dispatcher under fuzzing', () => {
  const figures = new Map<string, Figures>()
  /** Throws out of dispatch, and answers that are no Result. */
  const crashes: string[] = []
  /** Everything else that is wrong with an answer. */
  const violations: string[] = []
  const unhandled: unknown[] = []
  let app: Awaited<ReturnType<typeof startFuzzedApp>>
  let before: Awaited<ReturnType<typeof onDisk>>
  let after: Awaited<ReturnType<typeof onDisk>>
  let prototypesBefore: [string, unknown][]
  let fuzzMs = 0

  beforeAll(async () => {
    app = await startFuzzedApp()
    before = await onDisk(app.dataDir)
    prototypesBefore = prototypes()
    const random = new Random(SEED)
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    const started = performance.now()
    // A round is one payload per channel, all in flight together: reads beside (refused)
    // writes, which is where a store's queue would go wrong. Generated as they go, so the
    // megabytes of hostile text are dropped as soon as they are answered.
    for (let round = 0; round < RUNS; round++) {
      const cases: Case[] = CHANNELS.map((channel) => generatePayload(channel, app.world, random))
      if (round % 4 === 0) cases.push({ channel: null, payload: hostileChannel(random, CHANNELS) })
      await Promise.all(cases.map((c, i) => run(c, `${round}.${i}`)))
    }
    await app.services.idle()
    // Let any rejection nobody handled surface before the listener goes.
    await new Promise((resolve) => setTimeout(resolve, 20))
    fuzzMs = performance.now() - started
    process.off('unhandledRejection', onUnhandled)
    after = await onDisk(app.dataDir)
  }, 120_000)

  async function run(c: Case, index: string) {
    const row = c.channel ?? '(unknown channel)'
    const count = figures.get(row) ?? emptyFigures()
    figures.set(row, count)
    count.tried++
    const where = () =>
      `#${index} ${row} ${'label' in c ? c.label : ''} ${describePayload(c.payload)}`
    const valid = c.channel !== null && requestSchemas[c.channel].safeParse(c.payload).success
    if (valid) count.schemaValid++
    if ('inert' in c && c.inert) count.inert++
    let result: unknown
    try {
      result = await app.services.dispatch(c.channel ?? c.payload, c.channel ? c.payload : {})
    } catch (error) {
      count.crashes++
      crashes.push(`${where()}: dispatch threw ${String(error)}`)
      return
    }
    if (!isResult(result)) {
      count.crashes++
      crashes.push(`${where()}: answered ${describePayload(result)}, not a Result`)
      return
    }
    if (!result.ok) {
      count.rejected++
      const problem = unclear(result)
      if (problem) violations.push(`${where()}: refused unclearly: ${problem}`)
      if (c.channel === null && result.error.code !== 'unknown-channel')
        violations.push(`${where()}: answered ${result.error.code} for an unknown channel`)
      return
    }
    count.accepted++
    if (!valid) violations.push(`${where()}: accepted a payload the schema forbids`)
    if (c.channel && STATE_CHANGING.has(c.channel)) {
      count.acceptedNoOps++
      const changed = changedSomething(c.channel, result.value, app.world)
      if (changed) violations.push(`${where()}: ${changed}`)
    }
  }

  afterAll(() => {
    const rows = [...figures.entries()]
    const total = rows.reduce((sum, [, f]) => {
      for (const key of Object.keys(sum) as (keyof Figures)[]) sum[key] += f[key]
      return sum
    }, emptyFigures())
    report.dispatcher = {
      seconds: Number((fuzzMs / 1000).toFixed(2)),
      total,
      unhandledRejections: unhandled.length,
      channels: Object.fromEntries(rows)
    }
  })

  it('answers every payload on every channel with a Result: nothing thrown, no unhandled rejection', () => {
    expect(figures.size, seeded('channels fuzzed')).toBe(CHANNELS.length + 1)
    for (const channel of CHANNELS) expect(figures.get(channel)?.tried, seeded(channel)).toBe(RUNS)
    expect(firstOf(crashes), seeded('crashes')).toEqual({ count: 0, first: [] })
    expect(unhandled.map(String), seeded('unhandled rejections')).toEqual([])
  })

  it('accepts no payload the schema forbids, and refuses each with a clear code and message', () => {
    expect(firstOf(violations), seeded('violations')).toEqual({ count: 0, first: [] })
    // The generator is not so tame that nothing gets through, nor so wild that all is refused:
    // every channel that only reads answered some payloads, and every channel refused most.
    for (const channel of CHANNELS) {
      const f = figures.get(channel)!
      expect(f.rejected, seeded(`${channel} rejected`)).toBeGreaterThan(RUNS / 2)
      expect(f.schemaValid, seeded(`${channel} schema-valid`)).toBeGreaterThan(0)
      if (!STATE_CHANGING.has(channel))
        expect(f.accepted, seeded(`${channel} accepted`)).toBeGreaterThan(0)
    }
  })

  it('keeps notes.json, the notes backups and settings.json byte-identical', () => {
    expect(after.notes.equals(before.notes), seeded('notes.json unchanged')).toBe(true)
    expect(
      after.backups.map((b) => b.name),
      seeded('backups listing')
    ).toEqual(before.backups.map((b) => b.name))
    after.backups.forEach((backup, i) =>
      expect(backup.bytes.equals(before.backups[i]!.bytes), seeded(backup.name)).toBe(true)
    )
    expect(after.settings.equals(before.settings), seeded('settings.json unchanged')).toBe(true)
  })

  it('leaves Object.prototype and the other built-in prototypes unpolluted', () => {
    expect(prototypes(), seeded('prototype properties')).toEqual(prototypesBefore)
    expect(({} as Record<string, unknown>).polluted, seeded('({}).polluted')).toBeUndefined()
  })

  it('still answers library:list, notes:list and search:query afterwards', async () => {
    const { dispatch } = app.services
    const list = value<{ articles: ArticleSummary[] }>(await dispatch('library:list', undefined))
    expect(list.articles.map((a) => a.id).sort()).toEqual(
      app.world.articles.map((a) => a.id).sort()
    )
    const notes = value<{ annotations: AnnotationView[] }>(await dispatch('notes:list', {}))
    expect(notes.annotations.map(({ anchor: _anchor, ...a }) => a)).toEqual(app.world.annotations)
    const found = value<SearchResponse>(await dispatch('search:query', { query: 'tomatoes' }))
    expect(found.results.map((r) => r.articleId)).toContain('garden-notes')
    expect(
      app.logs.filter((m) => m.includes('failed')),
      seeded('logged failures')
    ).toEqual([])
  })
})

describe('the Electron IPC wiring under fuzzing', () => {
  const RUNS_WIRING = Math.ceil(RUNS / 2)
  const dispatch = vi.fn(async (channel: unknown, request: unknown) => ok({ channel, request }))
  type Handler = (event: unknown, request: unknown) => Promise<Result<unknown>>
  const handlers = new Map<string, Handler>()
  let world: FuzzWorld

  beforeAll(async () => {
    ipcMain.handle.mockClear()
    registerIpcHandlers(dispatch, { devOrigin: null, log: () => {} })
    for (const [channel, handler] of ipcMain.handle.mock.calls) handlers.set(channel, handler)
    world = {
      articles: [{ id: 'garden-notes', textLength: GARDEN_TEXT.length }],
      annotations: [
        {
          id: '6f1c2f0e-9a57-4c1e-8d38-1c9d6e0a4b21',
          articleId: 'garden-notes',
          kind: 'article-note',
          target: null,
          color: 'yellow',
          note: 'x',
          tags: [],
          created: '2025-01-01T00:00:00.000Z',
          updated: '2025-01-01T00:00:00.000Z'
        }
      ],
      settings: {
        theme: 'system',
        fontSize: 19,
        lineWidth: 68,
        lastArticleId: null,
        singleKeyShortcuts: true,
        positions: {}
      },
      speakers: ['Kim']
    }
  })

  it('refuses every call from a frame that is not the app’s page before dispatch sees it', async () => {
    const random = new Random(SEED + 1)
    const refusedWrongly: string[] = []
    for (let i = 0; i < RUNS_WIRING; i++) {
      const channel = random.pick(CHANNELS)
      const c = generatePayload(channel, world, random)
      const url = untrustedFrameUrl(random)
      const event = random.pick<() => unknown>([
        () => ({ senderFrame: { url, parent: null } }),
        () => ({ senderFrame: { url, parent: null } }),
        () => ({ senderFrame: { url, parent: null } }),
        // The app's own URL in a subframe (an iframe the page was tricked into) is not the app.
        () => ({ senderFrame: { url: 'app://dossier/index.html', parent: { url } } }),
        () => ({ senderFrame: null }),
        () => ({}),
        () => ({ senderFrame: { url: hostileValue(random), parent: null } })
      ])()
      const answer = await handlers.get(channel)!(event, c.payload)
      if (answer.ok || answer.error.code !== 'forbidden')
        refusedWrongly.push(`${channel} from ${describePayload(event)}: ${JSON.stringify(answer)}`)
    }
    report.wiring = {
      ...(report.wiring as object),
      untrustedCalls: RUNS_WIRING,
      untrustedRefused: RUNS_WIRING - refusedWrongly.length,
      untrustedDispatched: dispatch.mock.calls.length
    }
    expect(refusedWrongly, seeded('answered an untrusted frame')).toEqual([])
    expect(dispatch, seeded('dispatch called for an untrusted frame')).not.toHaveBeenCalled()
  })

  it('passes every call from the app’s page to dispatch as structured clone delivers it', async () => {
    const random = new Random(SEED + 2)
    dispatch.mockClear()
    let delivered = 0
    for (let i = 0; i < RUNS_WIRING; i++) {
      const channel = random.pick(CHANNELS)
      const c = generatePayload(channel, world, random)
      let payload: unknown
      try {
        payload = structuredClone(c.payload)
      } catch {
        continue // A function or a symbol: the renderer's ipcRenderer.invoke throws, nothing is sent.
      }
      const answer = await handlers.get(channel)!(
        { senderFrame: { url: 'app://dossier/index.html', parent: null } },
        payload
      )
      expect(answer.ok, seeded(`${channel} ${describePayload(payload)}`)).toBe(true)
      expect(dispatch).toHaveBeenLastCalledWith(channel, payload)
      delivered++
    }
    report.wiring = { ...(report.wiring as object), trustedDelivered: delivered }
    expect(dispatch).toHaveBeenCalledTimes(delivered)
    expect(delivered).toBeGreaterThan(RUNS_WIRING / 2)
    // 0.7–3.6 s in three runs on two cores under a load of 13–16: up to 72% of the default 5 s.
  }, 60_000)
})

/** JSON text, or undefined for what JSON cannot carry (BigInt, a cycle, nesting past the stack). */
function toJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value)
  } catch {
    return undefined
  }
}

interface Reply {
  status: number
  contentType: string | undefined
  body: string
}

describe('the preview’s HTTP bridge under fuzzing', () => {
  const BODIES = 400
  let app: Awaited<ReturnType<typeof startFuzzedApp>>
  let server: PreviewServer
  let before: Awaited<ReturnType<typeof onDisk>>

  beforeAll(async () => {
    app = await startFuzzedApp()
    before = await onDisk(app.dataDir)
    const rendererDir = join(app.dataDir, '..', 'renderer')
    await mkdir(rendererDir, { recursive: true })
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><head></head><body></body>')
    server = await startPreviewServer({ rendererDir, dispatch: app.services.dispatch })
  })

  afterAll(async () => {
    await server?.close()
  })

  /** One raw request; a connection the server cuts (a body it stopped reading) answers null. */
  function send(options: {
    method?: string
    headers?: OutgoingHttpHeaders
    body?: string | Buffer | null
    chunked?: boolean
  }): Promise<Reply | { error: string }> {
    return new Promise((resolve) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: BRIDGE_PATH,
          method: options.method ?? 'POST',
          // Framed as a browser would: a body carries its length (Node leaves it off a DELETE's).
          headers:
            options.body == null || options.chunked
              ? options.headers
              : { ...options.headers, 'content-length': Buffer.byteLength(options.body) }
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: res.headers['content-type'],
              body: Buffer.concat(chunks).toString()
            })
          )
          res.on('error', (error) => resolve({ error: String(error) }))
        }
      )
      req.on('error', (error) => resolve({ error: String(error) }))
      if (options.chunked && options.body) {
        // Streamed without a Content-Length: the server must count as it reads.
        const body = Buffer.from(options.body)
        for (let at = 0; at < body.length; at += 64 * 1024)
          req.write(body.subarray(at, at + 64 * 1024))
        req.end()
      } else req.end(options.body ?? undefined)
    })
  }

  it('answers hostile bodies with a Result or a clear HTTP error, and keeps serving', async () => {
    const random = new Random(SEED + 3)
    const own = `127.0.0.1:${server.port}`
    const good = { host: own, 'content-type': 'application/json', [TOKEN_HEADER]: server.token }
    const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)
    const problems: string[] = []
    const statuses = new Map<number, number>()
    let cut = 0

    for (let i = 0; i < BODIES; i++) {
      let headers: OutgoingHttpHeaders = { ...good }
      let body: string | Buffer | null = null
      let method = 'POST'
      let chunked = false
      let expected: number[]
      let schemaValid = false
      const channel = random.pick(CHANNELS)
      switch (random.int(11)) {
        case 0:
        case 1:
        case 2: {
          // A well-formed envelope around a hostile payload, as JSON carries it.
          const c = generatePayload(channel, app.world, random)
          const text = toJson(c.payload)
          const request = text === undefined ? undefined : (JSON.parse(text) as unknown)
          const checked = inertIfValid(channel, request, app.world, random)
          schemaValid = requestSchemas[channel].safeParse(checked.payload).success
          body = JSON.stringify({ channel, request: checked.payload })
          expected = [200]
          break
        }
        case 3:
          body = random.pick<string | Buffer>([
            'not json',
            '{"channel":',
            '',
            '\ufeff{"channel":"library:list"}',
            Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
            '{"channel":"library:list",}',
            "{'channel':'library:list'}",
            '{"channel":"library:list"}\u0000garbage'
          ])
          expected = [400]
          break
        case 4:
          body = random.pick([
            '[]',
            'null',
            '1',
            '"library:list"',
            '{}',
            '{"channel":5}',
            '{"channel":null,"request":{}}',
            '{"__proto__":{"channel":"library:list"}}',
            deep(10_000),
            deep(100_000)
          ])
          expected = [400]
          break
        case 5:
          // Deep nesting inside a good envelope reaches dispatch, which refuses it.
          body = `{"channel":"${channel}","request":${random.chance(0.5) ? deep(10_000) : '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)}}`
          expected = [200]
          break
        case 6:
          body = JSON.stringify({
            channel: 'notes:import',
            request: { content: 'x'.repeat(1.1 * 1024 * 1024) }
          })
          chunked = random.chance(0.5)
          expected = [413]
          break
        case 7:
          headers = {
            ...good,
            'content-type': random.pick([
              'text/plain',
              'application/x-www-form-urlencoded',
              'multipart/form-data; boundary=x',
              'application/jsonx',
              'json',
              ''
            ])
          }
          if (random.chance(0.3)) delete headers['content-type']
          body = JSON.stringify({ channel: 'library:list' })
          expected = [415]
          break
        case 8: {
          const token = server.token
          headers = {
            ...good,
            [TOKEN_HEADER]: random.pick([
              token.slice(1),
              `${token}x`,
              token.toUpperCase(),
              'x'.repeat(4000),
              '',
              'null'
            ])
          }
          if (random.chance(0.3)) delete headers[TOKEN_HEADER]
          body = JSON.stringify({ channel: 'library:list' })
          expected = [403]
          break
        }
        case 9:
          headers = random.chance(0.5)
            ? {
                ...good,
                host: random.pick([
                  'evil.example',
                  `127.0.0.1:${server.port + 1}`,
                  'localhost',
                  '127.0.0.1',
                  `[::1]:${server.port}`,
                  `0.0.0.0:${server.port}`,
                  `LOCALHOST:${server.port}`,
                  `127.0.0.1:${server.port}.evil.example`
                ])
              }
            : {
                ...good,
                origin: random.pick([
                  'http://evil.example',
                  'null',
                  `http://127.0.0.1:${server.port + 1}`,
                  'file://',
                  `https://127.0.0.1:${server.port}`
                ])
              }
          body = JSON.stringify({ channel: 'library:list' })
          expected = [403]
          break
        default:
          if (random.chance(0.5)) {
            method = random.pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])
            body = method === 'GET' ? null : JSON.stringify({ channel: 'library:list' })
            expected = [405]
          } else {
            body =
              toJson({ channel: hostileChannel(random, CHANNELS, true), request: {} }) ??
              '{"channel":"\\u0000"}'
            expected = [200, 400] // 400 when the name is no string at all
          }
      }
      // A good call too big for the bridge is refused before it is read.
      if (expected.includes(200) && body !== null && Buffer.byteLength(body) > MAX_BODY_BYTES)
        expected = [413]
      const reply = await send({ method, headers, body, chunked })
      const where = `#${i} ${method} ${describePayload(headers)} ${describePayload(typeof body === 'string' ? body : String(body))}`
      if ('error' in reply) {
        // Only a body the server refused to read on may cost the connection.
        cut++
        if (!expected.includes(413)) problems.push(`${where}: connection failed: ${reply.error}`)
        continue
      }
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1)
      if (!expected.includes(reply.status)) {
        problems.push(
          `${where}: status ${reply.status}, expected ${expected.join(' or ')}: ${reply.body.slice(0, 200)}`
        )
        continue
      }
      let result: unknown
      try {
        result = JSON.parse(reply.body)
      } catch {
        problems.push(`${where}: a body that is not JSON: ${reply.body.slice(0, 200)}`)
        continue
      }
      if (!isResult(result) || !reply.contentType?.startsWith('application/json')) {
        problems.push(`${where}: not a JSON Result: ${reply.body.slice(0, 200)}`)
        continue
      }
      const problem = unclear(result)
      if (problem) problems.push(`${where}: ${problem}`)
      if (result.ok && !schemaValid)
        problems.push(`${where}: accepted a payload the schema forbids`)
      if (
        result.ok &&
        STATE_CHANGING.has(channel) &&
        changedSomething(channel, result.value, app.world)
      )
        problems.push(`${where}: ${changedSomething(channel, result.value, app.world)}`)
    }
    report.bridge = {
      requests: BODIES,
      statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
      cutAfter413: cut,
      problems: problems.length
    }
    expect(firstOf(problems), seeded('bridge answers')).toEqual({ count: 0, first: [] })
    // Every kind of refusal was exercised.
    for (const status of [200, 400, 403, 405, 415])
      expect(statuses.get(status), seeded(`HTTP ${status}`)).toBeGreaterThan(0)

    const list = await send({ headers: good, body: JSON.stringify({ channel: 'library:list' }) })
    expect(list).toMatchObject({ status: 200 })
    expect(JSON.parse((list as Reply).body)).toMatchObject({
      ok: true,
      value: { articles: app.world.articles.map(({ id }) => ({ id })) }
    })
    await app.services.idle()
    const after = await onDisk(app.dataDir)
    expect(after.notes.equals(before.notes), seeded('notes.json unchanged')).toBe(true)
    expect(after.settings.equals(before.settings), seeded('settings.json unchanged')).toBe(true)
  }, 60_000)
})
