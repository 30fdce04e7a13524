/**
 * A small stand-in for main's notes channels, for renderer tests: an in-memory store that
 * answers notes:* the way the contract says (a create anchors at the offsets asked for, a
 * delete answers what it deleted, a restore puts it back), and can be told to refuse writes
 * the way a full or read-only disk would.
 */
import type { RequestOf, ResponseOf } from '@shared/ipc/contract'
import { fail, ok, type Result } from '@shared/ipc/result'
import type { Annotation, AnnotationView } from '@shared/model/annotation'

let nextId = 1

/** A UUID-shaped id, different every time. */
export function fakeId(): string {
  return `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`
}

/** An annotation as main would list it; a highlight anchors where its target says. */
export function makeAnnotation(overrides: Partial<AnnotationView> = {}): AnnotationView {
  const kind = overrides.kind ?? 'highlight'
  const start = overrides.anchor?.start ?? 0
  const end = overrides.anchor?.end ?? 5
  const target =
    kind === 'highlight'
      ? {
          position: { type: 'TextPositionSelector' as const, start, end },
          quote: { type: 'TextQuoteSelector' as const, exact: 'quoted', prefix: '', suffix: '' }
        }
      : null
  return {
    id: fakeId(),
    articleId: 'fixture-article',
    kind,
    target,
    color: 'yellow',
    note: '',
    tags: [],
    created: '2024-05-01T10:00:00.000Z',
    updated: '2024-05-01T10:00:00.000Z',
    anchor: kind === 'highlight' ? { start, end } : null,
    ...overrides
  }
}

export class FakeNotesMain {
  stored: AnnotationView[] = []
  /** While set, every write is refused with this message. */
  refuseWrites: string | null = null
  /** Every call made, in order: [channel, request]. */
  calls: [string, unknown][] = []
  articleText = 'Kim snubs Trump\n\nA blunt put-down from Pyongyang.'
  statusNotice: string | null = null
  /** How long each answer takes (a slow disk), in milliseconds of the test's timers. */
  latency = 0

  /** Answers one call as main would. */
  async handle(channel: string, request?: unknown): Promise<Result<unknown>> {
    this.calls.push([channel, request])
    if (this.latency > 0) await new Promise((resolve) => setTimeout(resolve, this.latency))
    const write = ['notes:create', 'notes:update', 'notes:delete', 'notes:restore', 'notes:import']
    if (this.refuseWrites !== null && write.includes(channel))
      return fail('internal', this.refuseWrites)
    switch (channel) {
      case 'notes:list': {
        const { articleId } = request as RequestOf<'notes:list'>
        return ok({
          annotations: this.stored.filter(
            (a) => articleId === undefined || a.articleId === articleId
          )
        })
      }
      case 'notes:create':
        return ok(this.#create(request as RequestOf<'notes:create'>))
      case 'notes:update': {
        const { id, ...patch } = request as RequestOf<'notes:update'>
        const found = this.stored.find((a) => a.id === id)
        if (!found) return fail('not-found', `No annotation ${id}`)
        Object.assign(found, patch, { updated: new Date().toISOString() })
        return ok({ ...found })
      }
      case 'notes:delete': {
        const { id } = request as RequestOf<'notes:delete'>
        const found = this.stored.find((a) => a.id === id)
        if (!found) return fail('not-found', `No annotation ${id}`)
        this.stored = this.stored.filter((a) => a !== found)
        const { anchor: _anchor, ...deleted } = found
        return ok({ deleted } satisfies ResponseOf<'notes:delete'>)
      }
      case 'notes:restore': {
        const { annotation } = request as RequestOf<'notes:restore'>
        const view = this.#view(annotation)
        this.stored.push(view)
        return ok({ ...view })
      }
      case 'notes:status':
        return ok({ notice: this.statusNotice, count: this.stored.length })
      case 'notes:export':
        return ok({ fileName: 'notes.md', mimeType: 'text/markdown', content: '# Notes' })
      default:
        return fail('unknown-channel', `The fake main does not answer ${channel}`)
    }
  }

  #create(request: RequestOf<'notes:create'>): AnnotationView {
    const { articleId, kind, start, end, color = 'yellow', note = '', tags = [] } = request
    const now = new Date().toISOString()
    const target =
      kind === 'highlight' && start !== undefined && end !== undefined
        ? {
            position: { type: 'TextPositionSelector' as const, start, end },
            quote: {
              type: 'TextQuoteSelector' as const,
              exact: this.articleText.slice(start, end),
              prefix: '',
              suffix: ''
            }
          }
        : null
    const view = this.#view({
      id: fakeId(),
      articleId,
      kind,
      target,
      color,
      note,
      tags,
      created: now,
      updated: now
    })
    this.stored.push(view)
    return { ...view }
  }

  #view(annotation: Annotation): AnnotationView {
    const position = annotation.target?.position
    return { ...annotation, anchor: position ? { start: position.start, end: position.end } : null }
  }
}
