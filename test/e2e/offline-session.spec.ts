/**
 * The desktop app's session refuses the network on its own, beneath the page's CSP: with the CSP
 * switched off (Playwright's bypassCSP), an image, a fetch and a websocket aimed at a live server
 * on this machine are cancelled by the session before a single byte reaches it.
 *
 * Electron only: the browser preview has no Electron session, and there the CSP alone stands in
 * the way (the hostile-content spec shows an article's remote image is never requested). This
 * spec launches the app itself rather than through the `app` fixture, because the fixture cannot
 * switch the CSP off and would rightly count these deliberate attempts as requests leaving the app.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, type ElectronApplication } from '@playwright/test'
import { electronBinary, electronSkipReason, expect, test } from './fixtures'

const ROOT = resolve(__dirname, '..', '..')

/** A server on 127.0.0.1 that counts everything that reaches it, websocket upgrades included. */
async function countingServer(): Promise<{ server: Server; origin: string; hits: string[] }> {
  const hits: string[] = []
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`)
    response.writeHead(200, { 'Content-Type': 'text/plain' })
    response.end('reached')
  })
  server.on('upgrade', (request, socket) => {
    hits.push(`UPGRADE ${request.url}`)
    socket.destroy()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return { server, origin: `127.0.0.1:${port}`, hits }
}

/** The few page globals the attempts use (the node typecheck has no DOM library). */
interface NetworkGlobals {
  fetch(url: string): Promise<unknown>
  Image: new () => { src: string; onload: (() => void) | null; onerror: (() => void) | null }
  WebSocket: new (url: string) => {
    onopen: (() => void) | null
    onerror: (() => void) | null
  }
}

test('the desktop session cancels remote images, fetches and websockets even without the CSP', async ({
  appKind
}) => {
  test.skip(appKind !== 'electron', 'The browser preview has no Electron session to test')
  const binary = electronBinary()
  test.skip(binary === null, electronSkipReason() ?? '')

  const { server, origin, hits } = await countingServer()
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-e2e-offline-'))
  let electron: ElectronApplication | undefined
  try {
    // The server answers when asked directly, so silence later is the session's doing.
    expect((await fetch(`http://${origin}/control`)).status).toBe(200)
    hits.length = 0

    electron = await _electron.launch({
      executablePath: binary as string,
      args: ['.'],
      cwd: ROOT,
      env: { ...process.env, DOSSIER_DATA_DIR: dataDir } as Record<string, string>,
      bypassCSP: true
    })
    const page = await electron.firstWindow()
    await expect(page.getByTestId('library-item').first()).toBeVisible({ timeout: 10_000 })
    const failures: string[] = []
    page.on('requestfailed', (request) => {
      failures.push(`${request.url()} ${request.failure()?.errorText ?? ''}`)
    })

    const outcomes = await page.evaluate(async (host) => {
      const web = globalThis as unknown as NetworkGlobals
      const image = (url: string) =>
        new Promise<string>((done) => {
          const img = new web.Image()
          img.onload = () => done('loaded')
          img.onerror = () => done('failed')
          img.src = url
        })
      const socket = (url: string) =>
        new Promise<string>((done) => {
          const ws = new web.WebSocket(url)
          ws.onopen = () => done('opened')
          ws.onerror = () => done('failed')
        })
      return {
        image: await image(`http://${host}/pixel.png`),
        remoteImage: await image('https://example.com/pixel.png'),
        fetch: await web.fetch(`http://${host}/data.json`).then(
          () => 'fetched',
          () => 'failed'
        ),
        socket: await socket(`ws://${host}/socket`)
      }
    }, origin)

    expect(outcomes).toEqual({
      image: 'failed',
      remoteImage: 'failed',
      fetch: 'failed',
      socket: 'failed'
    })
    expect(hits, 'requests that reached the local server').toEqual([])
    // Cancelled by the session's request filter, not refused by the CSP or the network.
    for (const url of [`http://${origin}/pixel.png`, 'https://example.com/pixel.png']) {
      // Playwright relays the failure on its own schedule, possibly after the page saw it.
      await expect
        .poll(() => failures.find((failure) => failure.startsWith(url)))
        .toContain('ERR_BLOCKED_BY_CLIENT')
    }
  } finally {
    await electron?.close()
    await new Promise<void>((done) => server.close(() => done()))
    rmSync(dataDir, { recursive: true, force: true })
  }
})
