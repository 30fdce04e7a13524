import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleWriter, describeFigures, runTrials, type Figures } from './crash-harness'

/**
 * Notes through crashes and damage. A child process writes notes through the real store and
 * is killed with SIGKILL at random moments: after every kill the notes must load as they are
 * (no recovery, nothing set aside) with every acknowledged note. Then the same, with the live
 * file of a copy of the folder damaged after a kill (cut short, a zeroed block, garbage at a
 * random point): the store must recover
 * every acknowledged note (at most the last change may go) and say so.
 *
 * `npm test` runs a few of each; `npm run soak` runs thousands (scripts/soak.mjs sets the
 * counts below through the environment) and docs/notes.md records its figures.
 */
const KILLS = Number(process.env.DOSSIER_SOAK_KILLS ?? 20)
const CORRUPTIONS = Number(process.env.DOSSIER_SOAK_CORRUPTIONS ?? 50)
const PARALLEL = Number(process.env.DOSSIER_SOAK_PARALLEL ?? 1)
const SEED = Number(process.env.DOSSIER_SOAK_SEED ?? 20261203)
/** From just after start-up to well into a run: during the first writes and on a full file. */
const MAX_DELAY_MS = Number(process.env.DOSSIER_SOAK_MAX_DELAY_MS ?? 300)
/** Generous: the soak's thousands of runs take minutes on a shared machine. */
const timeout = (trials: number) => 60_000 + trials * 5_000
let bundleDir: string

beforeAll(async () => {
  bundleDir = await bundleWriter()
}, 60_000)

afterAll(async () => {
  await rm(bundleDir, { recursive: true, force: true })
})

const progress = (done: number) => {
  if (KILLS >= 200 && done % 50 === 0) console.log(`[crash test] ${done}/${KILLS} kills`)
}

describe('notes survive SIGKILL and a damaged file', () => {
  let figures: Figures
  beforeAll(
    async () => {
      figures = await runTrials({
        bundleDir,
        kills: KILLS,
        corruptions: CORRUPTIONS,
        seed: SEED,
        maxDelayMs: MAX_DELAY_MS,
        parallel: PARALLEL,
        onProgress: progress
      })
      console.log(describeFigures(figures))
    },
    timeout(KILLS + CORRUPTIONS)
  )

  it(`keep every acknowledged note through ${KILLS} kills at random moments`, () => {
    const { kills } = figures
    expect(kills.lost).toBe(0)
    // The file always reads as it is: no recovery, no notice, nothing set aside.
    expect(kills.recoveries).toBe(0)
    expect(kills.wrongNotices).toBe(0)
    expect(kills.killedMidway).toBeGreaterThan(KILLS / 2)
    expect(kills.acknowledged).toBeGreaterThan(KILLS * 10)
  })

  it(`recover every acknowledged note but at most the last from ${CORRUPTIONS} damaged files`, () => {
    const { corruptions } = figures
    expect(corruptions.worstTrial).toBeLessThanOrEqual(1)
    // Every damaged file is recovered from and the user told (a kill before the first write
    // leaves no file to damage).
    expect(corruptions.trials).toBeGreaterThan(CORRUPTIONS * 0.8)
    expect(corruptions.recoveries).toBe(corruptions.trials)
    expect(corruptions.wrongNotices).toBe(0)
    expect(Object.keys(corruptions.byKind)).toHaveLength(3)
  })
})
