/**
 * Text contrast in every theme, computed from theme.css itself (WCAG 2.1 contrast ratio): the
 * article's and the interface's text colours on every surface they are drawn on, including
 * each of the five highlight colours, meet 4.5:1 (WCAG 1.4.3, normal-size text).
 */
import { wcagContrast } from 'culori'
import { describe, expect, it } from 'vitest'
import { HIGHLIGHT_COLORS } from '@shared/model/annotation'
import { readPalettes, type Palette } from './theme-palette'

const MIN_TEXT_CONTRAST = 4.5

/** Text colours that carry words, whatever the surface. */
const TEXT = ['--ink-strong', '--ink', '--ink-soft', '--muted', '--accent', '--link']
/** Surfaces body and interface text sit on. */
const SURFACES = [
  '--paper',
  '--sidebar',
  '--sidebar-hover',
  '--sidebar-selected',
  '--field',
  '--chip',
  '--code-bg'
]
/** Article text (ink, links) drawn inside a highlight, a search hit or a find match. */
const ARTICLE_TEXT = ['--ink-strong', '--ink', '--link']
const MARKS = [
  ...HIGHLIGHT_COLORS.map((color) => `--highlight-${color}`),
  '--hit',
  '--hit-current',
  '--find'
]

const contrast = (palette: Palette, text: string, surface: string): number =>
  wcagContrast(palette[text]!, palette[surface]!)

const pairs = (texts: string[], surfaces: string[]) =>
  texts.flatMap((text) => surfaces.map((surface) => [text, surface] as const))

describe.each(Object.entries(readPalettes()))('the %s theme', (_theme, palette) => {
  it.each(pairs(TEXT, SURFACES))('%s on %s meets 4.5:1', (text, surface) => {
    expect(contrast(palette, text, surface)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST)
  })

  it.each(pairs(ARTICLE_TEXT, MARKS))('%s on %s meets 4.5:1', (text, surface) => {
    expect(contrast(palette, text, surface)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST)
  })

  it('the current find match’s own ink meets 4.5:1 on it', () => {
    expect(contrast(palette, '--find-current-ink', '--find-current')).toBeGreaterThanOrEqual(
      MIN_TEXT_CONTRAST
    )
  })

  it('notices and tooltips meet 4.5:1', () => {
    expect(contrast(palette, '--notice-ink', '--notice-bg')).toBeGreaterThanOrEqual(4.5)
    expect(contrast(palette, '--tooltip-ink', '--tooltip-bg')).toBeGreaterThanOrEqual(4.5)
    expect(contrast(palette, '--notice-action', '--notice-bg')).toBeGreaterThanOrEqual(4.5)
  })
})
