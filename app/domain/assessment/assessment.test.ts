// The assessment flow through its domain functions, on an in-memory database.
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { deleteUser } from '#app/domain/accounts/account.server.ts'
import { exportUserData } from '#app/domain/privacy/export.server.ts'
import { action, loader } from '#app/routes/assessment._index.tsx'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { assessmentResponses, assessments, latestScores, safetyEvents, users } from '#db/schema/index.ts'
import { type Choose, finishOpenCheckIn } from '#tests/setup/check-in.ts'
import { rowsMentioning } from '#tests/setup/leftovers.ts'
import { dataOf, statusOf } from '#tests/setup/outcome.ts'
import { loadContext, makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { savePlanAreas } from './plan.server.ts'
import { exportAssessments, latestRecommendations, latestResults, scoreHistory } from './results.server.ts'
import {
  acknowledgeSafety,
  checkedInToday,
  currentPage,
  DONE_TODAY,
  getOpenAssessment,
  pagesFor,
  savePage,
  startAssessment,
} from './sitting.server.ts'

/** Starts a sitting that must start (none finished today). */
async function start(userId: string, choice: Parameters<typeof startAssessment>[1]) {
  const assessment = await startAssessment(userId, choice)
  if (!assessment) throw new Error('the check-in was refused')
  return assessment
}

/** Answers every remaining page, picking each item's answer with `choose` (default: the lowest). */
const finish = (userId: string, choose?: Choose) => finishOpenCheckIn(userId, choose)

describe('the assessment battery follows the substances named', () => {
  it('alcohol only: AUDIT, then the questions everyone answers; no drug questions', async () => {
    const user = await makeUser()
    const assessment = await start(user.id, { substances: ['alcohol'], main: 'alcohol' })
    const first = await currentPage(assessment)
    expect(first.page.instrumentId).toBe('audit')
    await finish(user.id)
    const instruments = getDb()
      .select()
      .from(assessmentResponses)
      .where(eq(assessmentResponses.userId, user.id))
      .all()
      .map((r) => r.instrumentId)
      .sort()
    expect(instruments).toEqual(['audit', 'audit-c', 'gad-7', 'life-areas', 'phq-9', 'readiness'])
  })

  it('drugs: DAST-10 and the SDS for the main drug, named in the wording', async () => {
    const user = await makeUser()
    const assessment = await start(user.id, { substances: ['cannabis', 'opioids'], main: 'opioids' })
    const sds = (await pagesFor(assessment)).filter((p) => p.instrumentId === 'sds')
    expect(sds.length).toBeGreaterThan(0)
    const texts = sds.flatMap((p) => p.items.map((i) => i.text))
    expect(texts.filter((t) => /heroin or other opioids/.test(t)).length).toBeGreaterThan(0)
    expect(texts.join(' ')).not.toContain('{substance}')
    await finish(user.id)
    const responses = getDb().select().from(assessmentResponses).where(eq(assessmentResponses.userId, user.id)).all()
    expect(responses.map((r) => r.instrumentId).sort()).toEqual([
      'dast-10',
      'gad-7',
      'life-areas',
      'phq-9',
      'readiness',
      'sds',
    ])
  })
})

describe('saving pages', () => {
  it('resumes where the client stopped, with their answers', async () => {
    const user = await makeUser()
    const assessment = await start(user.id, { substances: ['alcohol'], main: 'alcohol' })
    const { page } = await currentPage(assessment)
    const answers = Object.fromEntries(page.items.map((item) => [item.id, String(item.options[1]?.value)]))
    expect(await savePage(user.id, { pageIndex: 0, answers, direction: 'next' })).toMatchObject({
      ok: true,
      finished: false,
    })
    // Later, on another device: the same open assessment, on the next page.
    const resumed = await getOpenAssessment(user.id)
    expect(resumed?.pageIndex).toBe(1)
    expect(await savePage(user.id, { pageIndex: 1, answers: {}, direction: 'back' })).toMatchObject({ ok: true })
    const back = await currentPage((await getOpenAssessment(user.id)) ?? assessment)
    expect(back.page.index).toBe(0)
    expect(back.answers).toEqual(Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, Number(v)])))
  })

  it('refuses a page with a missing or made-up answer, saving nothing', async () => {
    const user = await makeUser()
    const assessment = await start(user.id, { substances: ['alcohol'], main: 'alcohol' })
    const { page } = await currentPage(assessment)
    const [first, second] = page.items
    if (!first || !second) throw new Error('expected at least two items on the first page')
    const result = await savePage(user.id, { pageIndex: 0, answers: { [first.id]: '99' }, direction: 'next' })
    expect(result).toMatchObject({ ok: false, status: 400 })
    if (!result.ok) {
      expect(result.errors[first.id]).toMatch(/choose one of the answers/)
      expect(result.errors[second.id]).toMatch(/choose an answer/)
    }
    expect(getDb().select().from(assessmentResponses).where(eq(assessmentResponses.userId, user.id)).all()).toEqual([])
    expect((await getOpenAssessment(user.id))?.pageIndex).toBe(0)
  })

  it('refuses a stale page (already saved from another tab) without changing anything', async () => {
    const user = await makeUser()
    await startAssessment(user.id, { substances: ['alcohol'], main: 'alcohol' })
    expect(await savePage(user.id, { pageIndex: 3, answers: {}, direction: 'next' })).toMatchObject({
      ok: false,
      status: 409,
    })
  })
})

describe('safety', () => {
  it('PHQ-9 item 9 above 0 raises a self-harm event and a panel before the next page', async () => {
    const user = await makeUser()
    await startAssessment(user.id, { substances: ['alcohol'], main: 'alcohol' })
    let panelShown = false
    for (let guard = 0; guard < 100 && (await getOpenAssessment(user.id)); guard++) {
      const open = await getOpenAssessment(user.id)
      if (!open) break
      if (open.pendingSafety) {
        panelShown = true
        expect(open.pendingSafety).toBe('self-harm')
        break
      }
      const { page } = await currentPage(open)
      const answers = Object.fromEntries(page.items.map((item) => [item.id, String(item.id === 'phq-9-9' ? 1 : 0)]))
      await savePage(user.id, { pageIndex: page.index, answers, direction: 'next' })
    }
    expect(panelShown).toBe(true)
    const events = getDb().select().from(safetyEvents).where(eq(safetyEvents.userId, user.id)).all()
    expect(events.map((e) => [e.rule, e.source])).toEqual([['self-harm', 'assessment:phq-9']])
    // The results page shows the support panel again.
    await acknowledgeSafety(user.id)
    await finish(user.id)
    expect((await latestResults(user.id))?.warnings).toContain('self-harm')
  })

  it('AUDIT answers showing dependence give the withdrawal warning on the results', async () => {
    const user = await makeUser()
    await startAssessment(user.id, { substances: ['alcohol'], main: 'alcohol' })
    await finish(user.id, (itemId, values) => (itemId.startsWith('audit-') ? Math.max(...values) : Math.min(...values)))
    const results = await latestResults(user.id)
    expect(results?.warnings).toContain('alcohol-dependence')
    expect(results?.scores.find((s) => s.instrumentId === 'audit')).toMatchObject({ total: 40 })
    expect(results?.scores.find((s) => s.instrumentId === 'audit-c')).toMatchObject({ total: 12 })
  })

  it('low AUDIT answers give no warning', async () => {
    const user = await makeUser()
    await startAssessment(user.id, { substances: ['alcohol'], main: 'alcohol' })
    await finish(user.id)
    expect((await latestResults(user.id))?.warnings).toEqual([])
  })
})

describe('results, plan, history, export and deletion', () => {
  it('ranks the six areas, keeps the plan, exports every response, and deletion leaves nothing', async () => {
    const user = await makeUser()
    await startAssessment(user.id, { substances: ['alcohol'], main: 'alcohol' })
    await finish(user.id, (itemId, values) =>
      itemId.startsWith('la-emotions') ? Math.max(...values) : Math.min(...values),
    )
    const results = await latestResults(user.id)
    expect(results?.areas).toHaveLength(6)
    expect(results?.areas[0]?.area).toBe('emotions')
    await savePlanAreas(user.id, ['emotions'])
    expect((await scoreHistory(user.id)).map((h) => h.instrumentId)).toContain('phq-9')

    const exported = await exportAssessments(user.id)
    expect(exported.plan).toEqual([{ kind: 'area', ref: 'emotions' }])
    const audit = exported.assessments.find((a) => a.instrument === 'audit')
    expect(audit).toMatchObject({ version: expect.any(String), total: 0, band: expect.any(String) })
    expect(Object.keys(audit?.answers ?? {})).toHaveLength(10)
    expect(await exportUserData(user.id)).toHaveProperty('assessments')

    await deleteUser(user.id)
    expect(rowsMentioning(user.id)).toEqual([])
  })

  it('recommends modules from the latest check-in, and follows a newer one', async () => {
    const user = await makeUser()
    const worst =
      (area: string): Choose =>
      (itemId, values) =>
        itemId.startsWith(`la-${area}`) ? Math.max(...values) : Math.min(...values)
    await startAssessment(user.id, { substances: ['alcohol'], main: 'alcohol' })
    await finish(user.id, worst('emotions'))
    // The first check-in two days ago (one check-in a day), so the next one is clearly the latest.
    getDb()
      .update(assessments)
      .set({ completedAt: new Date(Date.now() - 2 * 86_400_000) })
      .where(eq(assessments.userId, user.id))
      .run()
    const first = await latestRecommendations(user.id)
    expect(first[0]?.area).toBe('emotions')
    expect(await latestRecommendations(user.id)).toEqual(first)

    await startAssessment(user.id, { substances: ['alcohol'], main: 'alcohol' })
    await finish(user.id, worst('situations'))
    expect((await latestRecommendations(user.id))[0]?.area).toBe('situations')
  })

  it('shows a safety event raised after the results were first worked out', async () => {
    const user = await makeUser()
    await startAssessment(user.id, { substances: ['alcohol'], main: 'alcohol' })
    await finish(user.id)
    expect((await latestResults(user.id))?.warnings).toEqual([])
    getDb().insert(safetyEvents).values({ userId: user.id, rule: 'self-harm', source: 'module' }).run()
    expect((await latestResults(user.id))?.warnings).toEqual(['self-harm'])
  })
})

describe('one check-in a day (issue 16 item 7)', () => {
  const alcohol = { substances: ['alcohol' as const], main: 'alcohol' as const }
  afterEach(() => unpinClock())

  it('refuses a second check-in the same local day, and allows one the next day', async () => {
    // 23:30 UTC on 1 Dec is 00:30 on 2 Dec in Athens (UTC+2): the client's day, not the server's.
    pinClock(new Date('2026-12-01T23:30:00Z'))
    const user = await makeUser()
    getDb().update(users).set({ timeZone: 'Europe/Athens' }).where(eq(users.id, user.id)).run()
    await start(user.id, alcohol)
    await finish(user.id)
    expect(await checkedInToday(user.id)).toBe(true)
    pinClock(new Date('2026-12-02T21:50:00Z')) // 23:50 on 2 Dec in Athens: still the same day
    expect(await startAssessment(user.id, alcohol)).toBeNull()
    expect(await getOpenAssessment(user.id)).toBeUndefined()
    pinClock(new Date('2026-12-02T22:10:00Z')) // 00:10 on 3 Dec in Athens: a new day
    expect(await checkedInToday(user.id)).toBe(false)
    expect(await startAssessment(user.id, alcohol)).not.toBeNull()
  })

  it('two starts racing each other open one sitting, never two', async () => {
    const user = await makeUser()
    const [a, b] = await Promise.all([startAssessment(user.id, alcohol), startAssessment(user.id, alcohol)])
    expect(a?.id).toBe(b?.id)
    expect(getDb().select().from(assessments).where(eq(assessments.userId, user.id)).all()).toHaveLength(1)
  })

  it('the start page says so and links to the results; a post gets a 409 with the same words', async () => {
    const user = await makeUser()
    await start(user.id, alcohol)
    await finish(user.id)
    const cookie = await signedInCookie(user)
    const page = await loader({ request: makeRequest('/assessment', { cookie }), params: {}, context: loadContext })
    expect(dataOf(page)).toMatchObject({ doneToday: DONE_TODAY })
    const form = { substances: 'alcohol', main: 'alcohol' }
    expect(await statusOf(action, makeRequest('/assessment', { cookie, form }))).toBe(409)
    expect(getDb().select().from(assessments).where(eq(assessments.userId, user.id)).all()).toHaveLength(1)
  })
})

describe('the latest scores summary (latest_scores, read by the caseload)', () => {
  afterEach(() => unpinClock())

  /** What the caseload used to rank on every view: each instrument's latest two completed totals. */
  function rankedFromResponses(userId: string) {
    const rows = getDb()
      .select()
      .from(assessmentResponses)
      .where(eq(assessmentResponses.userId, userId))
      .all()
      .filter((r) => r.completedAt !== null && r.total !== null)
    const out: Array<{ instrumentId: string; rank: number; total: number; band: string | null }> = []
    for (const id of [...new Set(rows.map((r) => r.instrumentId))].sort()) {
      const mine = rows
        .filter((r) => r.instrumentId === id)
        .sort((a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0))
      mine.slice(0, 2).forEach((r, i) => {
        out.push({ instrumentId: id, rank: i + 1, total: r.total as number, band: r.band })
      })
    }
    return out
  }
  const summary = (userId: string) =>
    getDb()
      .select({
        instrumentId: latestScores.instrumentId,
        rank: latestScores.rank,
        total: latestScores.total,
        band: latestScores.band,
      })
      .from(latestScores)
      .where(eq(latestScores.userId, userId))
      .orderBy(latestScores.instrumentId, latestScores.rank)
      .all()

  it('is rewritten with every saved page, newest first, two at most, and goes with the account', async () => {
    const user = await makeUser()
    const highest: Choose = (_id, values) => Math.max(...values)
    pinClock(new Date('2026-11-01T12:00:00Z'))
    await start(user.id, { substances: ['alcohol'], main: 'alcohol' })
    await finish(user.id)
    expect(summary(user.id)).toEqual(rankedFromResponses(user.id))
    expect(summary(user.id).filter((r) => r.rank === 2)).toEqual([])

    pinClock(new Date('2026-11-15T12:00:00Z'))
    await start(user.id, { substances: ['alcohol'], main: 'alcohol' })
    await finish(user.id, highest)
    pinClock(new Date('2026-11-29T12:00:00Z'))
    await start(user.id, { substances: ['alcohol'], main: 'alcohol' })
    await finish(user.id)
    const rows = summary(user.id)
    expect(rows).toEqual(rankedFromResponses(user.id))
    // AUDIT (and AUDIT-C, derived from it): the lowest answers now, the highest the time before.
    const audit = rows.filter((r) => r.instrumentId === 'audit')
    expect(audit.map((r) => r.rank)).toEqual([1, 2])
    expect((audit[0]?.total ?? 0) < (audit[1]?.total ?? 0)).toBe(true)
    expect(rows.some((r) => r.instrumentId === 'audit-c' && r.rank === 2)).toBe(true)

    await deleteUser(user.id)
    expect(summary(user.id)).toEqual([])
  })
})
