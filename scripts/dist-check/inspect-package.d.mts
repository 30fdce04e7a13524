export interface PackedApp {
  files: string[]
  read(file: string): string
}
export const ENTRIES: string[]
export const DEVELOPMENT_ENTRIES: string[]
export const PACKED_LIBRARY_DIR: string
export function missingEntries(files: string[], entries?: string[]): string[]
export function loadedBy(source: string): { modules: string[]; started: string[] }
export function requiredModules(source: string): string[]
export function unresolvedRequires(
  app: PackedApp,
  entries: string[]
): { from: string; request: string }[]
export function unwantedFiles(files: string[], devDependencies: string[]): string[]
export function fuseMismatches(
  wire: Record<string, number>,
  configured: Record<string, boolean>,
  indexOf: Record<string, number>
): string[]
