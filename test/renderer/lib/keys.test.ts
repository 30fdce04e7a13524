import { describe, expect, it } from 'vitest'
import { isTypingTarget } from '../../../src/renderer/src/lib/keys'

const input = (type: string) => Object.assign(document.createElement('input'), { type })

describe('isTypingTarget', () => {
  it.each([
    ['a text field', input('search'), true],
    ['a text area', document.createElement('textarea'), true],
    ['a slider', input('range'), false],
    ['a plain element', document.createElement('div'), false],
    ['nothing', null, false]
  ])('treats %s as typing: %s', (_name, target, typing) => {
    expect(isTypingTarget(target)).toBe(typing)
  })
})
