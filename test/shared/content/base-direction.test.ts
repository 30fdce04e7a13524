import { describe, expect, it } from 'vitest'
import { baseDirection } from '@shared/content/base-direction'

describe('baseDirection', () => {
  it.each([
    ['English prose', 'The port talks stalled.', 'ltr'],
    ['Arabic prose', 'محادثات الميناء تتوقف مرة أخرى', 'rtl'],
    ['Hebrew prose', 'שלום עולם', 'rtl'],
    ['Arabic after digits and punctuation', '2024 — «محادثات» resumed', 'rtl'],
    ['English before an Arabic quotation', 'He said «نعم» twice.', 'ltr'],
    ['Japanese', '東アジアの港湾会議', 'ltr'],
    ['Korean', '동아시아 항만 회의', 'ltr'],
    ['Arabic-Indic digits are not letters', '١٢٣ then English', 'ltr'],
    ['emoji and combining marks before a letter', '🎉\u0301 Party', 'ltr'],
    ['accented Latin', 'Élan', 'ltr']
  ])('%s', (_name, text, expected) => {
    expect(baseDirection(text)).toBe(expected)
  })

  it.each([
    ['digits only', '1234'],
    ['punctuation and emoji', '— 🎉 …'],
    ['empty', '']
  ])('has no direction for %s, so the element inherits one', (_name, text) => {
    expect(baseDirection(text)).toBeUndefined()
  })

  it('reads only its own block of a longer text', () => {
    const text = 'English first. محادثات الميناء. 123'
    const arabic = text.indexOf('محادثات')
    expect(baseDirection(text, arabic, arabic + 20)).toBe('rtl')
    expect(baseDirection(text, 0, arabic)).toBe('ltr')
    expect(baseDirection(text, text.indexOf('123'))).toBeUndefined()
  })

  it('does not look past the end of the block for its first letter', () => {
    expect(baseDirection('12 34 Arabic', 0, 5)).toBeUndefined()
  })

  it('finds the first letter of a million-character block', () => {
    const huge = 'word '.repeat(200_000) + 'نعم'
    expect(baseDirection(huge)).toBe('ltr')
    expect(baseDirection('1 '.repeat(500_000) + 'نعم')).toBe('rtl')
  })
})
