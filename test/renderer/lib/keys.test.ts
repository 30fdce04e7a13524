import { describe, expect, it } from 'vitest'
import {
  isFindShortcut,
  isSearchShortcut,
  isTypingTarget
} from '../../../src/renderer/src/lib/keys'

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

describe('isSearchShortcut', () => {
  it('accepts Ctrl+K and Cmd+K but not a plain k', () => {
    expect(isSearchShortcut(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }))).toBe(true)
    expect(isSearchShortcut(new KeyboardEvent('keydown', { key: 'K', metaKey: true }))).toBe(true)
    expect(isSearchShortcut(new KeyboardEvent('keydown', { key: 'k' }))).toBe(false)
  })
})

describe('isFindShortcut', () => {
  it.each([
    ['Ctrl+F', { key: 'f', ctrlKey: true }, true],
    ['Cmd+F', { key: 'f', metaKey: true }, true],
    ['Ctrl+F with Caps Lock', { key: 'F', ctrlKey: true }, true],
    ['a plain f', { key: 'f' }, false],
    ['Ctrl+Alt+F', { key: 'f', ctrlKey: true, altKey: true }, false]
  ])('reads %s as find: %s', (_name, init, expected) => {
    expect(isFindShortcut(new KeyboardEvent('keydown', init))).toBe(expected)
  })
})
