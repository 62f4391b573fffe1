// What changed between a client's previous check-in and their latest: each score that both
// measured and each life area, said in words (up, down or the same, and the band before and
// now), so the results page never leans on colour or arrows alone.
import { LOWER_IS_BETTER } from '#app/domain/caseload/list.server.ts'

export type Direction = 'up' | 'down' | 'same'

type ScoreLike = {
  instrumentId: string
  title: string
  total: number
  max: number | null
  band: { label: string } | null
}
type AreaLike = { area: string; name: string; score: number; band: { label: string } }

export type ScoreChange = {
  instrumentId: string
  title: string
  total: number
  previous: number
  direction: Direction
  /** In words: "7 out of 27: down 6 from 13 (a good sign). Now Mild, was Moderate." or "… Still Mild." */
  words: string
}

export type AreaChange = {
  area: string
  name: string
  score: number
  previous: number
  direction: Direction
  /** "Some need, was High need (score 45, down 35 from 80)." */
  words: string
}

export type CheckInChanges = { scores: ScoreChange[]; areas: AreaChange[] }

const directionOf = (now: number, before: number): Direction => (now > before ? 'up' : now < before ? 'down' : 'same')

function moved(direction: Direction, now: number, before: number): string {
  if (direction === 'same') return `the same as last time (${now})`
  return `${direction} ${Math.abs(now - before)} from ${before}`
}

/** Every score measured both times (in the latest check-in's order), and every area scored both times. */
export function compareCheckIns(
  previous: { scores: ScoreLike[]; areas: AreaLike[] },
  latest: { scores: ScoreLike[]; areas: AreaLike[] },
): CheckInChanges {
  const scores = latest.scores.flatMap((score): ScoreChange[] => {
    const before = previous.scores.find((s) => s.instrumentId === score.instrumentId)
    if (!before) return []
    const direction = directionOf(score.total, before.total)
    // Only for measures where a lower score is known to be better do we say what a move means.
    const meaning =
      direction === 'same' || !LOWER_IS_BETTER.has(score.instrumentId)
        ? ''
        : direction === 'down'
          ? ' (a good sign)'
          : ' (things may be harder)'
    // The band is always said, so a fall is never read as "fine now" while the band is still high.
    const band = !score.band
      ? ''
      : before.band && score.band.label !== before.band.label
        ? ` Now ${score.band.label}, was ${before.band.label}.`
        : ` Still ${score.band.label}.`
    const outOf = score.max !== null ? ` out of ${score.max}` : ''
    return [
      {
        instrumentId: score.instrumentId,
        title: score.title,
        total: score.total,
        previous: before.total,
        direction,
        words: `${score.total}${outOf}: ${moved(direction, score.total, before.total)}${meaning}.${band}`,
      },
    ]
  })
  const areas = latest.areas.flatMap((area): AreaChange[] => {
    const before = previous.areas.find((a) => a.area === area.area)
    if (!before) return []
    const direction = directionOf(area.score, before.score)
    const level =
      area.band.label === before.band.label
        ? `${area.band.label}, as before`
        : `${area.band.label}, was ${before.band.label}`
    return [
      {
        area: area.area,
        name: area.name,
        score: area.score,
        previous: before.score,
        direction,
        words: `${level} (score ${area.score}, ${direction === 'same' ? 'the same' : moved(direction, area.score, before.score)}).`,
      },
    ]
  })
  return { scores, areas }
}
