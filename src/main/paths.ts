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
}

/**
 * The folder holding `articles/` and `library-index.json`. Packaged, electron-builder copies the
 * repository's `resources/` next to `app.asar` (see `extraResources` in electron-builder.yml).
 */
export function resolveResourcesDir(location: ResourcesLocation): string {
  return location.isPackaged
    ? join(location.resourcesPath, 'resources')
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
