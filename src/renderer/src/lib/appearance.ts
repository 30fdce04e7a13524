/**
 * Puts the reader's appearance settings on the document: the theme as `data-theme` on `<html>`
 * (the stylesheet does the rest, following the system for `system`) and sizes as custom
 * properties. They are set through the CSSOM because the CSP forbids inline style attributes.
 */
import type { Settings } from '@shared/model/settings'

export function applyAppearance(
  settings: Pick<Settings, 'theme' | 'fontSize' | 'lineWidth'>,
  root: HTMLElement = document.documentElement
): void {
  root.dataset.theme = settings.theme
  root.style.setProperty('--reader-font-size', `${settings.fontSize}px`)
  root.style.setProperty('--reader-measure', `${settings.lineWidth}ch`)
}
