type Env = Record<string, string | undefined>
export const PREVIEW_HINT: string
export function downloadSkipped(env: Env): boolean
export function ensureElectron(root: string, env?: Env): { binary: string } | { cause: string }
export function electronOrExit(root: string): string
