// Goals as a new client uses them (issue 16 item 12): a save answers with a redirect and a message
// (never the filled form again), a deadline already past in the client's own days is refused,
// deleting takes a second step, weekly goals get one check-in a week, goals can be changed with
// the same checks (safety warnings included, H-044), and dates read "5 Dec 2026".
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as goalsRoute from '#app/routes/goals.tsx'
import * as deleteRoute from '#app/routes/goals_.$id.delete.tsx'
import * as editRoute from '#app/routes/goals_.$id.edit.tsx'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { goalCheckIns, goals, safetyEvents } from '#db/schema/index.ts'
import { type Handler, run } from '#tests/setup/outcome.ts'
import { makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { rememberTimeZone } from './entries.server.ts'
import { deleteGoalAction, editGoalAction, goalAction, savedNotice } from './goal-actions.server.ts'
import { PAST_DEADLINE } from './goal-form.ts'
import { listGoals } from './goals.server.ts'

// Saturday 21 Nov 2026, 18:30 in London; already Sunday 22 Nov in Auckland (UTC+13).
const NOW = new Date('2026-11-21T18:30:00Z')
beforeAll(() => pinClock(NOW))
// A test that moves the clock on and fails part-way leaves the next one at NOW all the same.
beforeEach(() => pinClock(NOW))
afterAll(unpinClock)

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.append(key, value)
  return data
}

const WALK = { what: 'Walk every morning', type: 'lifestyle', area: 'lifestyle' }

async function client() {
  const user = await makeUser()
  return { user, cookie: await signedInCookie(user) }
}

const goalsOf = (userId: string) => getDb().select().from(goals).where(eq(goals.userId, userId)).all()
const checkInsOf = (goalId: string) =>
  getDb().select().from(goalCheckIns).where(eq(goalCheckIns.goalId, goalId)).orderBy(goalCheckIns.localDate).all()

describe('after a save', () => {
  it('the goals page is fetched afresh with a message, not sent back filled in: a refresh saves nothing twice', async () => {
    const { user, cookie } = await client()
    const posted = await run(
      goalsRoute.action as Handler,
      makeRequest('/goals', { cookie, form: { intent: 'create', ...WALK } }),
    )
    expect(posted).toBeInstanceOf(Response)
    const response = posted as Response
    expect(response.status).toBe(302)
    const [saved] = goalsOf(user.id)
    expect(response.headers.get('Location')).toBe(`/goals?saved=goal&goal=${saved?.id}`)
    // What the browser then shows (and shows again on a refresh, which is this GET, not the post).
    const page = (await run(
      goalsRoute.loader as Handler,
      makeRequest(response.headers.get('Location') ?? '', { cookie }),
    )) as { saved: string | null; safety: string | null }
    expect(page).toMatchObject({ saved: 'Your goal is saved.', safety: null })
    expect(goalsOf(user.id)).toHaveLength(1)
  })

  it('says nothing for a word it does not know or a goal that is not the client’s', async () => {
    const { user } = await client()
    const other = await makeUser()
    await goalAction(other.id, form({ intent: 'create', ...WALK, type: 'stop', substance: 'opioids' }))
    const theirs = goalsOf(other.id)[0]?.id ?? ''
    expect(await savedNotice(user.id, new URLSearchParams({ saved: 'goal', goal: theirs }))).toEqual({
      saved: 'Your goal is saved.',
      safety: null,
    })
    expect(await savedNotice(user.id, new URLSearchParams({ saved: '<b>hi</b>' }))).toEqual({
      saved: null,
      safety: null,
    })
  })
})

describe('a deadline', () => {
  it('already past in the client’s own days is refused with a clear message, and nothing is saved', async () => {
    const user = await makeUser()
    await rememberTimeZone(user.id, 'Pacific/Auckland')
    // 21 Nov is still today in London, but yesterday in Auckland.
    const refused = await goalAction(user.id, form({ intent: 'create', ...WALK, byWhen: '2026-11-21' }))
    expect(refused).toMatchObject({ status: 400, form: 'goal', result: { error: { byWhen: [PAST_DEADLINE] } } })
    expect(goalsOf(user.id)).toEqual([])
    expect(await goalAction(user.id, form({ intent: 'create', ...WALK, byWhen: '2026-11-22' }))).toMatchObject({
      status: 'redirect',
    })
  })

  it('today is allowed, in the zone the browser reports when it reports one', async () => {
    const user = await makeUser()
    // The account says London; the browser says Los Angeles, where it is 21 Nov, 10:30.
    expect(
      await goalAction(
        user.id,
        form({ intent: 'create', ...WALK, byWhen: '2026-11-21', timeZone: 'America/Los_Angeles' }),
      ),
    ).toMatchObject({ status: 'redirect' })
    // From Auckland, the same day has gone.
    expect(
      await goalAction(
        user.id,
        form({ intent: 'create', ...WALK, byWhen: '2026-11-21', timeZone: 'Pacific/Auckland' }),
      ),
    ).toMatchObject({ status: 400 })
    expect(goalsOf(user.id)).toHaveLength(1)
  })
})

describe('deleting a goal', () => {
  it('takes a second step: the goals page cannot delete, the confirm page shows what goes, then its post deletes', async () => {
    const { user, cookie } = await client()
    await goalAction(user.id, form({ intent: 'create', ...WALK }))
    const id = goalsOf(user.id)[0]?.id ?? ''
    await goalAction(user.id, form({ intent: 'check-in', goal: id, outcome: 'done' }))
    // A one-click delete from the goals page is no longer a button we know.
    expect(await goalAction(user.id, form({ intent: 'delete', goal: id }))).toMatchObject({ status: 400 })
    // The confirm page only shows.
    const confirm = await run(deleteRoute.loader as Handler, makeRequest(`/goals/${id}/delete`, { cookie }), { id })
    expect(confirm).toEqual({ what: 'Walk every morning', status: 'active', checkIns: 1 })
    expect(goalsOf(user.id)).toHaveLength(1)
    // A post without the button's intent deletes nothing.
    expect(await deleteGoalAction(user.id, id, form({}))).toMatchObject({ status: 400 })
    const deleted = (await run(
      deleteRoute.action as Handler,
      makeRequest(`/goals/${id}/delete`, { cookie, form: { intent: 'delete' } }),
      { id },
    )) as Response
    expect(deleted.headers.get('Location')).toBe('/goals?saved=deleted')
    expect(goalsOf(user.id)).toEqual([])
    expect(checkInsOf(id)).toEqual([])
  })

  it('another client’s goal: the confirm page and its post are 404, and the goal stays', async () => {
    const owner = await makeUser()
    await goalAction(owner.id, form({ intent: 'create', ...WALK }))
    const id = goalsOf(owner.id)[0]?.id ?? ''
    const { cookie } = await client()
    const page = (await run(deleteRoute.loader as Handler, makeRequest(`/goals/${id}/delete`, { cookie }), {
      id,
    })) as Response
    expect(page.status).toBe(404)
    const post = (await run(
      deleteRoute.action as Handler,
      makeRequest(`/goals/${id}/delete`, { cookie, form: { intent: 'delete' } }),
      { id },
    )) as Response
    expect(post.status).toBe(404)
    expect(goalsOf(owner.id)).toHaveLength(1)
  })
})

describe('check-ins', () => {
  it('a weekly goal gets one a week: a second the same week replaces the first, a new week adds one', async () => {
    const user = await makeUser()
    await goalAction(user.id, form({ intent: 'create', ...WALK, frequency: 'weekly' }))
    const id = goalsOf(user.id)[0]?.id ?? ''
    expect(goalsOf(user.id)[0]?.frequency).toBe('weekly')
    // Saturday 21 Nov, then Sunday 22 Nov: the same week (Monday 16 to Sunday 22).
    await goalAction(user.id, form({ intent: 'check-in', goal: id, outcome: 'partly', note: 'Three walks' }))
    pinClock(new Date('2026-11-22T12:00:00Z'))
    const listed = await listGoals(user.id)
    expect(listed[0]).toMatchObject({ checkedIn: true })
    await goalAction(user.id, form({ intent: 'check-in', goal: id, outcome: 'done' }))
    expect(checkInsOf(id).map((c) => [c.localDate, c.outcome, c.note])).toEqual([['2026-11-22', 'done', null]])
    // Monday 23 Nov: a new week, nothing to replace.
    pinClock(new Date('2026-11-23T09:00:00Z'))
    expect((await listGoals(user.id))[0]).toMatchObject({ checkedIn: false })
    await goalAction(user.id, form({ intent: 'check-in', goal: id, outcome: 'not' }))
    expect(checkInsOf(id).map((c) => c.localDate)).toEqual(['2026-11-22', '2026-11-23'])
    expect((await listGoals(user.id))[0]?.history.map((c) => c.when)).toEqual([
      'Week of 23 Nov 2026',
      'Week of 16 Nov 2026',
    ])
    pinClock(NOW)
  })

  it('a daily goal (the default) keeps one a day, and its days read "Sat 21 Nov 2026"', async () => {
    const user = await makeUser()
    await goalAction(user.id, form({ intent: 'create', ...WALK }))
    const id = goalsOf(user.id)[0]?.id ?? ''
    await goalAction(user.id, form({ intent: 'check-in', goal: id, outcome: 'partly' }))
    await goalAction(user.id, form({ intent: 'check-in', goal: id, outcome: 'done' }))
    pinClock(new Date('2026-11-22T12:00:00Z'))
    await goalAction(user.id, form({ intent: 'check-in', goal: id, outcome: 'not' }))
    pinClock(NOW)
    expect(checkInsOf(id).map((c) => [c.localDate, c.outcome])).toEqual([
      ['2026-11-21', 'done'],
      ['2026-11-22', 'not'],
    ])
    expect((await listGoals(user.id))[0]?.history.map((c) => c.when)).toEqual(['Sun 22 Nov 2026', 'Sat 21 Nov 2026'])
  })

  it('shows the newest 10 of a long history, and "checked in" from this period however long it is', async () => {
    const user = await makeUser()
    await goalAction(user.id, form({ intent: 'create', ...WALK }))
    await goalAction(user.id, form({ intent: 'create', ...WALK, what: 'Call a friend each week', frequency: 'weekly' }))
    const idOf = (frequency: string) => goalsOf(user.id).find((g) => g.frequency === frequency)?.id ?? ''
    const daily = idOf('daily')
    const weekly = idOf('weekly')
    // 40 daily check-ins up to today (Sat 21 Nov); the weekly goal's on Monday 16 Nov and weeks before.
    const day = (n: number) => new Date(Date.UTC(2026, 10, 21 - n)).toISOString().slice(0, 10)
    const rows = [
      ...Array.from({ length: 40 }, (_, n) => ({ goalId: daily, localDate: day(n), outcome: 'done' as const })),
      ...Array.from({ length: 12 }, (_, n) => ({
        goalId: weekly,
        localDate: day(5 + 7 * n),
        outcome: 'partly' as const,
      })),
    ].map((row) => ({ ...row, userId: user.id, createdAt: NOW, updatedAt: NOW }))
    getDb().insert(goalCheckIns).values(rows).run()
    const listed = await listGoals(user.id)
    const of = (id: string) => listed.find((g) => g.id === id)
    expect(of(daily)?.history.map((c) => c.date)).toEqual(Array.from({ length: 10 }, (_, n) => day(n)))
    expect(of(daily)?.checkedIn).toBe(true)
    expect(of(weekly)?.history.map((c) => c.date)).toEqual(Array.from({ length: 10 }, (_, n) => day(5 + 7 * n)))
    expect(of(weekly)?.checkedIn).toBe(true)
    // Next Monday: a new week and a new day, neither checked in yet.
    pinClock(new Date('2026-11-23T09:00:00Z'))
    expect((await listGoals(user.id)).map((g) => g.checkedIn)).toEqual([false, false])
    pinClock(NOW)
  })
})

describe('changing a goal', () => {
  async function goalWith(fields: Record<string, string> = {}) {
    const { user, cookie } = await client()
    await goalAction(user.id, form({ intent: 'create', ...WALK, ...fields }))
    return { user, cookie, id: goalsOf(user.id)[0]?.id ?? '' }
  }

  it('saves the new words, kind, frequency and deadline, then shows the goals page with a message', async () => {
    const { user, cookie, id } = await goalWith()
    const edit = (await run(editRoute.loader as Handler, makeRequest(`/goals/${id}/edit`, { cookie }), { id })) as {
      goal: Record<string, unknown>
    }
    expect(edit.goal).toMatchObject({ what: 'Walk every morning', frequency: 'daily', byWhen: null })
    const posted = (await run(
      editRoute.action as Handler,
      makeRequest(`/goals/${id}/edit`, {
        cookie,
        form: {
          what: 'Walk three times a week',
          type: 'lifestyle',
          area: 'physical',
          frequency: 'weekly',
          byWhen: '2027-01-31',
        },
      }),
      { id },
    )) as Response
    expect(posted.headers.get('Location')).toBe(`/goals?saved=changes&goal=${id}`)
    expect(goalsOf(user.id)[0]).toMatchObject({
      what: 'Walk three times a week',
      area: 'physical',
      frequency: 'weekly',
      byWhen: '2027-01-31',
    })
  })

  it('fires the stop and cut-down warnings as setting one does (H-044): benzodiazepines, alcohol, opioids', async () => {
    for (const [substance, notice] of [
      ['benzodiazepines', 'sedative-taper'],
      ['alcohol', 'alcohol-withdrawal'],
      ['opioids', 'overdose-after-a-break'],
    ] as const) {
      const { user, id } = await goalWith()
      const reply = await editGoalAction(user.id, id, form({ ...WALK, what: 'Cut down', type: 'cut-down', substance }))
      if (reply.status !== 'redirect') throw new Error(`should save: ${JSON.stringify(reply)}`)
      expect((await savedNotice(user.id, new URL(reply.to, 'http://localhost').searchParams)).safety).toBe(notice)
    }
  })

  it('refuses a deadline already past, but keeps one the goal already had; bad input changes nothing', async () => {
    const { user, id } = await goalWith({ byWhen: '2026-11-30' })
    expect(await editGoalAction(user.id, id, form({ ...WALK, byWhen: '2026-11-20' }))).toMatchObject({
      status: 400,
      result: { error: { byWhen: [PAST_DEADLINE] } },
    })
    expect(await editGoalAction(user.id, id, form({ ...WALK, what: '' }))).toMatchObject({ status: 400 })
    expect(goalsOf(user.id)[0]).toMatchObject({ what: 'Walk every morning', byWhen: '2026-11-30' })
    // A week on, the deadline has passed; fixing the words alone is still allowed.
    pinClock(new Date('2026-12-05T10:00:00Z'))
    expect(
      await editGoalAction(user.id, id, form({ ...WALK, what: 'Walk most mornings', byWhen: '2026-11-30' })),
    ).toMatchObject({ status: 'redirect' })
    pinClock(NOW)
    expect(goalsOf(user.id)[0]).toMatchObject({ what: 'Walk most mornings', byWhen: '2026-11-30' })
  })

  it('self-harm words in the new words: saved as written, the support panel first, one event (H-027)', async () => {
    const { user, id } = await goalWith()
    const reply = await editGoalAction(user.id, id, form({ ...WALK, why: 'I want to hurt myself' }))
    expect(reply).toMatchObject({ status: 'redirect', to: expect.stringMatching(/^\/saved\?/) })
    expect(goalsOf(user.id)[0]?.why).toBe('I want to hurt myself')
    expect(getDb().select().from(safetyEvents).where(eq(safetyEvents.userId, user.id)).all()).toHaveLength(1)
  })

  it('another client’s goal is 404 on the page and the post, and stays as it was', async () => {
    const { user: owner, id } = await goalWith()
    const { user, cookie } = await client()
    const page = (await run(editRoute.loader as Handler, makeRequest(`/goals/${id}/edit`, { cookie }), {
      id,
    })) as Response
    expect(page.status).toBe(404)
    expect(await editGoalAction(user.id, id, form({ ...WALK, what: 'Mine now' }))).toMatchObject({ status: 404 })
    expect(goalsOf(owner.id)[0]?.what).toBe('Walk every morning')
  })
})
