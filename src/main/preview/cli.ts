/**
 * `node out/main/preview-server.js`: runs the browser preview with the same services the desktop
 * app runs. Prints the URL first, on its own line on stdout (tests read it); logs go to stderr.
 *
 * Environment: `PORT` (default: a free port), `DOSSIER_RESOURCES_DIR` (default: the repository's
 * `resources/`), `DOSSIER_DATA_DIR` (default: a fresh temporary folder, removed on exit).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PREVIEW_BANNER } from '@shared/ipc/http-bridge'
import { createServices } from '../services'
import { startPreviewServer } from './server'

const log = (message: string): void => console.error(message)

/** A TCP port from `PORT`, or 0 (any free port) when unset. */
function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 0
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got ${JSON.stringify(raw)}`)
  }
  return port
}

async function main(): Promise<void> {
  const port = parsePort(process.env.PORT)
  // The built file is out/main/preview-server.js: the repository root is two levels up.
  const resourcesDir = process.env.DOSSIER_RESOURCES_DIR || join(__dirname, '../../resources')
  const ownDataDir = !process.env.DOSSIER_DATA_DIR
  const dataDir =
    process.env.DOSSIER_DATA_DIR || (await mkdtemp(join(tmpdir(), 'dossier-preview-')))

  const services = await createServices({ resourcesDir, dataDir, log })
  const server = await startPreviewServer({
    rendererDir: join(__dirname, '../renderer'),
    dispatch: services.dispatch,
    port
  })
  process.stdout.write(`${PREVIEW_BANNER}${server.url}\n`)
  log(`[dossier] data: ${dataDir}${ownDataDir ? ' (temporary)' : ''}`)
  for (const skipped of services.skipped)
    log(`[dossier] skipped ${skipped.file}: ${skipped.reason}`)

  let closing = false
  const shutdown = (): void => {
    if (closing) return
    closing = true
    server
      .close()
      .then(() => (ownDataDir ? rm(dataDir, { recursive: true, force: true }) : undefined))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log(`[dossier] preview did not close cleanly: ${String(error)}`)
          process.exit(1)
        }
      )
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  log(
    `[dossier] preview failed to start: ${error instanceof Error ? error.message : String(error)}`
  )
  process.exit(1)
})
