import { describe, expect, it } from 'vitest'
import { maskAffiliations } from '@shared/quotes/affiliations'

describe('maskAffiliations', () => {
  it('blanks a party-and-state tag and keeps every offset', () => {
    const text = 'Rep. Dora Penn (D-N.Y.) said, and Tom Hale, R-Ky., agreed.'
    const masked = maskAffiliations(text)
    expect(masked).toHaveLength(text.length)
    expect(masked.replace(/ +/g, ' ')).toBe('Rep. Dora Penn said, and Tom Hale agreed.')
  })

  it('keeps the full stop of a tag that ends its sentence', () => {
    expect(maskAffiliations('said Tom Hale, R-Ky. Then').replace(/ +/g, ' ')).toBe(
      'said Tom Hale . Then'
    )
  })

  it('leaves other brackets and hyphenated words alone', () => {
    const text = 'The group (DC-based) met Jean-Marc Ayrault, Paris-born, in (Room 4).'
    expect(maskAffiliations(text)).toBe(text)
  })
})
