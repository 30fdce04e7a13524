import { describe, expect, it } from 'vitest'
import { isSpace } from '@shared/search/white-space'

describe('isSpace', () => {
  it('accepts exactly the UTF-16 units /\\s/ accepts', () => {
    const differing: number[] = []
    for (let code = 0; code <= 0xffff; code++)
      if (isSpace(code) !== /\s/.test(String.fromCharCode(code))) differing.push(code)
    expect(differing).toEqual([])
  })
})
