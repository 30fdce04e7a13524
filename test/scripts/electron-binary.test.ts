import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { electronBinary } from '../../scripts/electron-binary.mjs'

/** A checkout with an electron package as npm leaves it: binary downloaded or skipped. */
function makeCheckout(options: { pathTxt?: string; binary?: boolean }): string {
  const root = mkdtempSync(join(tmpdir(), 'dossier-electron-binary-'))
  writeFileSync(join(root, 'package.json'), '{"name":"checkout"}')
  const electron = join(root, 'node_modules', 'electron')
  mkdirSync(join(electron, 'dist'), { recursive: true })
  writeFileSync(join(electron, 'package.json'), '{"name":"electron","main":"index.js"}')
  // Requiring the package would start a download: the module under test must never do it.
  writeFileSync(join(electron, 'index.js'), 'throw new Error("required electron")')
  if (options.pathTxt !== undefined) writeFileSync(join(electron, 'path.txt'), options.pathTxt)
  if (options.binary) writeFileSync(join(electron, 'dist', options.pathTxt ?? 'electron'), '')
  return root
}

describe('electronBinary', () => {
  const roots: string[] = []
  const checkout = (options: { pathTxt?: string; binary?: boolean }) => {
    const root = makeCheckout(options)
    roots.push(root)
    return root
  }
  beforeEach(() => {
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '')
    vi.stubEnv('DOSSIER_ELECTRON_DIR', '')
  })
  afterEach(() => {
    vi.unstubAllEnvs()
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
  })

  it('finds the executable the install script downloaded, without requiring the package', () => {
    const root = checkout({ pathTxt: 'electron', binary: true })
    expect(electronBinary(root)).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'))
  })

  it('answers null where the download was skipped (no path.txt)', () => {
    expect(electronBinary(checkout({}))).toBeNull()
  })

  it('answers null when path.txt names an executable that is not there', () => {
    expect(electronBinary(checkout({ pathTxt: 'electron' }))).toBeNull()
  })

  it('answers null without an electron package at all', () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-electron-binary-'))
    roots.push(root)
    expect(electronBinary(root)).toBeNull()
  })

  it('looks in the package DOSSIER_ELECTRON_DIR names instead of node_modules', () => {
    const installed = checkout({ pathTxt: 'electron', binary: true })
    const standIn = join(checkout({}), 'node_modules', 'electron')
    vi.stubEnv('DOSSIER_ELECTRON_DIR', standIn)
    expect(electronBinary(installed)).toBeNull()
    writeFileSync(join(standIn, 'path.txt'), 'electron')
    writeFileSync(join(standIn, 'dist', 'electron'), '')
    expect(electronBinary(installed)).toBe(join(standIn, 'dist', 'electron'))
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH as Electron does', () => {
    const root = checkout({ pathTxt: 'electron', binary: true })
    const dist = mkdtempSync(join(tmpdir(), 'dossier-electron-dist-'))
    roots.push(dist)
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', dist)
    expect(electronBinary(root)).toBeNull()
    writeFileSync(join(dist, 'electron'), '')
    expect(electronBinary(root)).toBe(join(dist, 'electron'))
  })
})
