export const DEFAULT_WIRE: string
export function writeStandInElectron(dir: string, version: string): void
