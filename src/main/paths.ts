/**
 * Where the app finds its bundled articles and keeps the user's data. Pure: the caller passes
 * what Electron knows (`app.isPackaged`, `process.resourcesPath`, `app.getAppPath()`, userData).
 */
import { join } from 'node:path'

export interface ResourcesLocation {
  isPackaged: boolean
  /** `process.resourcesPath`: the packaged app's resources folder. */
  resourcesPath: string
  /** `app.getAppPath()`: the project root when running unpackaged. */
  appPath: string
  /** `process.env`: unpackaged, `DOSSIER_RESOURCES_DIR` names another library. */
  env?: Record<string, string | undefined>
}

/**
 * The folder holding `articles/` and `library-index.bin`. Packaged, electron-builder copies the
 * repository's `resources/` next to `app.asar` (see `extraResources` in electron-builder.yml),
 * and nothing overrides it: an installed app reads only what it shipped with. Unpackaged (tests,
 * development), `DOSSIER_RESOURCES_DIR` may name another folder, as the browser preview allows.
 */
export function resolveResourcesDir(location: ResourcesLocation): string {
  if (location.isPackaged) return join(location.resourcesPath, 'resources')
  const override = location.env?.DOSSIER_RESOURCES_DIR
  return override !== undefined && override.trim() !== ''
    ? override
    : join(location.appPath, 'resources')
}

/**
 * Where the user's data lives: `DOSSIER_DATA_DIR` when set (tests and portable setups point it
 * elsewhere), else Electron's per-user data folder.
 */
export function resolveDataDir(
  env: Record<string, string | undefined>,
  userDataPath: string
): string {
  const override = env.DOSSIER_DATA_DIR
  return override !== undefined && override.trim() !== '' ? override : userDataPath
}
