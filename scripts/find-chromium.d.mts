type Env = Record<string, string | undefined>
export interface Browser {
  name: string
  path: string
}
export function knownLocations(platform: NodeJS.Platform, env: Env): Browser[]
export function findChromium(where: {
  platform: NodeJS.Platform
  env: Env
  exists: (path: string) => boolean
  playwrightBuild: string
}): Browser | null
export function chromiumForTests(
  root: string,
  env?: Env
): { browser: Browser } | { problem: string }
