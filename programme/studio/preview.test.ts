import { describe, expect, it } from 'vitest'
import { loadProgramme } from '../engine/load.ts'
import { fixtureModule } from '../engine/modules/fixture.ts'
import { FINISHED } from '../schema/module.schema.ts'
import { previewRoutes, walkRoute } from './preview.ts'

const route = (steps: Array<{ stepId: string }>) => steps.map((s) => s.stepId).join(' ')

describe('previewRoutes', () => {
  it('lists every route through the fixture once: both options, both ratings, with and without opioids', () => {
    const { routes, more } = previewRoutes(fixtureModule())
    expect(more).toBe(false)
    expect(routes.map((r) => route(r.steps))).toEqual([
      'intro feel strength practice sheet think aim end',
      'intro feel strength strong practice sheet think aim end',
      'intro feel low-read strength practice sheet think aim end',
      'intro feel low-read strength strong practice sheet think aim end',
      'intro feel strength practice sheet opioids think aim end',
      'intro feel strength strong practice sheet opioids think aim end',
      'intro feel low-read strength practice sheet opioids think aim end',
      'intro feel low-read strength strong practice sheet opioids think aim end',
    ])
    expect(routes[0]?.who).toBe('a client with no check-in yet')
    expect(routes[4]?.who).toBe('a client who named opioids')
    expect(routes[2]?.steps[1]).toMatchObject({ stepId: 'feel', answer: 'chose “Low”' })
    expect(routes[1]?.steps[2]).toMatchObject({ stepId: 'strength', answer: 'rated 10' })
  })

  it('walks a route step by step to its end', () => {
    const def = fixtureModule()
    const third = previewRoutes(def).routes[2]
    if (!third) throw new Error('no route')
    expect(walkRoute(def, third, 0).value).toBe('intro')
    expect(walkRoute(def, third, 2).value).toBe('low-read')
    expect(walkRoute(def, third, third.steps.length).value).toBe(FINISHED)
  })

  it('lists routes for every shipped module, each ending at the summary', () => {
    for (const def of Object.values(loadProgramme().modules)) {
      const { routes } = previewRoutes(def)
      expect(routes.length, def.id).toBeGreaterThan(0)
      for (const r of routes) expect(r.steps.at(-1)?.stepId, def.id).toBe(def.steps.at(-1)?.id)
    }
  })
})
