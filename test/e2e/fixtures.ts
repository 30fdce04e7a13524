/**
 * The `app` fixture: a fresh Dossier per test, with its own empty data folder, driven either in
 * Chromium through the browser preview (project `web`) or as the real Electron app (project
 * `electron`). Specs get the same object either way and never ask which one they have.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import {
  _electron,
  expect,
  test as base,
  type Browser,
  type BrowserContext,
  type ElectronApplication,
  type Page,
  type TestInfo
} from '@playwright/test'
import { BRIDGE_PATH, PREVIEW_BANNER } from '../../src/shared/ipc/http-bridge'
import { ensureElectron } from '../../scripts/ensure-electron.mjs'

export { expect } from '@playwright/test'

const ROOT = resolve(__dirname, '..', '..')
const PREVIEW_SCRIPT = join(ROOT, 'out', 'main', 'preview-server.js')
/** The server reads a handful of small files before it listens; a cold start takes well under this. */
const SERVER_START_TIMEOUT_MS = 15_000

/** One running Dossier as a spec sees it. */
export interface App {
  /** The window showing the reader. Replaced by `reopen()`. */
  page: Page
  /** Where the page was loaded from. */
  url: string
  /** The user-data folder (settings, reading positions) this app keeps its state in. */
  dataDir: string
  /** Closes the window and opens it again on the same data, as a user restarting the app. */
  reopen(): Promise<Page>
  /**
   * Stops Dossier's main side too (the preview's server; Electron's main process) and starts it
   * again on the same data, so the stores read their files afresh: a restart after quitting.
   */
  restart(): Promise<Page>
}

export interface AppOptions {
  /** Which shell runs the reader: the browser preview or the Electron app. */
  appKind: 'web' | 'electron'
  /**
   * The library to open (a folder holding `articles/`, as `DOSSIER_RESOURCES_DIR`); the
   * repository's `resources/` when undefined. Set per file with `test.use({ resourcesDir })`.
   */
  resourcesDir: string | undefined
}

interface WorkerFixtures extends AppOptions {
  webBrowser: Browser | undefined
  /** Electron's binary made ready (or found missing) before the electron project's first test. */
  electronReady: void
}

/**
 * With DOSSIER_E2E_SLOW_MAIN=ms, the web project answers each call from the page up to that many
 * ms late, at random, as main does on a busy machine: a test that passes only when main answers
 * at once is waiting on timing instead of on what the page shows.
 */
const SLOW_MAIN_MS = Number(process.env.DOSSIER_E2E_SLOW_MAIN ?? 0)

/** Fetching Electron's binary (about 100 MB) may take longer than a test. */
const ELECTRON_INSTALL_TIMEOUT_MS = 10 * 60_000

let electron: { binary: string } | { cause: string } | undefined
/**
 * Electron's executable, fetched once per worker by Electron's installer where it is missing and
 * downloads are allowed, as `npm start` does; or why there is none (the `electron` project skips).
 */
function electronForTests(): { binary: string } | { cause: string } {
  electron ??= ensureElectron(ROOT)
  return electron
}

/** The Electron binary's path, or null where it is not installed and cannot be fetched. */
export const electronBinary = (): string | null => {
  const found = electronForTests()
  return 'binary' in found ? found.binary : null
}

/** Why the `electron` project skips here, in one line; null where it runs. */
export const electronSkipReason = (): string | null => {
  const found = electronForTests()
  return 'cause' in found ? found.cause : null
}

export interface TestFixtures {
  app: App
  /**
   * Starts another Dossier of the same kind on its own fresh data folder (a second profile, as
   * on another computer), closed and removed when the test ends.
   */
  anotherApp: () => Promise<App>
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  appKind: ['web', { option: true, scope: 'worker' }],
  resourcesDir: [undefined, { option: true, scope: 'worker' }],

  // Launched only for the web project, so the Electron project never needs a browser.
  webBrowser: [
    async ({ playwright, appKind }, use) => {
      if (appKind !== 'web') return use(undefined)
      // Launch options (the system Chromium and its flags) come from the project's config.
      const browser = await playwright.chromium.launch()
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' }
  ],

  // Runs Electron's installer outside any one test's time limit, once per worker.
  electronReady: [
    async ({ appKind }, use) => {
      if (appKind === 'electron') electronForTests()
      await use()
    },
    { scope: 'worker', auto: true, timeout: ELECTRON_INSTALL_TIMEOUT_MS }
  ],

  app: async ({ appKind, webBrowser, resourcesDir }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dossier-e2e-'))
    const log: string[] = []
    const seen: Seen = { requests: [], pageErrors: [], appOrigins: [] }
    let close: () => Promise<void> = async () => {}
    let appUrl = ''
    try {
      if (appKind === 'web') {
        if (!webBrowser) throw new Error('The web project has no browser')
        const web = await openWeb(webBrowser, dataDir, log, seen, resourcesDir)
        close = web.close
        appUrl = web.app.url
        await use(web.app)
      } else {
        const binary = electronBinary()
        testInfo.skip(binary === null, electronSkipReason() ?? '')
        const desktop = await openElectron(
          binary as string,
          dataDir,
          log,
          testInfo,
          seen,
          resourcesDir
        )
        close = desktop.close
        appUrl = desktop.app.url
        await use(desktop.app)
      }
      // Every test also proves the app stayed offline and threw nothing in the page.
      const origins = [new URL(appUrl).origin, ...seen.appOrigins]
      const away = seen.requests.filter(
        (url) => !/^(data|blob|about):/.test(url) && !origins.includes(new URL(url).origin)
      )
      expect(away, 'requests that left the app').toEqual([])
      expect(seen.pageErrors, 'uncaught errors in the page').toEqual([])
    } finally {
      await close()
      if (testInfo.status !== testInfo.expectedStatus && log.length > 0) {
        await testInfo.attach('app log', { body: log.join('\n'), contentType: 'text/plain' })
      }
      rmSync(dataDir, { recursive: true, force: true })
    }
  },

  anotherApp: async ({ appKind, webBrowser, resourcesDir }, use, testInfo) => {
    const started: { close: () => Promise<void>; dataDir: string; seen: Seen }[] = []
    try {
      await use(async () => {
        const dataDir = mkdtempSync(join(tmpdir(), 'dossier-e2e-'))
        const seen: Seen = { requests: [], pageErrors: [], appOrigins: [] }
        const log: string[] = []
        // The web project never asks for Electron, whose installer may try the network.
        const opened =
          appKind === 'web'
            ? await openWeb(webBrowser as Browser, dataDir, log, seen, resourcesDir)
            : await openElectron(
                electronBinary() as string,
                dataDir,
                log,
                testInfo,
                seen,
                resourcesDir
              )
        started.push({ close: opened.close, dataDir, seen })
        return opened.app
      })
      for (const { seen } of started)
        expect(seen.pageErrors, 'uncaught errors in the page').toEqual([])
    } finally {
      for (const { close, dataDir } of started) {
        await close()
        rmSync(dataDir, { recursive: true, force: true })
      }
    }
  }
})

async function openWeb(
  browser: Browser,
  dataDir: string,
  log: string[],
  seen: Seen,
  resourcesDir: string | undefined
): Promise<{ app: App; close: () => Promise<void> }> {
  let server = await startPreview(dataDir, log, resourcesDir)
  let context: BrowserContext | undefined
  const openPage = async (): Promise<Page> => {
    // A new context each time: no cookies or storage carry over, so anything restored on
    // reopening must have come from the data folder, as in the desktop app.
    context = await browser.newContext()
    if (SLOW_MAIN_MS > 0)
      await context.route(`**${BRIDGE_PATH}`, async (route) => {
        await new Promise((done) => setTimeout(done, Math.random() * SLOW_MAIN_MS))
        await route.fallback()
      })
    const page = await context.newPage()
    watchPage(page, log, seen)
    await page.goto(server.url)
    return page
  }
  const app: App = {
    page: await openPage(),
    url: server.url,
    dataDir,
    async reopen() {
      await context?.close()
      app.page = await openPage()
      return app.page
    },
    async restart() {
      await context?.close()
      await stopProcess(server.process)
      server = await startPreview(dataDir, log, resourcesDir)
      app.url = server.url
      seen.appOrigins.push(new URL(server.url).origin)
      app.page = await openPage()
      return app.page
    }
  }
  return {
    app,
    // Both at once: the test's checks are done, and each takes a few hundred ms on its own.
    close: async () => {
      await Promise.all([context?.close(), stopProcess(server.process)])
    }
  }
}

async function openElectron(
  binary: string,
  dataDir: string,
  log: string[],
  testInfo: TestInfo,
  seen: Seen,
  resourcesDir: string | undefined
): Promise<{ app: App; close: () => Promise<void> }> {
  let electron: ElectronApplication | undefined
  const launch = async (): Promise<Page> => {
    const env = { ...process.env, ...libraryEnv(resourcesDir), DOSSIER_DATA_DIR: dataDir }
    electron = await _electron.launch({
      executablePath: binary,
      args: ['.'],
      cwd: ROOT,
      env: env as Record<string, string>
    })
    electron.process().stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString().trimEnd()))
    electron.process().stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString().trimEnd()))
    const page = await electron.firstWindow()
    watchPage(page, log, seen)
    await page.waitForLoadState('domcontentloaded')
    return page
  }
  const page = await launch()
  const app: App = {
    page,
    url: page.url(),
    dataDir,
    async reopen() {
      await electron?.close()
      app.page = await launch()
      return app.page
    },
    // Closing the window ends Electron's main process: a reopen is already a restart.
    restart() {
      return app.reopen()
    }
  }
  return {
    app,
    close: async () => {
      // Playwright's own failure screenshots only cover browser pages.
      if (testInfo.status !== testInfo.expectedStatus) {
        const shot = await app.page.screenshot().catch(() => undefined)
        if (shot) await testInfo.attach('screenshot', { body: shot, contentType: 'image/png' })
      }
      await electron?.close()
    }
  }
}

/** The environment naming the library to open; the repository's when `resourcesDir` is unset. */
function libraryEnv(resourcesDir: string | undefined): Record<string, string> {
  return resourcesDir === undefined ? {} : { DOSSIER_RESOURCES_DIR: resourcesDir }
}

/** Starts the browser preview on its own data folder and waits for the URL it announces. */
function startPreview(
  dataDir: string,
  log: string[],
  resourcesDir: string | undefined
): Promise<{ url: string; process: ChildProcess }> {
  if (!existsSync(PREVIEW_SCRIPT)) {
    return Promise.reject(new Error(`${PREVIEW_SCRIPT} is missing: run \`npm run build\` first`))
  }
  const child = spawn(process.execPath, [PREVIEW_SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, ...libraryEnv(resourcesDir), DOSSIER_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString().trimEnd()))
  return new Promise((resolveStart, rejectStart) => {
    const fail = (reason: string) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      rejectStart(new Error(`Preview server ${reason}.\n${log.join('\n')}`))
    }
    const timer = setTimeout(
      () => fail(`printed no banner in ${SERVER_START_TIMEOUT_MS} ms`),
      SERVER_START_TIMEOUT_MS
    )
    child.once('error', (error) => fail(`could not start: ${error.message}`))
    child.once('exit', (code, signal) =>
      fail(`exited (${signal ?? code}) before announcing its URL`)
    )
    let announced = false
    createInterface({ input: child.stdout }).on('line', (line) => {
      log.push(line)
      if (announced) return
      announced = true
      if (!line.startsWith(PREVIEW_BANNER))
        return fail(`printed ${JSON.stringify(line)} instead of its banner`)
      clearTimeout(timer)
      child.removeAllListeners('exit')
      resolveStart({ url: line.slice(PREVIEW_BANNER.length).trim(), process: child })
    })
  })
}

/** What the page did that a test should know about even when it does not look for it. */
interface Seen {
  requests: string[]
  pageErrors: string[]
  /** Origins the app itself was served from (a restarted preview has a new port). */
  appOrigins: string[]
}

function watchPage(page: Page, log: string[], seen: Seen): void {
  page.on('request', (request) => seen.requests.push(request.url()))
  page.on('pageerror', (error) => {
    seen.pageErrors.push(error.message)
    log.push(`[page error] ${error.message}`)
  })
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      log.push(`[console ${message.type()}] ${message.text()}`)
    }
  })
}

/** Stops a server: politely first, then firmly if it has not gone within a second. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 1_000)
  await exited
  clearTimeout(timer)
}
