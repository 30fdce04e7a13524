import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { FromIndexWorker } from '../../../src/main/library/index-worker-protocol'

/** Electron's utility process, as far as the adapter uses it. */
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void
  class FakeUtilityProcess {
    pid: number | undefined = undefined
    readonly postMessage = vi.fn()
    readonly kill = vi.fn(() => true)
    private readonly listeners = new Map<string, Listener[]>()
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
      return this
    }
    once(event: string, listener: Listener): this {
      const once: Listener = (...args) => {
        this.listeners.set(event, this.listeners.get(event)?.filter((l) => l !== once) ?? [])
        listener(...args)
      }
      return this.on(event, once)
    }
    emit(event: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(event) ?? []) listener(...args)
    }
  }
  const forked: { process: FakeUtilityProcess; args: unknown[] }[] = []
  const utilityProcess = {
    fork: vi.fn((...args: unknown[]) => {
      const process = new FakeUtilityProcess()
      forked.push({ process, args })
      return process
    })
  }
  return { forked, utilityProcess, lowerPriority: vi.fn() }
})

vi.mock('electron', () => ({ utilityProcess: fake.utilityProcess }))
vi.mock('../../../src/main/library/lower-priority', () => ({ lowerPriority: fake.lowerPriority }))

const { INDEX_WORKER_NAME, utilityIndexWorker } =
  await import('../../../src/main/library/utility-index-worker')

beforeEach(() => {
  fake.forked.length = 0
  fake.lowerPriority.mockClear()
})

function start() {
  const handle = utilityIndexWorker('/app/out/main/index-worker.js')({
    resourcesDir: '/res',
    rebuild: true
  })
  const child = fake.forked[0]!.process
  return { handle, child }
}

describe('the index worker as an Electron utility process', () => {
  it('forks the script with its data as the last argument, under a readable name', () => {
    start()
    expect(fake.forked[0]!.args).toEqual([
      '/app/out/main/index-worker.js',
      ['{"resourcesDir":"/res","rebuild":true}'],
      { serviceName: INDEX_WORKER_NAME, stdio: 'inherit' }
    ])
  })

  it('lowers its priority once it has a pid', () => {
    const { child } = start()
    expect(fake.lowerPriority).not.toHaveBeenCalled()
    child.pid = 4321
    child.emit('spawn')
    expect(fake.lowerPriority).toHaveBeenCalledWith(4321)
  })

  it('passes messages both ways and stops it on terminate', () => {
    const { handle, child } = start()
    const heard: FromIndexWorker[] = []
    handle.on('message', (message) => heard.push(message))
    child.emit('message', { type: 'progress', progress: 0.25 })
    handle.postMessage({ type: 'articles-received' })
    handle.terminate()
    expect(heard).toEqual([{ type: 'progress', progress: 0.25 }])
    expect(child.postMessage).toHaveBeenCalledWith({ type: 'articles-received' })
    expect(child.kill).toHaveBeenCalled()
  })

  it('reports a fatal error as an Error and the exit code as it ended', () => {
    const { handle, child } = start()
    const errors: Error[] = []
    const exits: (number | string)[] = []
    handle.on('error', (error) => errors.push(error))
    handle.on('exit', (how) => exits.push(how))
    child.emit('error', 'FatalError', 'v8::ToLocalChecked Empty MaybeLocal', '{}')
    child.emit('exit', 133)
    expect(errors.map((error) => error.message)).toEqual([
      'FatalError at v8::ToLocalChecked Empty MaybeLocal'
    ])
    expect(exits).toEqual([133])
  })
})
