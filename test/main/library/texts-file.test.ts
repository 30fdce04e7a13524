import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TextsFile, writeTextsFile } from '../../../src/main/library/texts-file'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const TEXTS = ['The harbour strike ended.', '', 'Café “quotes” — and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓', 'Last one.']

async function written(texts = TEXTS) {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-texts-'))
  dirs.push(dir)
  const path = join(dir, 'texts.bin')
  const layout = await writeTextsFile(path, texts)
  return { path, layout }
}

describe('the texts file', () => {
  it('gives back each text as written, any of them in any order, and again', async () => {
    const { path, layout } = await written()
    const fallback = vi.fn(() => 'fallback')
    const file = TextsFile.open(path, layout, fallback)
    expect(file.count).toBe(TEXTS.length)
    for (const i of [2, 0, 3, 1, 2, 0]) expect(file.text(i)).toBe(TEXTS[i])
    expect(fallback).not.toHaveBeenCalled()
    expect(readFileSync(path).length).toBe(layout.starts[TEXTS.length])
  })

  it('still reads correctly once it has let go of texts read long ago', async () => {
    // Each text a quarter of what is kept decoded: reading all of them drops the first ones.
    const texts = Array.from({ length: 12 }, (_, i) => String(i % 10).repeat(1024 * 1024))
    const { path, layout } = await written(texts)
    const file = TextsFile.open(path, layout, () => 'fallback')
    for (let round = 0; round < 2; round++)
      for (const [i, text] of texts.entries()) expect(file.text(i)).toBe(text)
  })

  it('answers a damaged text with the fallback, saying why, and the others as written', async () => {
    const { path, layout } = await written()
    const bytes = readFileSync(path)
    bytes[layout.starts[2]! + 1]! ^= 0x20
    writeFileSync(path, bytes)
    const fallback = vi.fn((i: number) => `parsed ${i}`)
    const file = TextsFile.open(path, layout, fallback)
    expect(file.text(2)).toBe('parsed 2')
    expect(fallback).toHaveBeenCalledWith(2, 'the text does not match its check')
    expect(file.text(0)).toBe(TEXTS[0])
    expect(file.text(3)).toBe(TEXTS[3])
  })

  it('is refused when it is not the size its layout says (another build, cut short)', async () => {
    const { path, layout } = await written()
    writeFileSync(path, readFileSync(path).subarray(0, 10))
    expect(() => TextsFile.open(path, layout, () => '')).toThrow(/is 10 bytes long, not \d+/)
    expect(() => TextsFile.open(join(path, 'none'), layout, () => '')).toThrow()
  })
})
