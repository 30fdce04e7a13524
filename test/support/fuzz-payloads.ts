/**
 * Hostile IPC payloads for the fuzz tests (test/main/ipc/fuzz.test.ts), generated from a seed.
 *
 * Each payload starts as a well-formed request for its channel (built over the fuzzed app's
 * own articles and notes, so valid ids really exist) and is then bent by one to three seeded
 * mutations: a field replaced by a hostile value (wrong types, huge strings, 10,000-level
 * nesting, NaN, ±Infinity, -0, BigInt, Symbol, functions, Date, Map, typed arrays…), a string
 * or number bent near a limit, a key removed, an extra key added (`__proto__`, `constructor`,
 * `prototype` among them, as own keys the way JSON.parse and structured clone deliver them), a
 * value wrapped in an array or nested. Sometimes the whole payload is a hostile value.
 *
 * The fuzz test checks that the stored notes and settings are byte-identical afterwards, so a
 * payload on a state-changing channel that still passes the schema is made inert here: it is
 * pointed at an article or note that does not exist, or (restore, settings) replaced by what is
 * already stored. Such payloads are marked `inert`, so the test can count them apart.
 */
import { exportWebAnnotation } from '@shared/annotations/web-annotation'
import type { Channel } from '@shared/ipc/contract'
import {
  MAX_CONTEXT_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_QUERY_LENGTH,
  MAX_SPEAKER_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  requestSchemas
} from '@shared/ipc/schemas'
import { HIGHLIGHT_COLORS, type Annotation } from '@shared/model/annotation'
import { FONT_SIZE, LINE_WIDTH, THEMES, type Settings } from '@shared/model/settings'
import { seededRandom } from '../../scripts/bench/corpus'

/** Seeded choices. */
export class Random {
  private readonly next: () => number

  constructor(readonly seed: number) {
    this.next = seededRandom(seed)
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max)
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[this.int(items.length)]!
  }

  /** A version-4 UUID made from the seed (not crypto: it only has to be well-formed). */
  uuid(): string {
    const hex = (n: number) => Array.from({ length: n }, () => this.int(16).toString(16)).join('')
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${this.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`
  }

  /** Letters, digits and hyphens: shaped like an article id. */
  slug(length: number): string {
    const chars = 'abcdefghijklmnopqrstuvwxyz0123456789-'
    return 'x' + Array.from({ length: length - 1 }, () => this.pick([...chars])).join('')
  }
}

/** What the payloads are built over: the fuzzed app's articles, notes and settings. */
export interface FuzzWorld {
  articles: readonly { id: string; textLength: number }[]
  /** The stored annotations, exactly as stored. */
  annotations: readonly Annotation[]
  settings: Settings
  /** Names of people quoted in the articles. */
  speakers: readonly string[]
}

export interface FuzzCase {
  channel: Channel
  payload: unknown
  /** The mutations that made it, for failure messages (`unmutated` when none). */
  label: string
  /** A state-changing payload that passed the schema and was pointed at nothing (see the top). */
  inert: boolean
}

/** Channels whose handlers write notes or settings. */
export const STATE_CHANGING: ReadonlySet<Channel> = new Set<Channel>([
  'notes:create',
  'notes:update',
  'notes:delete',
  'notes:restore',
  'notes:import',
  'settings:update',
  'reading:save-position',
  'import:file',
  'library:edit',
  'library:remove',
  'library:restore'
])

// Hostile values. The big ones are built once and shared: nothing the app does mutates a
// request, and building a 10,000-level object per payload would cost the budget for nothing.
const DEPTH = 10_000
const MB = 1024 * 1024

function deepObject(depth: number): unknown {
  let value: unknown = { leaf: true }
  for (let i = 0; i < depth; i++) value = { a: value }
  return value
}

function deepArray(depth: number): unknown {
  let value: unknown = []
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

/** An own, enumerable `key` even for `__proto__`, as JSON.parse and structured clone make it. */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true
  })
  return target
}

const lazy = <T>(make: () => T) => {
  let value: T | undefined
  return () => (value ??= make())
}

const shared = {
  deepObject: lazy(() => deepObject(DEPTH)),
  deepArray: lazy(() => deepArray(DEPTH)),
  hugeString: lazy(() => 'x'.repeat(MB)),
  hugeUnicode: lazy(() => '\u{1F600}\u200D\u0301'.repeat(MB / 8)),
  wideObject: lazy(() => {
    const wide: Record<string, number> = {}
    for (let i = 0; i < 2000; i++) wide[`k${i}`] = i
    return wide
  }),
  longArray: lazy(() => Array.from({ length: 100_000 }, (_, i) => `t${i}`)),
  sparseArray: lazy(() => {
    const sparse: unknown[] = []
    sparse.length = 2 ** 32 - 1
    return sparse
  })
}

/** Strings that have broken parsers, regexes, paths and renderers before. */
const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'a\udc00\ud800b',
  '\u202eevil',
  '\u200b\u200d\ufeff',
  'e\u0301\u0301\u0301',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e999',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'file:///etc/passwd',
  'javascript:alert(1)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{"__proto__":{"polluted":true}}',
  '%00%2e%2e%2f',
  '${process.exit()}',
  'A'.repeat(129),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'ZZZZZZZZ-ZZZZ-4ZZZ-8ZZZ-ZZZZZZZZZZZZ',
  'كيم جونغ أون 金正恩 김정은 🇰🇵',
  'title:"x',
  '" OR -"',
  'speaker:',
  '*:*~2^3+-'
]

const SPECIAL_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  0.5,
  -0.5,
  1.0000001,
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  Number.EPSILON,
  2 ** 31,
  2 ** 32,
  -(2 ** 31),
  1e21
]

/** Keys an attacker adds to reach a prototype, shadow a method, or slip past a key check. */
export const HOSTILE_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  '',
  ' ',
  'id ',
  '\u0000',
  'polluted'
]

/**
 * A value to put where the schema expects something else. `json`: only what JSON can carry.
 * The heavy ones (a megabyte, 10,000 levels, 100,000 items) come one time in ten, and one in
 * forty as JSON (a file to import, an HTTP body), which must also be written out and parsed
 * again: each costs milliseconds, and the whole fuzz file has a time budget.
 */
export function hostileValue(random: Random, json = false): unknown {
  const light: (() => unknown)[] = [
    () => null,
    () => true,
    () => false,
    () => random.pick(SPECIAL_NUMBERS.filter((n) => Number.isFinite(n))),
    () => random.pick(HOSTILE_STRINGS),
    () => ({}),
    () => [],
    () => [[]],
    () => [random.pick(HOSTILE_STRINGS)],
    () => pollution(random),
    () => ({ id: random.uuid(), articleId: random.pick(HOSTILE_STRINGS) })
  ]
  const heavy: (() => unknown)[] = [
    () => shared.hugeString(),
    () => shared.hugeUnicode(),
    () => shared.deepObject(),
    () => shared.deepArray(),
    () => shared.wideObject(),
    () => shared.longArray()
  ]
  const cloneable: (() => unknown)[] = [
    () => undefined,
    () => random.pick(SPECIAL_NUMBERS),
    () => random.pick([0n, -1n, 2n ** 64n]),
    () => new Date(0),
    () => new Date(NaN),
    () => new Map([['id', random.uuid()]]),
    () => new Set([random.pick(HOSTILE_STRINGS)]),
    () => /x/g,
    () => new Uint8Array([0, 255]),
    () => new Float64Array([NaN, -0]),
    () => new ArrayBuffer(8),
    () => new Error('boom'),
    () => Object.create(null) as unknown,
    () => new String('abc'),
    () => shared.sparseArray(),
    () => {
      const cycle: Record<string, unknown> = { id: random.uuid() }
      cycle.self = cycle
      return cycle
    }
  ]
  // Functions and symbols cannot cross Electron's structured clone or JSON; dispatch must still
  // refuse them, since it is the last line whatever the transport.
  const uncloneable: (() => unknown)[] = [
    () => Symbol('x'),
    () => () => 'called',
    () => ({ toString: () => 'app://dossier/', valueOf: () => 0 })
  ]
  const roll = random.int(40)
  if (json) return plant(random.pick(roll < 1 ? heavy : light)())
  const pool = roll < 4 ? heavy : roll < 22 ? light : roll < 36 ? cloneable : uncloneable
  return plant(random.pick(pool)())
}

/** `{"__proto__": {"polluted": true}}` and its relatives, with the keys as own properties. */
function pollution(random: Random): Record<string, unknown> {
  switch (random.int(3)) {
    case 0:
      return withOwnKey({}, '__proto__', { polluted: true })
    case 1:
      return { constructor: { prototype: { polluted: true } } }
    default:
      return withOwnKey({}, 'prototype', withOwnKey({}, '__proto__', { polluted: true }))
  }
}

/** Lengths just inside and just past the schemas' limits. */
const LIMITS = [
  64,
  65,
  127,
  128,
  129,
  MAX_TAG_LENGTH + 1,
  MAX_SPEAKER_LENGTH,
  MAX_SPEAKER_LENGTH + 1,
  MAX_QUERY_LENGTH,
  MAX_QUERY_LENGTH + 1,
  MAX_CONTEXT_LENGTH + 1,
  MAX_NOTE_LENGTH + 1
]

/** A variant of a string: edges of a limit, control and surrogate characters, case, paths. */
function bendString(value: string, random: Random): string {
  switch (random.int(12)) {
    case 0:
      return value + '\u0000'
    case 1:
      return random.pick(['\ud800', '\udc00', '\u202e', '\u200d']) + value
    case 2:
      return value.toUpperCase()
    case 3:
      return value.slice(0, random.int(value.length + 1))
    case 4: {
      const length = random.pick(LIMITS)
      return (value + random.pick(['a', '-', ' ', 'é'])).padEnd(
        length,
        random.pick(['a', '-', ' '])
      )
    }
    case 5:
      return ` ${value} `
    case 6:
      return value + '\n'
    case 7:
      return '../' + value
    case 8:
      return value + '\u0301'
    case 9:
      return value.repeat(2)
    case 10:
      return ''
    default:
      return value.length > 0 ? value.slice(1) + value[0] : '\u0000'
  }
}

/** A variant of a number: special values, fractions, negatives, far past any end. */
function bendNumber(value: number, random: Random): unknown {
  switch (random.int(6)) {
    case 0:
      return random.pick(SPECIAL_NUMBERS)
    case 1:
      return value + 0.5
    case 2:
      return -value - 1
    case 3:
      return value + random.pick([1, 1000, 1e9])
    case 4:
      return String(value)
    default:
      return Number.isSafeInteger(value) ? BigInt(value) : value * -1
  }
}

type Path = (string | number)[]
/** A request has a dozen places or so; an import document a few hundred. */
const MAX_PATHS = 500
type Node = Record<string | number, unknown>

const isContainer = (value: unknown): value is Node =>
  typeof value === 'object' &&
  value !== null &&
  (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype)

/**
 * Hostile values put into a request. Mutations land only in the request's own structure, never
 * inside these: the big ones are shared between payloads and must stay as built.
 */
const planted = new WeakSet<object>()
const plant = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) planted.add(value)
  return value
}

/**
 * Every place in a request where a mutation can land: its own structure, each object once
 * (a wrap can make one object appear twice), at most a few levels deep and MAX_PATHS places.
 */
function pathsOf(
  value: unknown,
  path: Path = [],
  out: Path[] = [],
  seen = new Set<object>()
): Path[] {
  out.push(path)
  if (!isContainer(value) || planted.has(value) || seen.has(value) || path.length >= 6) return out
  seen.add(value)
  for (const key of Object.keys(value)) {
    if (out.length >= MAX_PATHS) break
    pathsOf(value[key], [...path, Array.isArray(value) ? Number(key) : key], out, seen)
  }
  return out
}

function at(root: unknown, path: Path): unknown {
  let value = root
  for (const key of path) value = isContainer(value) ? value[key] : undefined
  return value
}

/** Replaces the value at `path`; answers the new root (itself, unless the path is the root). */
function replaceAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value
  const parent = at(root, path.slice(0, -1))
  if (isContainer(parent)) withOwnKey(parent as Record<string, unknown>, String(path.at(-1)), value)
  return root
}

interface Mutation {
  name: string
  apply(root: unknown, path: Path, random: Random, json: boolean): unknown
}

const MUTATIONS: readonly { weight: number; mutation: Mutation }[] = [
  {
    weight: 5,
    mutation: {
      name: 'hostile',
      apply: (root, path, random, json) => replaceAt(root, path, hostileValue(random, json))
    }
  },
  {
    weight: 4,
    mutation: {
      name: 'bend',
      apply: (root, path, random, json) => {
        const value = at(root, path)
        if (typeof value === 'string') return replaceAt(root, path, bendString(value, random))
        if (Array.isArray(value)) {
          // A list at, past and far past its limit, of its own first item.
          const length = random.pick([MAX_TAGS, MAX_TAGS + 1, 10_000])
          return replaceAt(root, path, plant(Array.from({ length }, () => value[0] ?? 'x')))
        }
        if (typeof value === 'number') {
          const bent = bendNumber(value, random)
          return replaceAt(root, path, json && typeof bent === 'bigint' ? String(bent) : bent)
        }
        return replaceAt(root, path, hostileValue(random, json))
      }
    }
  },
  {
    weight: 2,
    mutation: {
      name: 'drop-key',
      apply: (root, path) => {
        const parent = at(root, path.slice(0, -1))
        if (path.length > 0 && isContainer(parent) && !Array.isArray(parent))
          delete parent[path.at(-1)!]
        return root
      }
    }
  },
  {
    weight: 3,
    mutation: {
      name: 'extra-key',
      apply: (root, path, random, json) => {
        const target = at(root, path)
        const key = random.chance(0.7) ? random.pick(HOSTILE_KEYS) : bendString('key', random)
        const value = random.chance(0.5) ? plant(pollution(random)) : hostileValue(random, json)
        if (isContainer(target) && !planted.has(target) && !Array.isArray(target))
          withOwnKey(target, key, value)
        else return replaceAt(root, path, withOwnKey({}, key, value))
        return root
      }
    }
  },
  {
    weight: 2,
    mutation: {
      name: 'wrap',
      apply: (root, path, random) => {
        const value = at(root, path)
        const wrapped = random.chance(0.5) ? [value] : { value }
        return replaceAt(root, path, wrapped)
      }
    }
  },
  {
    weight: 1,
    mutation: {
      name: 'as-array',
      apply: (root, path) => {
        const value = at(root, path)
        return replaceAt(root, path, isContainer(value) ? Object.values(value) : [value])
      }
    }
  }
]
const TOTAL_WEIGHT = MUTATIONS.reduce((sum, { weight }) => sum + weight, 0)

function pickMutation(random: Random): Mutation {
  let roll = random.int(TOTAL_WEIGHT)
  for (const { weight, mutation } of MUTATIONS) {
    if (roll < weight) return mutation
    roll -= weight
  }
  return MUTATIONS[0]!.mutation
}

/** Applies one to three mutations to `root` (a freshly built value); answers the new root. */
function mutate(
  root: unknown,
  random: Random,
  json: boolean,
  names: string[]
): { root: unknown; names: string[] } {
  let current = root
  const count = 1 + random.int(3)
  for (let i = 0; i < count; i++) {
    const path = random.pick(pathsOf(current))
    const mutation = pickMutation(random)
    current = mutation.apply(current, path, random, json)
    names.push(`${mutation.name}@${path.join('.') || 'root'}`)
  }
  return { root: current, names }
}

// Well-formed requests over the world. Offsets land near the ends of the real texts.

const WORDS = ['kim', 'summit', 'strike', 'garden', 'tomatoes', 'hanoi', 'fence', 'the']

function query(random: Random): string {
  const parts = Array.from({ length: 1 + random.int(4) }, () =>
    random.pick([
      ...WORDS,
      ...WORDS.map((w) => `"${w} ${random.pick(WORDS)}"`),
      ...WORDS.map((w) => `-${w}`),
      'title:summit',
      'speaker:kim',
      'OR'
    ])
  )
  return parts.join(' ')
}

function offsetNear(length: number, random: Random): number {
  return random.pick([0, 1, length - 1, length, length + 1, random.int(length + 2)])
}

function template(channel: Channel, world: FuzzWorld, random: Random): unknown {
  const article = () => random.pick(world.articles)
  const annotation = () => random.pick(world.annotations)
  const tags = () =>
    Array.from({ length: random.int(4) }, () => random.pick(['x', ' garden ', 'a-b', '🌱']))
  switch (channel) {
    case 'library:list':
    case 'search:status':
    case 'settings:get':
    case 'quotes:voices':
    case 'notes:status':
      return undefined
    case 'library:get':
      return { id: article().id }
    case 'search:query': {
      const text = query(random)
      return {
        query: text,
        ...(random.chance(0.5) ? { limit: 1 + random.int(200) } : {}),
        ...(random.chance(0.5) ? { cursor: random.int(text.length + 1) } : {})
      }
    }
    case 'search:matches':
      return { articleId: article().id, query: query(random) }
    case 'settings:update':
      return {
        theme: random.pick(THEMES),
        fontSize: FONT_SIZE.min + random.int(FONT_SIZE.max - FONT_SIZE.min + 1),
        lineWidth: LINE_WIDTH.min + random.int(LINE_WIDTH.max - LINE_WIDTH.min + 1),
        lastArticleId: random.chance(0.5) ? article().id : null
      }
    case 'reading:save-position':
      return { articleId: article().id, position: random.pick([0, 0.5, 1]) }
    case 'quotes:by-speaker':
      return { speaker: random.pick([...world.speakers, 'Nobody Quoted']) }
    case 'notes:list':
      return random.chance(0.5) ? {} : { articleId: article().id }
    case 'notes:create': {
      const { id, textLength } = article()
      if (random.chance(0.3)) return { articleId: id, kind: 'article-note', note: 'A thought.' }
      const start = offsetNear(textLength, random)
      return {
        articleId: id,
        kind: 'highlight',
        start,
        end: start + random.pick([1, 5, textLength]),
        color: random.pick(HIGHLIGHT_COLORS),
        note: 'Why *this*?',
        tags: tags()
      }
    }
    case 'notes:update':
      return {
        id: annotation().id,
        note: 'Edited.',
        tags: tags(),
        color: random.pick(HIGHLIGHT_COLORS)
      }
    case 'notes:delete':
      return { id: annotation().id }
    case 'notes:restore':
      return { annotation: structuredClone(annotation()) }
    case 'notes:export':
      return {
        ...(random.chance(0.5) ? { articleId: article().id } : {}),
        format: random.pick(['markdown', 'web-annotation'])
      }
    case 'notes:import':
      return { content: importContent(world, random) }
    case 'import:file':
      return {
        batchId: random.pick(['batch-1', random.uuid()]),
        name: random.pick(['page.html', 'notes.md', 'story.txt', 'Saved_files/logo.html']),
        ...(random.chance(0.5)
          ? { path: random.pick(['folder/page.html', 'a/b_files/c.htm']) }
          : {}),
        data: random.pick(IMPORT_FILES)
      }
    case 'import:cancel':
      return { batchId: random.pick(['batch-1', random.uuid()]) }
    case 'library:edit':
      return {
        id: article().id,
        details: {
          title: 'A better title',
          author: random.pick([null, 'A. Writer']),
          date: random.pick([null, '2024-02-29']),
          language: random.pick([null, 'en', 'pt-BR']),
          url: random.pick([null, 'https://example.org/story'])
        }
      }
    case 'library:remove':
    case 'library:restore':
    case 'library:page-text':
      return { id: article().id }
    case 'library:removed':
      return { ids: [article().id, 'no-such-article'] }
  }
}

/** Small files to import, as base64: a page, Markdown, text, binary bytes, nothing. */
const IMPORT_FILES: readonly string[] = [
  '<!doctype html><title>T</title><article><h1>T</h1><p>Words here.</p></article>',
  '---\ntitle: Notes\n---\n\n- one\n- two\n',
  'A title\n\nA paragraph of text.\n',
  '\u0000\u0001\u0002binary',
  ''
].map((text) => Buffer.from(text, 'utf8').toString('base64'))

/**
 * The text of a file to import: an export of the stored notes (importing it changes nothing:
 * every note is already there, no newer) bent as a document, or text that is no document.
 */
function importContent(world: FuzzWorld, random: Random): string {
  const roll = random.int(10)
  if (roll === 0) {
    return random.pick([
      'not json',
      '',
      'null',
      '[]',
      '{}',
      '"a string"',
      '1e999',
      '{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection"}',
      '['.repeat(DEPTH) + ']'.repeat(DEPTH),
      '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH),
      '{'.repeat(DEPTH),
      '\ufeff{"__proto__":{"polluted":true},"@context":"http://www.w3.org/ns/anno.jsonld"}',
      shared.hugeString()
    ])
  }
  const document = JSON.parse(exportWebAnnotation(world.annotations, new Date(0))) as unknown
  if (roll === 1) return JSON.stringify(document)
  const { root } = mutate(document, random, true, [])
  try {
    return JSON.stringify(root)
  } catch {
    return String(root)
  }
}

/** A payload that passed the schema, pointed at nothing or at what is already stored. */
function inert(channel: Channel, payload: unknown, world: FuzzWorld, random: Random): unknown {
  const fields = payload as Record<string, unknown>
  const articleIds = new Set(world.articles.map((a) => a.id))
  const noteIds = new Set(world.annotations.map((a) => a.id))
  const missingArticle = () => {
    let id = random.slug(12)
    while (articleIds.has(id)) id = random.slug(12)
    return id
  }
  const missingNote = () => {
    let id = random.uuid()
    while (noteIds.has(id)) id = random.uuid()
    return id
  }
  switch (channel) {
    case 'notes:create': {
      const article = world.articles.find((a) => a.id === fields.articleId)
      // A highlight past the end of a real article is refused by the handler: keep it, that
      // check is worth fuzzing. Anything else would be created.
      if (article && fields.kind === 'highlight' && (fields.end as number) > article.textLength)
        return payload
      return { ...fields, articleId: missingArticle() }
    }
    case 'reading:save-position':
      return { ...fields, articleId: missingArticle() }
    case 'library:edit':
    case 'library:remove':
    case 'library:restore':
      return { ...fields, id: missingArticle() }
    case 'import:file':
      // An empty file: refused by the handler with its reason, nothing stored.
      return { ...fields, data: '' }
    case 'notes:update':
    case 'notes:delete':
      return { ...fields, id: missingNote() }
    case 'notes:restore':
      return { annotation: structuredClone(random.pick(world.annotations)) }
    case 'settings:update': {
      const { theme, fontSize, lineWidth, lastArticleId } = world.settings
      const current: Record<string, unknown> = { theme, fontSize, lineWidth, lastArticleId }
      return Object.fromEntries(Object.entries(current).filter(() => random.chance(0.5)))
    }
    default:
      return payload
  }
}

/**
 * `payload` made inert if it is for a state-changing channel and passes the schema (see the
 * top); anything else as it is. Run again after a transport changes a payload: JSON drops an
 * `undefined` extra key, which can make a refused payload a valid one.
 */
export function inertIfValid(
  channel: Channel,
  payload: unknown,
  world: FuzzWorld,
  random: Random
): { payload: unknown; inert: boolean } {
  // notes:import takes any string up to its limit: whether it is inert is decided by how
  // importContent builds it, not here.
  if (
    !STATE_CHANGING.has(channel) ||
    channel === 'notes:import' ||
    !requestSchemas[channel].safeParse(payload).success
  )
    return { payload, inert: false }
  const replaced = inert(channel, payload, world, random)
  return { payload: replaced, inert: replaced !== payload }
}

/**
 * One payload for `channel`. About one in twelve is a hostile value in place of the whole
 * request, one in thirty the well-formed request itself; the rest are mutated requests. For
 * notes:import, whose well-formed request carries a hostile file, three in four keep it whole.
 */
export function generatePayload(channel: Channel, world: FuzzWorld, random: Random): FuzzCase {
  const roll = random.int(60)
  let payload: unknown
  let label: string
  if (roll < 5) {
    payload = hostileValue(random)
    label = 'hostile@root'
  } else if (roll < 7 || (channel === 'notes:import' && roll < 45)) {
    payload = template(channel, world, random)
    label = 'unmutated'
  } else {
    const mutated = mutate(template(channel, world, random), random, false, [])
    payload = mutated.root
    label = mutated.names.join(' ')
  }
  const checked = inertIfValid(channel, payload, world, random)
  return { channel, payload: checked.payload, label, inert: checked.inert }
}

/**
 * A short, printable description of a payload for a failure message. Bounded in depth and
 * breadth by hand: JSON.stringify would walk a sparse array of length 2^32 - 1 to the end.
 */
export function describePayload(payload: unknown, depth = 0): string {
  if (typeof payload === 'string')
    return JSON.stringify(
      payload.length > 60 ? `${payload.slice(0, 60)}…(${payload.length})` : payload
    )
  if (typeof payload === 'bigint') return `${payload}n`
  if (typeof payload === 'number') return Object.is(payload, -0) ? '-0' : String(payload)
  if (typeof payload !== 'object' || payload === null) return String(payload)
  const kind = Object.prototype.toString.call(payload).slice(8, -1)
  if (depth >= 3) return `[${kind}]`
  if (Array.isArray(payload)) {
    const items = payload.slice(0, 4).map((item) => describePayload(item, depth + 1))
    return `[${items.join(', ')}${payload.length > 4 ? `, …(${payload.length})` : ''}]`
  }
  if (kind !== 'Object') return `[${kind}]`
  const keys = Object.keys(payload)
  const entries = keys
    .slice(0, 6)
    .map(
      (key) =>
        `${JSON.stringify(key.slice(0, 30))}: ${describePayload((payload as Node)[key], depth + 1)}`
    )
  return `{${entries.join(', ')}${keys.length > 6 ? `, …(${keys.length} keys)` : ''}}`
}

/**
 * A channel name that is not a contract channel: near misses, prototype keys, non-strings.
 * `json`: only what JSON can carry (the HTTP bridge's envelope).
 */
export function hostileChannel(random: Random, channels: readonly string[], json = false): unknown {
  for (;;) {
    const near = random.pick(channels)
    const name = random.pick<() => unknown>([
      () => bendString(near, random),
      () => random.pick([...HOSTILE_KEYS, '__lookupGetter__', 'length']),
      () => random.pick(HOSTILE_STRINGS),
      () => hostileValue(random, json)
    ])()
    // A bent name can come out whole (a slice to its full length).
    if (typeof name !== 'string' || !channels.includes(name)) return name
  }
}

/**
 * The URL of a frame that is not the app's page: web and local schemes, look-alikes of
 * `app://dossier/` (another host, a host around `dossier`, user info), and, when a dev server
 * is trusted, its neighbours. None of them may reach dispatch.
 */
export function untrustedFrameUrl(random: Random): string {
  const word = random.slug(1 + random.int(8))
  const page = random.pick(['', 'index.html', '../index.html', '%2e%2e/x', '?x#y'])
  switch (random.int(6)) {
    case 0:
      return `${random.pick(['https', 'http', 'ws', 'wss', 'ftp'])}://${random.pick([
        'dossier',
        'localhost:8080',
        '127.0.0.1',
        'evil.example',
        word
      ])}/${page}`
    case 1:
      return random.pick([
        'file:///tmp/evil.html',
        'data:text/html,<script>alert(1)</script>',
        'javascript:alert(1)',
        'about:blank',
        'about:srcdoc',
        `blob:app://dossier/${random.uuid()}`,
        'chrome://gpu',
        'devtools://devtools/bundled/inspector.html',
        'chrome-extension://abcdef/page.html',
        'view-source:app://dossier/index.html',
        'filesystem:app://dossier/temporary/x'
      ])
    case 2:
      return `app://${random.pick([
        `dossier.${word}`,
        `${word}.dossier`,
        `dossier-${word}`,
        `${word}`,
        'd0ssier',
        'dossier.',
        'xn--dssier-9ua'
      ])}/${page}`
    case 3:
      return random.pick([
        `app://${word}@dossier/${page}`,
        `app://:${word}@dossier/${page}`,
        `app://dossier@${word}/${page}`,
        `app:dossier/${page}`,
        `app:///dossier/${page}`,
        `apps://dossier/${page}`,
        `app2://dossier/${page}`
      ])
    case 4:
      // Neighbours of the dev server (trusted only when it runs, and then only its origin).
      return random.pick([
        'http://localhost:5174/',
        'https://localhost:5173/',
        'http://127.0.0.1:5173/',
        `http://localhost.${word}:5173/`,
        'http://localhost/'
      ])
    default:
      return random.pick(HOSTILE_STRINGS.filter((s) => !s.includes('app://dossier/')))
  }
}
