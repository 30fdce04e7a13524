/**
 * `npm run eval:quotes`: scores quotation extraction on the hand-labelled fixtures and, when
 * ../shared/corpora/quotes/ is present, on PolNeAR `dev` (`-- --split=train` for train; add
 * `--log=FILE` to write every miss to a file outside the repository, for study).
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { extractQuotes } from '@shared/quotes'
import { loadFixtures, rates, scoreFixture, total } from '../../test/shared/quotes/scoring'
import { loadSplit, polnearRates, scoreSplit, type Split } from '../../test/shared/quotes/polnear'

const root = resolve(__dirname, '../..')
const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)

const f3 = (n: number): string => n.toFixed(3)

const fixtures = loadFixtures(root)
const fixtureScore = total(fixtures.map((f) => scoreFixture(f, extractQuotes(f.text))))
const fr = rates(fixtureScore)
console.log(`Fixtures (${fixtures.length} articles, ${fixtureScore.labelled} quotations)`)
console.log(
  `  span P ${f3(fr.precision)}  R ${f3(fr.recall)}  F1 ${f3(fr.f1)}  kind acc. ${f3(fr.kindAccuracy)}  speaker acc. ${f3(fr.speakerAccuracy)}`
)
for (const miss of fixtureScore.misses.slice(0, 20)) console.log(`  ${miss}`)

const split = (arg('split') ?? 'dev') as Split
const articles = loadSplit(split, root)
if (!articles) {
  console.log('PolNeAR: ../shared/corpora/quotes/ is absent, skipped')
} else {
  const lines: string[] = []
  const started = performance.now()
  const score = scoreSplit(articles, extractQuotes, arg('log') ? (l) => lines.push(l) : undefined)
  const ms = performance.now() - started
  const r = polnearRates(score)
  console.log(
    `\nPolNeAR ${split} (${articles.length} articles, ${score.gold} direct quotations; ${ms.toFixed(0)} ms)`
  )
  console.log(
    `  span P ${f3(r.precision)}  R ${f3(r.recall)}  F1 ${f3(r.f1)}  (found ${score.found}, matched ${score.matched})`
  )
  console.log(`  kind accuracy (direct among gold spans found) ${f3(r.kindAccuracy)}`)
  console.log(
    `  speaker accuracy over ${score.attributedScored} scored quotations given a speaker: strict ${f3(r.speakerStrict)}  last name ${f3(r.speakerLastName)}`
  )
  console.log(
    `  coverage ${f3(r.coverage)}  (right by last name over all ${score.speakerScored} scored, no speaker counting as wrong: ${f3(r.speakerLastNameOverall)})`
  )
  console.log('  commonest misses:')
  for (const [kind, n] of [...score.misses].sort((a, b) => b[1] - a[1]).slice(0, 10))
    console.log(`    ${String(n).padStart(5)}  ${kind}`)
  const log = arg('log')
  if (log) writeFileSync(log, lines.join('\n'))
}
