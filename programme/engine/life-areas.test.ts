import { describe, expect, it } from 'vitest'
import type { LifeAreaId } from '../schema/life-areas.schema.ts'
import { type LifeAreaScore, rankLifeAreas, recommendModules, scoreLifeAreas } from './life-areas.ts'
import { loadProgramme } from './load.ts'
import { bandFor } from './scoring.ts'

const programme = loadProgramme()
const instrument = programme.instruments['life-areas']
const itemsOf = (area: LifeAreaId) =>
  instrument?.items.filter((item) => item.area === area).map((item) => item.id) ?? []
const answersOf = (values: Partial<Record<LifeAreaId, number[]>>) =>
  Object.fromEntries(
    Object.entries(values).flatMap(([area, list]) =>
      (list ?? []).map((value, index) => [itemsOf(area as LifeAreaId)[index], value]),
    ),
  )

describe('life-area check content (Foothold’s own)', () => {
  it('has 3 to 5 items in each of the six areas, all on one 0–4 scale', () => {
    for (const area of programme.lifeAreas.areas) expect(itemsOf(area.id).length).toBeGreaterThanOrEqual(3)
    for (const area of programme.lifeAreas.areas) expect(itemsOf(area.id).length).toBeLessThanOrEqual(5)
    for (const item of instrument?.items ?? [])
      expect(item.options.map((option) => option.value)).toEqual([0, 1, 2, 3, 4])
    expect(instrument?.kind).toBe('foothold')
  })
})

describe('scoreLifeAreas', () => {
  it('scores round(100 × sum ÷ highest possible sum) per area, in declared order', () => {
    const scores = scoreLifeAreas(
      programme,
      answersOf({ situations: [0, 0, 0, 0], emotions: [3, 3, 2, 2], physical: [4, 4, 4, 4] }),
    )
    expect(scores.map(({ area, score }) => [area, score])).toEqual([
      ['situations', 0],
      ['emotions', 63], // 10 of 16 = 62.5, rounded
      ['physical', 100],
    ])
    expect(scores.map((score) => score.band.id)).toEqual(['low-need', 'some-need', 'high-need'])
    expect(scores[1]?.reason).toBe('Because you said things feel hard with your emotions (score 63 out of 100)')
  })

  it('uses only the answered items, and leaves out areas with no answers', () => {
    const scores = scoreLifeAreas(programme, answersOf({ thoughts: [4, 4] }))
    expect(scores).toEqual([expect.objectContaining({ area: 'thoughts', name: 'Thoughts', score: 100 })])
  })

  it('bands at 33 | 34 and 66 | 67 (Foothold’s own bands)', () => {
    // 4 of 12 rounds to 33 and 8 of 12 to 67.
    expect(scoreLifeAreas(programme, answersOf({ situations: [4, 0, 0] }))[0]).toMatchObject({
      score: 33,
      band: { id: 'low-need' },
    })
    expect(scoreLifeAreas(programme, answersOf({ situations: [4, 4, 0] }))[0]).toMatchObject({
      score: 67,
      band: { id: 'high-need' },
    })
    const bands = programme.lifeAreas.bands
    expect([0, 33, 34, 66, 67, 100].map((score) => bandFor(bands, score)?.id)).toEqual([
      'low-need',
      'low-need',
      'some-need',
      'some-need',
      'high-need',
      'high-need',
    ])
  })

  it('throws on an answer outside the scale', () => {
    expect(() => scoreLifeAreas(programme, { 'la-emotions-1': 5 })).toThrow(RangeError)
  })
})

describe('rankLifeAreas', () => {
  it('puts the highest need first and breaks ties by the declared order', () => {
    const ranked = rankLifeAreas([
      { area: 'lifestyle' as const, score: 50 },
      { area: 'thoughts' as const, score: 50 },
      { area: 'physical' as const, score: 90 },
      { area: 'situations' as const, score: 50 },
    ])
    expect(ranked.map((area) => area.area)).toEqual(['physical', 'situations', 'thoughts', 'lifestyle'])
  })
})

describe('recommendModules (fixture modules: the real ones come in a later issue)', () => {
  const modules = [
    { id: 'urge-surfing', title: 'Surfing urges', areas: ['physical', 'situations'] as LifeAreaId[] },
    { id: 'thought-record', title: 'Catching thoughts', areas: ['thoughts'] as LifeAreaId[] },
    { id: 'mood-lift', title: 'Lifting your mood', areas: ['emotions'] as LifeAreaId[] },
    { id: 'routine', title: 'A steady week', areas: ['lifestyle'] as LifeAreaId[] },
    { id: 'rac-plan', title: 'Recognise, avoid, cope', areas: ['situations'] as LifeAreaId[] },
  ]
  const area = (id: LifeAreaId, score: number): LifeAreaScore => {
    const found = programme.lifeAreas.areas.find((candidate) => candidate.id === id)
    const band = bandFor(programme.lifeAreas.bands, score)
    if (!found || !band) throw new Error(id)
    return { area: id, name: found.name, score, band, reason: found.needs.replace('{score}', String(score)) }
  }
  const areas = rankLifeAreas([
    area('situations', 50),
    area('emotions', 72),
    area('thoughts', 20),
    area('physical', 40),
    area('lifestyle', 0),
  ])

  it('lists modules for the neediest areas first, each once, with the reason', () => {
    expect(recommendModules(areas, modules)).toEqual([
      {
        moduleId: 'mood-lift',
        title: 'Lifting your mood',
        area: 'emotions',
        reason: 'Because you said things feel hard with your emotions (score 72 out of 100)',
      },
      {
        moduleId: 'urge-surfing',
        title: 'Surfing urges',
        area: 'situations',
        reason: 'Because you said some situations make it hard not to drink or use (score 50 out of 100)',
      },
      {
        moduleId: 'rac-plan',
        title: 'Recognise, avoid, cope',
        area: 'situations',
        reason: 'Because you said some situations make it hard not to drink or use (score 50 out of 100)',
      },
    ])
  })

  it('leaves out areas with low need', () => {
    const ids = recommendModules(areas, modules).map((recommendation) => recommendation.moduleId)
    expect(ids).not.toContain('thought-record')
    expect(ids).not.toContain('routine')
    expect(recommendModules([area('emotions', 33)], modules)).toEqual([])
    expect(recommendModules([area('emotions', 34)], modules)).toHaveLength(1)
  })

  it('stops at the limit', () => {
    expect(recommendModules(areas, modules, 2).map((recommendation) => recommendation.moduleId)).toEqual([
      'mood-lift',
      'urge-surfing',
    ])
  })

  it("puts the areas of the client's plan first, even one of low need, saying they chose it", () => {
    const planned = recommendModules(areas, modules, 6, ['lifestyle', 'situations'])
    expect(planned.map((r) => r.moduleId)).toEqual(['urge-surfing', 'rac-plan', 'routine', 'mood-lift'])
    expect(planned[0]?.reason).toBe('You chose to work on Situations')
    expect(planned[2]?.reason).toBe('You chose to work on Lifestyle')
    expect(planned[3]?.reason).toBe('Because you said things feel hard with your emotions (score 72 out of 100)')
  })
})
