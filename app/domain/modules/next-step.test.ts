// After a check-in, home offers one next step: a key worker's suggestion first, else the first
// module suggested for the client (issue 16 item 5); "Save my plan" reorders the module list so
// the chosen areas lead (item 6).
import { afterEach, describe, expect, it } from 'vitest'
import { savePlanAreas } from '#app/domain/assessment/plan.server.ts'
import { createShareCode, redeemShareCode } from '#app/domain/sharing/links.server.ts'
import { loader as homeLoader } from '#app/routes/home.tsx'
import { unpinClock } from '#app/utils/clock.server.ts'
import { completeCheckIn, highest } from '#tests/setup/check-in.ts'
import { dataOf } from '#tests/setup/outcome.ts'
import { loadContext, makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { nextStep } from './next-step.server.ts'
import { suggestModule } from './suggestions.server.ts'
import { moduleList } from './view.server.ts'

const AT = new Date('2026-11-02T10:00:00Z')

afterEach(() => unpinClock())

/** Everything at its highest, except Emotions, which is at its lowest (low need). */
const emotionsLow = (id: string, values: number[]) =>
  id.startsWith('la-emotions-') ? Math.min(...values) : highest(id, values)

describe('the next step on home', () => {
  it('is nothing before a check-in, then the first suggested module, on the home page too', async () => {
    const client = await makeUser()
    expect(await nextStep(client.id)).toBeNull()
    await completeCheckIn(client.id, AT, highest)
    const first = (await moduleList(client.id))[0]
    const next = await nextStep(client.id)
    expect(next).toEqual({ moduleId: first?.id, title: first?.title, why: first?.reason })
    expect(next?.why).toMatch(/^Because you said/)
    const home = dataOf<{ next: unknown }>(
      await homeLoader({
        request: makeRequest('/home', { cookie: await signedInCookie(client) }),
        params: {},
        context: loadContext,
      }),
    )
    expect(home.next).toEqual(next)
  })

  it("puts a key worker's suggestion first", async () => {
    const client = await makeUser()
    const worker = await makeUser('keyworker')
    await completeCheckIn(client.id, AT, highest)
    const { code } = await createShareCode(
      client.id,
      { assessments: true, modules: true, tracking: false, goals: false },
      AT,
    )
    expect((await redeemShareCode(worker, code, AT)).ok).toBe(true)
    expect(await suggestModule(worker.id, client.id, 'saying-no', AT)).toBe(true)
    expect(await nextStep(client.id)).toEqual({
      moduleId: 'saying-no',
      title: expect.any(String),
      why: `Suggested by ${worker.username}`,
    })
  })
})

describe('"Save my plan" changes what the module list suggests first', () => {
  it('the chosen area leads, even one of low need, with the reason that it was chosen', async () => {
    const client = await makeUser()
    await completeCheckIn(client.id, AT, emotionsLow)
    const before = await moduleList(client.id)
    expect(before[0]?.areas).not.toContain('Emotions')
    await savePlanAreas(client.id, ['emotions'])
    const after = await moduleList(client.id)
    expect(after[0]?.areas).toContain('Emotions')
    expect(after[0]?.reason).toBe('You chose to work on Emotions')
    expect((await nextStep(client.id))?.moduleId).toBe(after[0]?.id)
  })
})
