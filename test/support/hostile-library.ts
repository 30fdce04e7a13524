/**
 * The hostile library: the hand-made articles of test/fixtures/library-hostile plus two
 * generated at test time because they are too big to commit (a 1 MB paragraph and a
 * 100,000-word article). Shared by the unit tests and the end-to-end spec.
 *
 * The fixtures point their remote images and links at `http://beacon.invalid` (`.invalid` never
 * resolves); a copy made for a test can point them at a loopback server instead, so a test can
 * prove nothing was fetched by counting what that server received.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { seededRandom } from '../../scripts/bench/corpus'

/** The folder of hand-made hostile articles. */
export const HOSTILE_ARTICLES_DIR = resolve(
  __dirname,
  '..',
  'fixtures',
  'library-hostile',
  'articles'
)

/** What the fixtures write where a remote host goes. */
export const BEACON_PLACEHOLDER = 'http://beacon.invalid'

/** A word that occurs once in the 1 MB paragraph, about half-way through. */
export const HUGE_PARAGRAPH_MARKER = 'zephyrquill'
/** A sentence that occurs once in the 1 MB paragraph, near its end (for highlights). */
export const HUGE_PARAGRAPH_PASSAGE = 'the lantern keeper wrote one last careful line'
/** A word that occurs once in the 100,000-word article, near its end. */
export const LONG_ARTICLE_MARKER = 'quokkaphone'

export const HUGE_PARAGRAPH_TITLE = 'One Paragraph of a Million Characters'
export const LONG_ARTICLE_TITLE = 'A Hundred Thousand Words'

/** File names of the generated articles (ids are the names without `.md`). */
export const HUGE_PARAGRAPH_FILE = 'huge-paragraph.md'
export const LONG_ARTICLE_FILE = 'hundred-thousand-words.md'

const ENGLISH = (
  'the harbour council said talks would resume after a week of quiet negotiation over ' +
  'wages ports ships cargo weather ministers reporters evening morning river bridge market ' +
  'summit letter archive garden railway station promise budget winter'
).split(' ')

// Stray and paired marks of every family, scripts the tokenizer treats differently, emoji with
// joiners and flags, combining marks, zero-width characters and a bidi override: everything
// the hand-made fixtures hold, repeated until the paragraph is a megabyte long.
const HOSTILE_PIECES = [
  'He said "no\' and',
  '\u201Cyes\u201D',
  '\u2018maybe',
  '"x.',
  '\u00ABنعم\u00BB',
  'الدبلوماسية',
  '北朝鮮「対話」',
  '外交部发言人',
  '서울에서',
  '👩‍👩‍👧‍👦',
  '🇯🇵🇰🇷',
  'cafe\u0301',
  'Z\u0351\u0358a\u0362\u035Bl\u0334g\u0315o',
  'inter\u00ADnational',
  'zero\u200Bwidth',
  '\u202Ereversed\u202C',
  '<script>window.__pwned = "huge"</script>'
]

/**
 * A paragraph of about `length` characters (a mebibyte by default; the inline tags among its
 * pieces are dropped by parsing) with no line break in it: words and hostile pieces mixed at random, `HUGE_PARAGRAPH_MARKER` once in the middle and
 * `HUGE_PARAGRAPH_PASSAGE` once near the end.
 */
export function hugeParagraph(length = 1_048_576): string {
  const next = seededRandom(1)
  const parts: string[] = []
  let size = 0
  let markerPlaced = false
  while (size < length - 200) {
    if (!markerPlaced && size >= length / 2) {
      parts.push(HUGE_PARAGRAPH_MARKER)
      size += HUGE_PARAGRAPH_MARKER.length + 1
      markerPlaced = true
      continue
    }
    const roll = next()
    const piece =
      roll < 0.8
        ? ENGLISH[Math.floor(next() * ENGLISH.length)]!
        : HOSTILE_PIECES[Math.floor(next() * HOSTILE_PIECES.length)]!
    parts.push(piece)
    size += piece.length + 1
  }
  parts.push(`and then ${HUGE_PARAGRAPH_PASSAGE} before the end.`)
  return parts.join(' ')
}

/** The 1 MB paragraph as an article file. */
export function hugeParagraphArticle(length = 1_048_576): string {
  return `---\ntitle: ${HUGE_PARAGRAPH_TITLE}\nsource: The Generator\n---\n\n${hugeParagraph(length)}\n`
}

/**
 * An article of `words` body words in paragraphs of a hundred, a quotation every tenth
 * paragraph, and `LONG_ARTICLE_MARKER` once, nine-tenths of the way through.
 */
export function longArticle(words = 100_000): string {
  const next = seededRandom(2)
  const perParagraph = 100
  const paragraphs: string[] = []
  const markerParagraph = Math.floor((words / perParagraph) * 0.9)
  for (let p = 0; p * perParagraph < words; p++) {
    const count = Math.min(perParagraph, words - p * perParagraph)
    const chosen = Array.from(
      { length: count },
      () => ENGLISH[Math.floor(next() * ENGLISH.length)]!
    )
    if (p === markerParagraph) chosen[count >> 1] = LONG_ARTICLE_MARKER
    let paragraph = `${chosen.join(' ')}.`
    if (p % 10 === 0) paragraph += ' \u201CWe will see,\u201D said Ada Lovelace.'
    paragraphs.push(paragraph[0]!.toUpperCase() + paragraph.slice(1))
  }
  return `---\ntitle: ${LONG_ARTICLE_TITLE}\nsource: The Generator\ndate: 2020-01-01\n---\n\n${paragraphs.join('\n\n')}\n`
}

/** A hostile library copied to a temporary folder, laid out as the app's resources folder. */
export interface HostileLibrary {
  /** The resources folder (holding `articles/`): what `DOSSIER_RESOURCES_DIR` names. */
  dir: string
  articlesDir: string
  /** Removes the folder. */
  remove(): void
}

export interface HostileLibraryOptions {
  /** Origin the fixtures' remote URLs are pointed at (`http://127.0.0.1:PORT`); default: left alone. */
  beaconOrigin?: string
  /** Add the generated 1 MB paragraph and 100,000-word article (default: true). */
  generated?: boolean
}

/** Copies the hostile fixtures (and, by default, the generated articles) to a temporary folder. */
export function makeHostileLibrary(options: HostileLibraryOptions = {}): HostileLibrary {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-hostile-'))
  const articlesDir = join(dir, 'articles')
  mkdirSync(articlesDir)
  for (const name of readdirSync(HOSTILE_ARTICLES_DIR)) {
    const from = join(HOSTILE_ARTICLES_DIR, name)
    const to = join(articlesDir, name)
    if (options.beaconOrigin === undefined) {
      copyFileSync(from, to)
      continue
    }
    // Bytes, not text, for everything but the host: the BOM and odd characters stay as made.
    const bytes = readFileSync(from)
    const placeholder = Buffer.from(BEACON_PLACEHOLDER)
    const parts: Buffer[] = []
    let at = 0
    for (
      let found = bytes.indexOf(placeholder);
      found >= 0;
      found = bytes.indexOf(placeholder, at)
    ) {
      parts.push(bytes.subarray(at, found), Buffer.from(options.beaconOrigin))
      at = found + placeholder.length
    }
    parts.push(bytes.subarray(at))
    writeFileSync(to, Buffer.concat(parts))
  }
  if (options.generated !== false) {
    writeFileSync(join(articlesDir, HUGE_PARAGRAPH_FILE), hugeParagraphArticle())
    writeFileSync(join(articlesDir, LONG_ARTICLE_FILE), longArticle())
  }
  return { dir, articlesDir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
