/**
 * Deterministic news-like corpora for the bench: the same seed gives the same articles on every
 * machine, so figures from different runs measure the code, not the data. Nothing is written to
 * the repository; the bench writes the articles to a temporary folder when it needs files.
 *
 * Words follow a Zipf distribution (rank r drawn with probability ∝ 1/r), as words in real text
 * do: a few words are in nearly every article, most are rare. The vocabulary mixes invented
 * words with real English and the names news text is full of, so stemming, folding, prefixes
 * and typos meet realistic input.
 */

/** Real words and names, most frequent first: they take the top Zipf ranks after the stop words. */
const STOP_WORDS = ['the', 'of', 'and', 'to', 'a', 'in', 'that', 'is', 'was', 'for', 'on', 'with']
const NEWS_WORDS = [
  'said',
  'president',
  'talks',
  'government',
  'officials',
  'korea',
  'north',
  'trump',
  'nuclear',
  'sanctions',
  'talking',
  'minister',
  'military',
  'deal',
  'relief',
  'leader',
  'statement',
  'weapons',
  'summit',
  'diplomacy',
  'south',
  'meeting',
  'policy',
  'pyongyang',
  'washington',
  'election',
  'economy',
  'strike',
  'harbour',
  'agreement',
  'negotiations',
  'missile',
  'kim',
  'jong',
  'un',
  'biden',
  'esper',
  'denuclearization',
  'congress',
  'security',
  'defence',
  'ministry',
  'foreign',
  'tariffs',
  'markets',
  'reporters',
  'troops',
  'alliance',
  'seoul',
  'beijing',
  'tokyo',
  'moscow',
  'embassy',
  'spokesman',
  'intelligence',
  'satellite',
  'launch',
  'exercise',
  'pressure',
  'regime',
  'dialogue',
  'envoy',
  'treaty',
  'inspection',
  'verification',
  'uranium',
  'plutonium',
  'reactor',
  'border',
  'refugees',
  'famine',
  'harvest',
  'tomatoes',
  'cafe',
  'analyst',
  'professor',
  'university',
  'institute',
  'television',
  'newspaper'
]
const SOURCES = ['NDTV', 'Reuters', 'The Atlantic', 'AP', 'Yonhap', 'BBC', 'Guardian']
const SYLLABLES = ['ka', 'ro', 'mi', 'te', 'lan', 'vor', 'sel', 'du', 'pra', 'qu', 'is', 'nen']
/** Invented words after the real ones: enough that the long tail is long, as in real text. */
const INVENTED_WORDS = 60_000
/** Words per article: the "~800-word articles", varied ±25% around it. */
const WORDS_PER_ARTICLE = 800

/** mulberry32: a tiny seeded PRNG, good enough for test data and identical everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function invent(rank: number): string {
  let word = ''
  let n = rank
  do {
    word += SYLLABLES[n % SYLLABLES.length]
    n = Math.floor(n / SYLLABLES.length)
  } while (n > 0)
  return word
}

/**
 * A word about `rank` places down the Zipf ranking: rank 10,000 is in roughly one article in
 * fifty at 10,000 articles, a rare term.
 */
export function wordAtRank(rank: number): string {
  return vocabulary()[rank]!
}

/** The vocabulary in Zipf rank order. */
export function vocabulary(): string[] {
  const words = [...STOP_WORDS, ...NEWS_WORDS]
  for (let i = 0; i < INVENTED_WORDS; i++) words.push(invent(i + SYLLABLES.length))
  return words
}

/** Draws ranks with probability ∝ 1 / (rank + 1), by binary search of the cumulative weights. */
function zipf(size: number, random: () => number): () => number {
  const cumulative = new Float64Array(size)
  let sum = 0
  for (let r = 0; r < size; r++) cumulative[r] = sum += 1 / (r + 1)
  return () => {
    const target = random() * sum
    let low = 0
    let high = size - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (cumulative[middle]! < target) low = middle + 1
      else high = middle
    }
    return low
  }
}

export interface CorpusArticle {
  /** File name, `article-00042.md`. */
  file: string
  /** The article as Markdown with YAML front matter, like the bundled ones. */
  markdown: string
}

/** `count` articles, the same for the same `count` and `seed`. */
export function generateCorpus(count: number, seed = 42): CorpusArticle[] {
  const random = seededRandom(seed)
  const words = vocabulary()
  const rank = zipf(words.length, random)
  const word = (): string => words[rank()]!
  const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
  const articles: CorpusArticle[] = []
  for (let i = 0; i < count; i++) {
    const title = Array.from({ length: 4 + Math.floor(random() * 6) }, word)
      .map(capital)
      .join(' ')
    const target = Math.round(WORDS_PER_ARTICLE * (0.75 + random() * 0.5))
    const paragraphs: string[] = []
    let written = 0
    while (written < target) {
      const sentences: string[] = []
      for (let s = 0; s < 3 + Math.floor(random() * 3); s++) {
        const length = 8 + Math.floor(random() * 18)
        sentences.push(`${capital(Array.from({ length }, word).join(' '))}.`)
        written += length
      }
      paragraphs.push(sentences.join(' '))
    }
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 3650) * 86_400_000)
    const front = [
      '---',
      `title: '${title}'`,
      `source: ${SOURCES[Math.floor(random() * SOURCES.length)]}`,
      // One in ten undated, as some bundled articles are.
      ...(random() < 0.9 ? [`date: ${day.toISOString().slice(0, 10)}`] : []),
      '---'
    ]
    articles.push({
      file: `article-${String(i).padStart(5, '0')}.md`,
      markdown: `${front.join('\n')}\n\n${paragraphs.join('\n\n')}\n`
    })
  }
  return articles
}
