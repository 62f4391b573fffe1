// Foothold's own life-area check: a 0–100 need score per area, areas ranked by need, and
// modules recommended for the neediest areas with a one-line reason.
import type { LifeAreaBand, LifeAreaId } from '../schema/life-areas.schema.ts'
import { LIFE_AREA_IDS } from '../schema/life-areas.schema.ts'
import type { Answers, Programme } from './programme.ts'
import { bandFor, itemRange, validateAnswer } from './scoring.ts'

export type LifeAreaScore = {
  area: LifeAreaId
  name: string
  /** round(100 × sum of answers ÷ highest possible sum of the answered items). */
  score: number
  band: LifeAreaBand
  /** The area's `needs` sentence with its score, e.g. "Because you said … (score 72 out of 100)". */
  reason: string
}

export type ModuleRef = { id: string; title: string; areas: readonly LifeAreaId[] }
export type Recommendation = { moduleId: string; title: string; area: LifeAreaId; reason: string }

/** Scores each area that has at least one answer, in the areas' declared order. */
export function scoreLifeAreas(programme: Programme, answers: Answers): LifeAreaScore[] {
  const { lifeAreas } = programme
  const instrument = programme.instruments[lifeAreas.instrument]
  if (!instrument) throw new Error(`The programme has no ${lifeAreas.instrument} instrument`)
  const scores: LifeAreaScore[] = []
  for (const area of lifeAreas.areas) {
    let sum = 0
    let maxSum = 0
    for (const item of instrument.items.filter((candidate) => candidate.area === area.id)) {
      const value = answers[item.id]
      if (value === undefined) continue
      if (!validateAnswer(instrument, item.id, value)) throw new RangeError(`${value} is not an answer to ${item.id}`)
      const range = itemRange(item)
      sum += value - range.min
      maxSum += range.max - range.min
    }
    if (maxSum === 0) continue
    const score = Math.round((100 * sum) / maxSum)
    const band = bandFor(lifeAreas.bands, score)
    if (!band) throw new Error(`No life-area band covers ${score}`)
    scores.push({
      area: area.id,
      name: area.name,
      score,
      band,
      reason: area.needs.replaceAll('{score}', String(score)),
    })
  }
  return scores
}

/** Highest need first; equal scores keep the areas' declared order. */
export function rankLifeAreas<T extends { area: LifeAreaId; score: number }>(areaScores: readonly T[]): T[] {
  const order = (area: LifeAreaId) => LIFE_AREA_IDS.indexOf(area)
  return [...areaScores].sort((a, b) => b.score - a.score || order(a.area) - order(b.area))
}

/**
 * Modules for the areas with some or high need (bands marked `recommend`), neediest area
 * first, modules in their given order within an area. A module tagged with several areas is
 * listed once, under its neediest area. Areas the client chose for their plan (`planAreas`)
 * come first, whatever their need, with "You chose to work on …" as the reason: their choice
 * leads what is suggested.
 */
export function recommendModules(
  rankedAreas: readonly LifeAreaScore[],
  modules: readonly ModuleRef[],
  limit = 6,
  planAreas: readonly string[] = [],
): Recommendation[] {
  const recommendations: Recommendation[] = []
  const listed = new Set<string>()
  const ranked = rankLifeAreas(rankedAreas)
  const chosen = ranked.filter((area) => planAreas.includes(area.area))
  const rest = ranked.filter((area) => !planAreas.includes(area.area) && area.band.recommend)
  for (const area of [...chosen, ...rest]) {
    const reason = planAreas.includes(area.area) ? `You chose to work on ${area.name}` : area.reason
    for (const module of modules) {
      if (recommendations.length >= limit) return recommendations
      if (listed.has(module.id) || !module.areas.includes(area.area)) continue
      listed.add(module.id)
      recommendations.push({ moduleId: module.id, title: module.title, area: area.area, reason })
    }
  }
  return recommendations
}
