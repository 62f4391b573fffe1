// Self-harm words in free text (hazard H-027), for each kind of field a client writes in: urge
// notes, use notes, goal notes (and check-in notes), and a module exercise's text. Each save
// goes through the route's action as the browser posts it, and must: store the text exactly as
// written, send the client to the support panel before the next page, and raise exactly one
// self-harm safety event (source text:<where>); a near-miss raises nothing.
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { beginModule, getProgress, postStep } from '#app/domain/modules/stepping.server.ts'
import * as goalsRoute from '#app/routes/goals.tsx'
import * as moduleRoute from '#app/routes/modules.$moduleId._index.tsx'
import * as saved from '#app/routes/saved.tsx'
import * as track from '#app/routes/track._index.tsx'
import * as urgeRoute from '#app/routes/track.urges.$id.tsx'
import * as useRoute from '#app/routes/track.use.$id.tsx'
import * as newUse from '#app/routes/track.use.new.tsx'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { goalCheckIns, goals, safetyEvents, urges, useEntries } from '#db/schema/index.ts'
import { type Handler, run } from '#tests/setup/outcome.ts'
import { makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'

const NOW = new Date('2026-12-05T10:00:00Z')
beforeAll(() => pinClock(NOW))
afterAll(unpinClock)

// Capitals, a curly apostrophe, a line break and double spaces: nothing may be tidied away.
const WORDS = 'Honestly  I DON’T want to be here.\nNot today.'
const NEAR_MISS = 'Killing time, then I will skill myself up on cooking.'

function location(result: unknown): string | null {
  return result instanceof Response && result.status === 302 ? result.headers.get('Location') : null
}

async function client() {
  const user = await makeUser()
  return { user, cookie: await signedInCookie(user) }
}

function selfHarmEvents(userId: string) {
  return getDb()
    .select({ rule: safetyEvents.rule, source: safetyEvents.source })
    .from(safetyEvents)
    .where(and(eq(safetyEvents.userId, userId), eq(safetyEvents.rule, 'self-harm')))
    .all()
}

/** The support page the client lands on must show the panel first, with a way on to `next`. */
async function expectSupportFirst(result: unknown, cookie: string, next: string) {
  const to = location(result)
  expect(to).not.toBeNull()
  const url = new URL(to ?? '', 'http://localhost')
  expect(url.pathname).toBe('/saved')
  expect(url.searchParams.get('next')).toBe(next)
  const page = (await run(saved.loader as Handler, makeRequest(`${url.pathname}${url.search}`, { cookie }))) as {
    next: string
    contacts: unknown[]
  }
  expect(page.next).toBe(next)
  expect(page.contacts.length).toBeGreaterThan(0)
}

describe('urge notes', () => {
  it('a quick log with self-harm words: saved as written, the panel first, one event', async () => {
    const { user, cookie } = await client()
    const result = await run(
      track.action as Handler,
      makeRequest('/track', { cookie, form: { intensity: '5', note: WORDS, thought: 'I could end it all' } }),
    )
    const row = getDb().select().from(urges).where(eq(urges.userId, user.id)).get()
    expect(row?.note).toBe(WORDS)
    expect(row?.thought).toBe('I could end it all')
    await expectSupportFirst(result, cookie, `/track/urges/${row?.id}?logged=1`)
    // Two fields matched, one save: one event.
    expect(selfHarmEvents(user.id)).toEqual([{ rule: 'self-harm', source: 'text:urge-note' }])
  })

  it('adding the words later, in any of the urge’s own-words fields, does the same', async () => {
    const { user, cookie } = await client()
    const logged = location(
      await run(track.action as Handler, makeRequest('/track', { cookie, form: { intensity: '4' } })),
    )
    const id = logged?.match(/urges\/([^?]+)/)?.[1] ?? ''
    expect(selfHarmEvents(user.id)).toEqual([])
    for (const field of ['triggerNote', 'place', 'withWhom', 'copingNote'] as const) {
      const result = await run(
        urgeRoute.action as Handler,
        makeRequest(`/track/urges/${id}`, { cookie, form: { intensity: '4', [field]: 'Suicide' } }),
        { id },
      )
      await expectSupportFirst(result, cookie, '/track?saved=urge')
      expect(getDb().select().from(urges).where(eq(urges.id, id)).get()?.[field]).toBe('Suicide')
    }
    expect(selfHarmEvents(user.id)).toHaveLength(4)
  })

  it('a near-miss is saved and raises nothing', async () => {
    const { user, cookie } = await client()
    const result = await run(
      track.action as Handler,
      makeRequest('/track', { cookie, form: { intensity: '5', note: NEAR_MISS } }),
    )
    expect(location(result)).toMatch(/^\/track\/urges\/[^/]+\?logged=1$/)
    expect(getDb().select().from(urges).where(eq(urges.userId, user.id)).get()?.note).toBe(NEAR_MISS)
    expect(selfHarmEvents(user.id)).toEqual([])
  })
})

describe('use notes', () => {
  it('a new use entry with self-harm words: saved as written, the panel first, one event', async () => {
    const { user, cookie } = await client()
    const result = await run(
      newUse.action as Handler,
      makeRequest('/track/use/new', { cookie, form: { substance: 'cannabis', amount: '1', note: WORDS } }),
    )
    const row = getDb().select().from(useEntries).where(eq(useEntries.userId, user.id)).get()
    expect(row?.note).toBe(WORDS)
    await expectSupportFirst(result, cookie, `/track/use/${row?.id}?logged=1`)
    expect(selfHarmEvents(user.id)).toEqual([{ rule: 'self-harm', source: 'text:use-note' }])
  })

  it('editing an entry to add the words does the same; a near-miss raises nothing', async () => {
    const { user, cookie } = await client()
    const created = location(
      await run(
        newUse.action as Handler,
        makeRequest('/track/use/new', { cookie, form: { substance: 'cannabis', amount: '1', note: NEAR_MISS } }),
      ),
    )
    const id = created?.match(/use\/([^?]+)/)?.[1] ?? ''
    expect(created).toBe(`/track/use/${id}?logged=1`)
    expect(selfHarmEvents(user.id)).toEqual([])
    const result = await run(
      useRoute.action as Handler,
      makeRequest(`/track/use/${id}`, {
        cookie,
        form: { substance: 'cannabis', amount: '1', note: 'better off dead' },
      }),
      { id },
    )
    await expectSupportFirst(result, cookie, `/track/use/${id}?saved=1`)
    expect(getDb().select().from(useEntries).where(eq(useEntries.id, id)).get()?.note).toBe('better off dead')
    expect(selfHarmEvents(user.id)).toEqual([{ rule: 'self-harm', source: 'text:use-note' }])
  })
})

describe('goal notes', () => {
  const goal = { intent: 'create', what: 'Go for a walk each day', type: 'lifestyle', area: 'lifestyle' }

  it('a goal whose own words have self-harm words: saved as written, the panel first, one event', async () => {
    const { user, cookie } = await client()
    const result = await run(
      goalsRoute.action as Handler,
      makeRequest('/goals', { cookie, form: { ...goal, why: WORDS } }),
    )
    const saved = getDb().select().from(goals).where(eq(goals.userId, user.id)).get()
    expect(saved?.why).toBe(WORDS)
    await expectSupportFirst(result, cookie, `/goals?saved=goal&goal=${saved?.id}`)
    expect(selfHarmEvents(user.id)).toEqual([{ rule: 'self-harm', source: 'text:goal-note' }])
  })

  it("keeps the goal's own warning after the panel", async () => {
    const { cookie } = await client()
    const result = await run(
      goalsRoute.action as Handler,
      makeRequest('/goals', {
        cookie,
        form: {
          intent: 'create',
          what: 'Stop drinking or I will kill myself',
          type: 'stop',
          substance: 'alcohol',
          area: 'physical',
        },
      }),
    )
    // No check-in yet, so the withdrawal warning shows (H-015); it follows the support panel.
    expect(new URL(location(result) ?? '', 'http://localhost').searchParams.get('notice')).toBe('alcohol-withdrawal')
  })

  it('a check-in note with self-harm words does the same; a near-miss raises nothing', async () => {
    const { user, cookie } = await client()
    await run(goalsRoute.action as Handler, makeRequest('/goals', { cookie, form: { ...goal, why: NEAR_MISS } }))
    const goalId = getDb().select().from(goals).where(eq(goals.userId, user.id)).get()?.id ?? ''
    expect(selfHarmEvents(user.id)).toEqual([])
    const nearMiss = await run(
      goalsRoute.action as Handler,
      makeRequest('/goals', { cookie, form: { intent: 'check-in', goal: goalId, outcome: 'partly', note: NEAR_MISS } }),
    )
    expect(location(nearMiss)).toBe('/goals?saved=check-in')
    expect(selfHarmEvents(user.id)).toEqual([])
    const result = await run(
      goalsRoute.action as Handler,
      makeRequest('/goals', {
        cookie,
        form: { intent: 'check-in', goal: goalId, outcome: 'not', note: 'I want to hurt myself' },
      }),
    )
    await expectSupportFirst(result, cookie, '/goals?saved=check-in')
    expect(getDb().select().from(goalCheckIns).where(eq(goalCheckIns.goalId, goalId)).get()?.note).toBe(
      'I want to hurt myself',
    )
    expect(selfHarmEvents(user.id)).toEqual([{ rule: 'self-harm', source: 'text:goal-note' }])
  })
})

describe("a module exercise's text", () => {
  const MODULE = 'catching-thoughts'
  const answers = (situation: string, thought: string) => ({ situation, thought, 'feeling-strength': '7' })

  /** A client walked through the module's first steps to its thought record. */
  async function atRecord() {
    const { user, cookie } = await client()
    await beginModule(user.id, MODULE)
    for (let i = 0; i < 10 && (await getProgress(user.id, MODULE))?.state.value !== 'record'; i++) {
      const step = String((await getProgress(user.id, MODULE))?.state.value)
      const fields = new FormData()
      fields.append('choice', 'not-sure')
      await postStep(user.id, MODULE, {
        stepId: step,
        intent: 'next',
        formData: step === 'which-trap' ? fields : new FormData(),
      })
    }
    expect((await getProgress(user.id, MODULE))?.state.value).toBe('record')
    return { user, cookie }
  }

  function postRecord(cookie: string, fields: Record<string, string>) {
    return run(
      moduleRoute.action as Handler,
      makeRequest(`/modules/${MODULE}`, { cookie, form: { ...fields, step: 'record', intent: 'next' } }),
      { moduleId: MODULE },
    )
  }

  it('a thought record with self-harm words: saved as written, the panel first, one event', async () => {
    const { user, cookie } = await atRecord()
    const result = await postRecord(cookie, answers('Alone at home after the pub', WORDS))
    expect((await getProgress(user.id, MODULE))?.state.context.answers.record).toMatchObject({
      situation: 'Alone at home after the pub',
      thought: WORDS,
    })
    await expectSupportFirst(result, cookie, `/modules/${MODULE}`)
    expect(selfHarmEvents(user.id)).toEqual([{ rule: 'self-harm', source: `text:module:${MODULE}` }])
  })

  it('a near-miss is saved and raises nothing', async () => {
    const { user, cookie } = await atRecord()
    const result = await postRecord(cookie, answers('At work', NEAR_MISS))
    expect(location(result)).toBe(`/modules/${MODULE}`)
    expect((await getProgress(user.id, MODULE))?.state.context.answers.record).toMatchObject({ thought: NEAR_MISS })
    expect(selfHarmEvents(user.id)).toEqual([])
  })
})

describe('the support page', () => {
  it('only carries on to a page of this site', async () => {
    const { cookie } = await client()
    const page = (await run(saved.loader as Handler, makeRequest('/saved?next=//evil.example', { cookie }))) as {
      next: string
    }
    expect(page.next).toBe('/home')
  })

  it('is for signed-in clients only', async () => {
    const signedOut = await run(saved.loader as Handler, makeRequest('/saved?next=/track'))
    expect(location(signedOut)).toMatch(/^\/login/)
    const worker = await makeUser('keyworker')
    const refused = await run(
      saved.loader as Handler,
      makeRequest('/saved?next=/track', { cookie: await signedInCookie(worker) }),
    )
    expect(refused instanceof Response && refused.status).toBe(403)
  })
})
