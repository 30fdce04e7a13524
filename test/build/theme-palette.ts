/**
 * The colours theme.css gives each theme, read from the stylesheet itself: every `--name` in
 * `:root` (a `light-dark(light, dark)` pair or one value for both), with the sepia block's
 * values over the light ones.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const THEME_CSS = join(__dirname, '../../src/renderer/src/styles/theme.css')

export type ThemeName = 'light' | 'dark' | 'sepia'
export type Palette = Record<string, string>

/** The declarations of the first rule whose selector is exactly `selector`. */
function block(css: string, selector: string): string {
  const start = css.indexOf(`${selector} {`)
  if (start < 0) throw new Error(`theme.css has no ${selector} rule`)
  return css.slice(start, css.indexOf('\n}', start))
}

/** `--name: value;` pairs of a rule (comments dropped). */
function declarations(body: string): [string, string][] {
  const plain = body.replace(/\/\*[\s\S]*?\*\//g, '')
  return [...plain.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()])
}

/** Splits `light-dark(a, b)` into its two colours (each may itself hold commas, as rgb() does). */
function lightDark(value: string): [string, string] | null {
  const match = /^light-dark\((.*)\)$/s.exec(value)
  if (!match) return null
  let depth = 0
  const inner = match[1]!
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i]
    if (char === '(') depth++
    else if (char === ')') depth--
    else if (char === ',' && depth === 0)
      return [inner.slice(0, i).trim(), inner.slice(i + 1).trim()]
  }
  throw new Error(`Cannot read ${value}`)
}

export function readPalettes(css = readFileSync(THEME_CSS, 'utf8')): Record<ThemeName, Palette> {
  const light: Palette = {}
  const dark: Palette = {}
  for (const [name, value] of declarations(block(css, ':root'))) {
    const pair = lightDark(value)
    light[name] = pair ? pair[0] : value
    dark[name] = pair ? pair[1] : value
  }
  const sepia: Palette = { ...light }
  for (const [name, value] of declarations(block(css, ":root[data-theme='sepia']")))
    sepia[name] = value
  return { light, dark, sepia }
}
