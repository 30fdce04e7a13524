import { describe, expect, it } from 'vitest'
import { generateCorpus, seededRandom, vocabulary } from '../../../scripts/bench/corpus'

describe('the bench corpus', () => {
  it('is the same for the same seed, and different for another', () => {
    expect(generateCorpus(3, 7)).toEqual(generateCorpus(3, 7))
    expect(generateCorpus(3, 7)).not.toEqual(generateCorpus(3, 8))
  })

  it('draws the same numbers from the same seed', () => {
    const a = seededRandom(1)
    const b = seededRandom(1)
    const draws = Array.from({ length: 5 }, () => [a(), b()])
    for (const [x, y] of draws) expect(x).toBe(y)
    for (const [x] of draws) expect(x).toBeGreaterThanOrEqual(0)
  })

  it('writes articles of roughly 800 words with a title, a source and news names', () => {
    const articles = generateCorpus(20)
    expect(articles.map((a) => a.file)).toContain('article-00019.md')
    for (const { markdown } of articles) {
      expect(markdown).toMatch(/^---\ntitle: '.+'\nsource: .+\n/)
      const body = markdown.slice(markdown.indexOf('---', 3) + 3)
      const words = body.split(/\s+/).filter(Boolean).length
      expect(words).toBeGreaterThan(550)
      expect(words).toBeLessThan(1100)
    }
    expect(articles.map((a) => a.markdown).join(' ')).toMatch(/\bTrump\b|\btrump\b/)
  })

  it('has a unique vocabulary with the news names near the top', () => {
    const words = vocabulary()
    expect(new Set(words).size).toBe(words.length)
    expect(words.indexOf('pyongyang')).toBeLessThan(100)
  })
})
