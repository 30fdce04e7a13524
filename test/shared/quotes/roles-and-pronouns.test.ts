/**
 * Issue 15 on real news: speakers written as a role noun ("the governor"), a pronoun, or a
 * name behind a place and a title. Every case is written here by hand (no corpus text).
 */
import { describe, expect, it } from 'vitest'
import { quotesOf } from './quotes-of'

describe('roles, titles and pronouns as speakers', () => {
  it('takes the place before a title for part of the title, not of the name', () => {
    const text =
      'Harbor State Gov. Tom Reyes signed the bill on Monday. "It is a good day," Reyes said.'
    expect(quotesOf(text)).toEqual([['"It is a good day,"', 'direct', 'Tom Reyes']])
  })

  it('reads "the governor" and "the senator" as the person whose abbreviated title it is', () => {
    const text = [
      'Harbor State Gov. Tom Reyes met Sen. Ana Ortiz about the harbour bill on Monday.',
      '"We will find the money," the governor said.',
      '"I have heard that before," the senator said.'
    ].join('\n\n')
    expect(quotesOf(text).map((q) => q[2])).toEqual(['Tom Reyes', 'Ana Ortiz'])
  })

  it('reads the pronoun before "is" or "was" and a participle as the subject', () => {
    const text = [
      'Mayor Ruth Callan spoke to the council on Friday.',
      'She is calling the fare rise "a tax on the people who can least afford it."'
    ].join('\n\n')
    expect(quotesOf(text).map((q) => q[2])).toEqual(['Ruth Callan'])
  })

  it('gives a sentence led by a pronoun that pronoun’s person, not the first name after it', () => {
    const text = [
      'Ruth Callan chairs the harbour trust.',
      'She was defending the trust against councillor Tom Hale, but conceded "one or two mistakes" in its accounts.'
    ].join('\n\n')
    expect(quotesOf(text).map((q) => q[2])).toEqual(['Ruth Callan'])
  })

  it('takes the person after a name and a title for the subject, not the name', () => {
    const text = [
      'Mark Ellis toured the valley towns on Monday.',
      'Ellis adviser Tom Hale stayed behind in the field office.',
      '"We are ahead in every ward," he said.'
    ].join('\n\n')
    expect(quotesOf(text).map((q) => q[2])).toEqual(['Tom Hale'])
  })

  it('gives a participle after an object the sentence’s subject, not the object', () => {
    const text = [
      'Mayor Ruth Callan visited the flooded streets on Friday.',
      'Later she released a statement saying, "We will rebuild every home."'
    ].join('\n\n')
    expect(quotesOf(text).map((q) => q[2])).toEqual(['Ruth Callan'])
  })

  it('gives a document the body named among its modifiers', () => {
    const text =
      'Bridge closed\n\n"The bridge is unsafe for lorries," a Transport Ministry readout said.'
    expect(quotesOf(text).map((q) => q[2])).toEqual(['Transport Ministry'])
  })

  it('reads a pronoun after an opening clause with no name as the subject', () => {
    const text = [
      'Tom Hale toured the county on Friday.',
      'Asked which town he liked best, he smiled: "Whichever one I am in."'
    ].join('\n\n')
    expect(quotesOf(text).map((q) => q[2])).toEqual(['Tom Hale'])
  })

  it('takes a given name written alone for a person of that gender', () => {
    const text = [
      'Harbour fees rise',
      'Tom Hale and Larry spoke at the meeting on the quay. Larry had fished there for forty years.',
      '"We cannot pay this," he said.'
    ].join('\n\n')
    expect(quotesOf(text).map((q) => q[2])).toEqual(['Larry'])
  })
})
