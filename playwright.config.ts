import { defineConfig } from '@playwright/test'
import type { AppOptions } from './test/e2e/fixtures'
import { chromiumForTests } from './scripts/find-chromium.mjs'

/**
 * The Chromium the `web` project drives: one already on this machine (Debian's, Chrome, ...),
 * else Playwright's, installed once. Found in the runner and handed to its workers through
 * DOSSIER_CHROMIUM, so the choice is made and printed once per run.
 */
function chromiumPath(): string | undefined {
  if (process.env.TEST_WORKER_INDEX !== undefined) return process.env.DOSSIER_CHROMIUM
  const chosen = chromiumForTests(__dirname)
  if ('problem' in chosen) {
    console.log(`E2E browser: none (${chosen.problem}); the web project cannot run`)
    return undefined
  }
  console.log(`E2E browser: ${chosen.browser.name} at ${chosen.browser.path}`)
  process.env.DOSSIER_CHROMIUM = chosen.browser.path
  return chosen.browser.path
}

export default defineConfig<AppOptions>({
  testDir: './test/e2e',
  testMatch: '**/*.spec.ts',
  // Playwright empties its output folder on start: keep it apart from the other runners' reports.
  outputDir: './test-results/playwright',
  // Each test starts its own preview server; two cores do not profit from more than one worker.
  // Measured (Dec 2026, shared two-core machine, load 5-15): with two, a theme's axe walk took
  // 1.3-2 min instead of 25-32 s (and timed out), and 7 of 36 notes/search tests timed out.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // npm test (scripts/run-tests.mjs) passes its own reporters on the command line.
  reporter: 'list',
  use: {
    viewport: { width: 1200, height: 800 },
    screenshot: 'only-on-failure',
    actionTimeout: 5_000,
    navigationTimeout: 15_000
  },
  projects: [
    {
      name: 'web',
      use: {
        appKind: 'web',
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic'
          ]
        }
      }
    },
    {
      name: 'electron',
      use: { appKind: 'electron' }
    }
  ]
})
