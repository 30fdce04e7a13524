import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { parentChannel, workerDataFrom } from '../../../src/main/library/index-worker-port'
import type { ToIndexWorker } from '../../../src/main/library/index-worker-protocol'

const search: ToIndexWorker = { type: 'search', id: 1, query: 'tomatoes' }

describe("the index worker's channel to main", () => {
  it("in an Electron utility process, unwraps messages from parentPort's events", () => {
    const parentPort = Object.assign(new EventEmitter(), { postMessage: vi.fn() })
    const side = Object.assign(new EventEmitter(), { parentPort })
    const port = parentChannel(side)
    const heard: ToIndexWorker[] = []
    port.on('message', (message) => heard.push(message))
    parentPort.emit('message', { data: search, ports: [] })
    port.postMessage({ type: 'progress', progress: 0.5 })
    expect(heard).toEqual([search])
    expect(parentPort.postMessage).toHaveBeenCalledWith({ type: 'progress', progress: 0.5 })
  })

  it('in a forked Node process, sends through process.send and hears process messages', () => {
    const side = Object.assign(new EventEmitter(), { send: vi.fn(() => true) })
    const port = parentChannel(side)
    const heard: ToIndexWorker[] = []
    port.on('message', (message) => heard.push(message))
    side.emit('message', search)
    port.postMessage({ type: 'log', message: 'hello' })
    expect(heard).toEqual([search])
    expect(side.send).toHaveBeenCalledWith({ type: 'log', message: 'hello' })
  })

  it('says when a message has left a forked process, once Node has written it', () => {
    let written: ((error: Error | null) => void) | undefined
    const send = vi.fn((_message: unknown, callback?: (error: Error | null) => void) => {
      written = callback
      return true
    })
    const port = parentChannel(Object.assign(new EventEmitter(), { send }))
    const sent = vi.fn()
    port.postMessage({ type: 'log', message: 'hello' }, sent)
    expect(sent).not.toHaveBeenCalled()
    written?.(null)
    expect(sent).toHaveBeenCalledOnce()
  })

  it.each([
    [
      'an Electron utility process',
      (side: EventEmitter, m: unknown) => side.emit('message', { data: m })
    ],
    ['a forked Node process', (side: EventEmitter, m: unknown) => side.emit('message', m)]
  ])('in %s, keeps what main sent before the worker listened, in order', (_case, deliver) => {
    const parentPort = Object.assign(new EventEmitter(), { postMessage: vi.fn() })
    const forked = Object.assign(new EventEmitter(), { send: vi.fn(() => true) })
    const utility = _case.startsWith('an Electron')
    const side = utility ? Object.assign(new EventEmitter(), { parentPort }) : forked
    const port = parentChannel(side)
    const update: ToIndexWorker = { type: 'update', id: 2, added: [], removed: ['a'] }
    deliver(utility ? parentPort : forked, search)
    deliver(utility ? parentPort : forked, update)
    const heard: ToIndexWorker[] = []
    port.on('message', (message) => heard.push(message))
    expect(heard).toEqual([search, update])
    deliver(utility ? parentPort : forked, search)
    expect(heard).toEqual([search, update, search])
  })

  it('refuses to run in a process main did not start', () => {
    expect(() => parentChannel(new EventEmitter())).toThrow(/child process of Dossier/)
  })
})

describe("the index worker's start data", () => {
  it('is the JSON of its last argument', () => {
    expect(workerDataFrom(['node', 'index-worker.js', '{"resourcesDir":"/res"}'])).toEqual({
      resourcesDir: '/res'
    })
    expect(
      workerDataFrom(['electron', '{"resourcesDir":"C:\\\\Dossier res","rebuild":true}'])
    ).toEqual({ resourcesDir: 'C:\\Dossier res', rebuild: true })
  })

  it.each([[['node', 'index-worker.js']], [['node', 'x', '{nope']], [['node', 'x', '{"dir":1}']]])(
    'is refused with a clear message when missing or malformed (%j)',
    (argv) => {
      expect(() => workerDataFrom(argv)).toThrow(/needs its data as JSON in its last argument/)
    }
  )
})
