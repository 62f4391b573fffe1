import { describe, expect, it } from 'vitest'
import type { Progress } from '#app/domain/tracking/stats.server.ts'
import { packProgress, unpackProgress } from './progress-wire.ts'

const progress: Progress = {
  range: { from: '2026-11-15', to: '2026-11-21', days: 7 },
  timeZone: 'Europe/London',
  outcomes: { rodeOut: 1, used: 1, unknown: 0 },
  checkIns: { done: 1, partly: 0, not: 0, goals: [] },
  patterns: { topTriggers: [], timeOfWeek: [[0, 1, 0, 0]], copingThatWorked: [] },
  milestones: { stopGoals: [], riddenOutInARow: 0 },
  period: 'day',
  urges: [
    { date: '2026-11-20', end: '2026-11-20', count: 0, avgIntensity: null, rodeOut: 0, used: 0 },
    { date: '2026-11-21', end: '2026-11-21', count: 2, avgIntensity: 6.5, rodeOut: 1, used: 1 },
  ],
  use: [
    {
      date: '2026-11-21',
      end: '2026-11-21',
      entries: 2,
      alcoholUnits: 4.5,
      spendPence: 1250,
      amounts: [{ substance: 'cannabis', unit: 'grams', amount: 0.5 }],
      noUseDays: 0,
    },
  ],
}

describe('the progress page payload', () => {
  it('comes back exactly as it went', () => {
    expect(unpackProgress(packProgress(progress))).toEqual(progress)
  })

  it('is smaller than plain JSON', () => {
    expect(packProgress(progress).length).toBeLessThan(JSON.stringify(progress).length)
  })
})
