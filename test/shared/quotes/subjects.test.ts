import { describe, expect, it } from 'vitest'
import { castOf } from './cast-of'

/** Each mention as its name and the flags that say how it is used. */
function flagsOf(text: string): [string, { subject: boolean; modifier: boolean }][] {
  return castOf(text).mentions.map((m) => [
    m.entity.name,
    { subject: m.subject, modifier: m.modifier }
  ])
}

describe('subjects and modifiers', () => {
  it('takes the first name after an opening phrase for the subject', () => {
    expect(flagsOf('In Millbrook, Dana Whitlock watched Ann Lee.')).toEqual([
      ['Millbrook', { subject: false, modifier: false }],
      ['Dana Whitlock', { subject: true, modifier: false }],
      ['Ann Lee', { subject: false, modifier: false }]
    ])
  })

  it('takes a name in the opening clause for the subject when it is the only one', () => {
    expect(flagsOf('In Millbrook, the river rose.')).toEqual([
      ['Millbrook', { subject: true, modifier: false }]
    ])
  })

  it('takes the person after a body and a role for the subject, and the body for a modifier', () => {
    expect(flagsOf('Washington Post columnist Michael Gerson wrote it.')).toEqual([
      ['Washington Post', { subject: false, modifier: true }],
      ['Michael Gerson', { subject: true, modifier: false }]
    ])
  })

  it('does not read a verb after a person as a role', () => {
    expect(flagsOf('Ted Cruz beat John Kasich.')).toEqual([
      ['Ted Cruz', { subject: true, modifier: false }],
      ['John Kasich', { subject: false, modifier: false }]
    ])
  })
})
