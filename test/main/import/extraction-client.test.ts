import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { ExtractionClient } from '../../../src/main/import/extraction-client'
import type {
  ExtractorHandle,
  FromExtractor,
  ToExtractor
} from '../../../src/main/import/extraction-protocol'
import { answer } from '../../../src/main/import/serve-extraction'

/** A stand-in process: hangs on a file named hang.txt, dies on crash.txt, else extracts. */
function fakeProcesses() {
  const started: { killed: boolean }[] = []
  const start = (): ExtractorHandle => {
    const events = new EventEmitter()
    const state = { killed: false }
    started.push(state)
    return {
      postMessage: (message: ToExtractor) =>
        setImmediate(() => {
          if (state.killed) return
          if (message.type === 'import' && message.name === 'hang.txt') return
          if (message.type === 'import' && message.name === 'crash.txt') {
            state.killed = true
            events.emit('exit', 134)
            return
          }
          events.emit('message', answer(message) satisfies FromExtractor)
        }),
      on: ((event: string, listener: (...args: never[]) => void) =>
        events.on(event, listener as (...args: unknown[]) => void)) as ExtractorHandle['on'],
      terminate: () => {
        state.killed = true
      }
    }
  }
  return { start, started }
}

const file = (name: string) => ({ name, bytes: new TextEncoder().encode('Title\n\nSome text.') })

describe('ExtractionClient', () => {
  it('stops a file that overruns its time budget, then serves the next in a fresh process', async () => {
    const { start, started } = fakeProcesses()
    const client = new ExtractionClient(start, 50)
    const [hung, next] = await Promise.all([
      client.extract(file('hang.txt')),
      client.extract(file('fine.txt'))
    ])
    expect(hung).toEqual({ ok: false, reason: 'Took too long to read (over 0 s); it was stopped.' })
    expect(next).toMatchObject({ ok: true, meta: { title: 'Title' } })
    expect(started.map((process) => process.killed)).toEqual([true, false])
  })

  it('fails a file whose work ends the process, and goes on with a new one', async () => {
    const { start, started } = fakeProcesses()
    const client = new ExtractionClient(start, 5000)
    const crashed = await client.extract(file('crash.txt'))
    expect(crashed.ok).toBe(false)
    expect(crashed.ok ? '' : crashed.reason).toMatch(/stopped the import process \(134\)/)
    expect((await client.extract(file('fine.txt'))).ok).toBe(true)
    expect(started).toHaveLength(2)
  })

  it('cancels a batch: its file in flight is killed, its waiting and later files fail', async () => {
    const { start, started } = fakeProcesses()
    const client = new ExtractionClient(start, 5000)
    const inFlight = client.extract(file('hang.txt'), 'b')
    const waiting = client.extract(file('fine.txt'), 'b')
    const other = client.extract(file('fine.txt'), 'other')
    expect(client.cancel('b')).toBe(true)
    expect(await inFlight).toEqual({ ok: false, reason: 'Cancelled.' })
    expect(await waiting).toEqual({ ok: false, reason: 'Cancelled.' })
    expect((await other).ok).toBe(true)
    expect(await client.extract(file('fine.txt'), 'b')).toEqual({ ok: false, reason: 'Cancelled.' })
    expect(started[0]!.killed).toBe(true)
  })
})
