// The session summary against hand-computed fixtures for a client in New York, whose days are not
// UTC days and whose clocks went back on 1 November 2026: each section's figures, the range as
// the client's own calendar, scopes hiding sections, refused ranges (400, never 500), the access
// log, the guard's 404s, and what the PDF says.
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { beginModule } from '#app/domain/modules/stepping.server.ts'
import { accessLogOf } from '#app/domain/sharing/access-log.server.ts'
import {
  createShareCode,
  linkedClient,
  redeemShareCode,
  revokeLink,
  type Scopes,
  setLabel,
} from '#app/domain/sharing/links.server.ts'
import * as page from '#app/routes/caseload.$linkId.summary.tsx'
import * as pdf from '#app/routes/caseload.$linkId.summary[.pdf].ts'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import {
  assessmentResponses,
  assessments,
  goalCheckIns,
  goals,
  moduleProgress,
  safetyEvents,
  urges,
  useEntries,
  users,
} from '#db/schema/index.ts'
import { addDays, loadProgramme, localParts, todayIn } from '#programme/engine/index.ts'
import { dataOf, statusOf } from '#tests/setup/outcome.ts'
import { pdfText, readPdf } from '#tests/setup/pdf-text.ts'
import { loadContext, makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { parseSummaryRange, type SessionSummary, sessionSummary } from './summary.server.ts'

const ZONE = 'America/New_York'
// 12:00 EST on Sunday 15 November 2026.
const NOW = new Date('2026-11-15T17:00:00Z')
// Every route and domain function reads this time, whatever the calendar says.
beforeAll(() => pinClock(NOW))
afterAll(unpinClock)
const RANGE = { from: '2026-11-01', to: '2026-11-14', days: 14 }
const QUERY = '?from=2026-11-01&to=2026-11-14'
const ALL: Scopes = { assessments: true, modules: true, tracking: true, goals: true }
const NONE: Scopes = { assessments: false, modules: false, tracking: false, goals: false }

// Key workers: one linked with each set of scopes, one whose link was revoked, one never linked.
const WHO = ['all', 'tracking', 'none', 'revoked', 'stranger'] as const
type Who = (typeof WHO)[number]
const workers = {} as Record<Who, { id: string; username: string; cookie: string; linkId: string }>
let clientId: string

// Instants with the local date a New Yorker would write down. 1 Nov: EDT until 06:00 UTC, then EST.
type Dated = [instant: string, localDate: string]
const URGES: Array<[...Dated, number, 'rode-out' | 'used' | null]> = [
  ['2026-11-01T03:00:00Z', '2026-10-31', 10, 'used'], // the evening before the range
  ['2026-11-01T14:00:00Z', '2026-11-01', 6, 'rode-out'],
  ['2026-11-05T22:00:00Z', '2026-11-05', 8, 'used'],
  ['2026-11-06T03:00:00Z', '2026-11-05', 4, null], // 6 November in UTC
  ['2026-11-15T04:30:00Z', '2026-11-14', 7, 'rode-out'], // 15 November in UTC
  ['2026-11-15T14:00:00Z', '2026-11-15', 9, 'rode-out'], // the day after the range
]
type Logged = { substance: string | null; amount: number | null; unit: string | null } & {
  alcoholUnits: number | null
  spendPence: number | null
}
const drink = (units: number, spendPence: number | null): Logged => ({
  substance: 'alcohol',
  amount: units,
  unit: 'units',
  alcoholUnits: units,
  spendPence,
})
const drug = (substance: string, amount: number, unit: string, spendPence: number | null): Logged => ({
  substance,
  amount,
  unit,
  alcoholUnits: null,
  spendPence,
})
const NO_USE: Logged = { substance: null, amount: null, unit: null, alcoholUnits: null, spendPence: null }
const USE: Array<[...Dated, Logged]> = [
  ['2026-11-01T02:00:00Z', '2026-10-31', drink(10, 2000)],
  ['2026-11-01T20:00:00Z', '2026-11-01', drink(4.5, 1200)],
  ['2026-11-02T01:00:00Z', '2026-11-01', drink(2.3, null)],
  ['2026-11-02T15:00:00Z', '2026-11-02', NO_USE],
  // "No use today", then use the same evening: not a no-use day.
  ['2026-11-03T14:00:00Z', '2026-11-03', NO_USE],
  ['2026-11-03T23:00:00Z', '2026-11-03', drug('cannabis', 1.5, 'grams', 1000)],
  ['2026-11-04T15:00:00Z', '2026-11-04', drug('cannabis', 0.25, 'grams', 500)],
  ['2026-11-04T20:00:00Z', '2026-11-04', drug('cannabis', 2, 'joints', null)],
  ['2026-11-10T15:00:00Z', '2026-11-10', NO_USE],
  ['2026-11-15T03:00:00Z', '2026-11-14', drug('stimulants', 0.5, 'grams', 4000)],
  ['2026-11-15T12:00:00Z', '2026-11-15', drink(9, null)],
]

const stamp = ([instant, localDate]: Dated) => {
  const { hour, weekday } = localParts(new Date(instant), ZONE)
  return { occurredAt: new Date(instant), timeZone: ZONE, localDate, localHour: hour, localWeekday: weekday }
}

async function link(workerId: string, scopes: Scopes): Promise<string> {
  const redeemed = await redeemShareCode({ id: workerId }, (await createShareCode(clientId, scopes)).code)
  if (!redeemed.ok) throw new Error('fixture: the share code did not work')
  return redeemed.linkId
}

const SITTING = { contentVersion: '1', substances: ['alcohol'], mainSubstance: 'alcohol' }
/** A check-in completed at `at` (null: left part-way), with each instrument's total and band. */
function sitting(at: string | null, scores: Array<[string, number | null, string | null]>, userId = clientId) {
  const completedAt = at ? new Date(at) : null
  const values = { userId, ...SITTING, startedAt: completedAt ?? new Date('2026-11-12T12:00:00Z'), completedAt }
  const { id } = getDb().insert(assessments).values(values).returning({ id: assessments.id }).get()
  for (const [instrumentId, total, band] of scores) {
    const response = { instrumentId, instrumentVersion: '1', answers: {}, total, band, completedAt }
    getDb()
      .insert(assessmentResponses)
      .values({ assessmentId: id, userId, ...response })
      .run()
  }
}

/** A module last finished at `finishedAt` (or never), last touched at `touched`, on `step` (or finished). */
async function moduleRow(moduleId: string, finishedAt: string | null, touched: string, step?: [number, number]) {
  const row = await beginModule(clientId, moduleId, new Date('2026-10-01T12:00:00Z'))
  if (!row) throw new Error(`fixture: no module ${moduleId}`)
  const [stepNumber, stepTotal] = step ?? [row.stepNumber, row.stepTotal]
  const state = step ? row.state : { ...row.state, value: 'finished' }
  const completedAt = finishedAt ? new Date(finishedAt) : null
  getDb()
    .update(moduleProgress)
    .set({ state, completedAt, updatedAt: new Date(touched), stepNumber, stepTotal })
    .where(eq(moduleProgress.id, row.id))
    .run()
}

const goalIds: Record<string, string> = {}
function goal(what: string, values: Partial<typeof goals.$inferInsert>, createdAt: string, userId = clientId) {
  goalIds[what] = getDb()
    .insert(goals)
    .values({ userId, what, type: 'lifestyle', area: 'lifestyle', createdAt: new Date(createdAt), ...values })
    .returning({ id: goals.id })
    .get().id
}
function checkIn(what: string, localDate: string, outcome: 'done' | 'partly' | 'not', note: string | null = null) {
  getDb()
    .insert(goalCheckIns)
    .values({ goalId: goalIds[what] ?? '', userId: clientId, localDate, outcome, note })
    .run()
}
const DRINK_LESS = 'Drink on 2 days a week at most'

beforeAll(async () => {
  const db = getDb()
  clientId = (await makeUser('client')).id
  const other = (await makeUser('client')).id
  db.update(users).set({ timeZone: ZONE }).where(eq(users.id, clientId)).run()
  const scopes: Record<Who, Scopes | null> = {
    all: ALL,
    tracking: { ...NONE, tracking: true },
    none: NONE,
    revoked: ALL,
    stranger: null,
  }
  for (const who of WHO) {
    const worker = await makeUser('keyworker')
    const linkId = scopes[who] ? await link(worker.id, scopes[who]) : ''
    workers[who] = { id: worker.id, username: worker.username, cookie: await signedInCookie(worker), linkId }
  }
  await revokeLink(clientId, workers.revoked.linkId)
  await setLabel(workers.all.id, workers.all.linkId, 'Sam (Tuesdays)')

  sitting('2026-10-01T15:00:00Z', [
    ['phq-9', 14, 'moderate'],
    ['audit', 18, 'higher-risk'],
  ])
  sitting('2026-11-01T03:30:00Z', [['audit-c', 7, 'positive']]) // 31 October, 23:30 EDT
  sitting('2026-11-01T04:30:00Z', [
    ['phq-9', 9, 'mild'],
    ['audit', 18, 'higher-risk'],
    ['audit-c', 5, 'positive'],
    ['readiness', null, null],
    ['life-areas', 40, null],
  ])
  sitting('2026-11-15T04:00:00Z', [
    ['phq-9', 11, 'moderate'],
    ['gad-7', 6, 'mild'],
  ]) // 14 November, 23:00 EST
  sitting('2026-11-15T05:30:00Z', [['phq-9', 4, 'minimal']]) // 15 November, after the range
  sitting(null, [['dast-10', 3, 'moderate']]) // left part-way: not a score
  sitting('2026-11-05T12:00:00Z', [['phq-9', 20, 'severe']], other)
  const safety = { userId: clientId, rule: 'self-harm', source: 'assessment:phq-9' }
  db.insert(safetyEvents)
    .values({ ...safety, createdAt: new Date('2026-11-10T12:00:00Z') })
    .run()

  await moduleRow('riding-out-urges', '2026-11-10T17:00:00Z', '2026-11-10T17:00:00Z')
  await moduleRow('saying-no', '2026-10-20T12:00:00Z', '2026-10-20T12:00:00Z')
  await moduleRow('catching-thoughts', null, '2026-11-12T15:00:00Z', [3, 9])
  await moduleRow('building-a-week', '2026-11-15T04:30:00Z', '2026-11-15T04:30:00Z') // 14 November, 23:30 EST
  await moduleRow('goals-that-work', '2026-11-15T06:00:00Z', '2026-11-15T06:00:00Z') // 15 November
  // Finished on 5 November and started again since: finished in the range, and in progress now.
  await moduleRow('planning-for-setbacks', '2026-11-05T15:00:00Z', '2026-11-13T15:00:00Z', [1, 8])

  for (const [instant, date, intensity, outcome] of URGES)
    db.insert(urges)
      .values({ userId: clientId, ...stamp([instant, date]), intensity, outcome })
      .run()
  const elsewhere = stamp(['2026-11-05T22:00:00Z', '2026-11-05'])
  db.insert(urges)
    .values({ userId: other, ...elsewhere, intensity: 10, outcome: 'used' })
    .run()
  for (const [instant, date, values] of USE)
    db.insert(useEntries)
      .values({ userId: clientId, ...stamp([instant, date]), ...values })
      .run()
  db.insert(useEntries)
    .values({ userId: other, ...elsewhere, ...drink(9, 900) })
    .run()

  goal(DRINK_LESS, { type: 'cut-down', substance: 'alcohol' }, '2026-10-01T12:00:00Z')
  goal('Stop cannabis', { type: 'stop', substance: 'cannabis', status: 'dropped' }, '2026-10-02T12:00:00Z')
  goal('Write a line a day', {}, '2026-10-03T12:00:00Z')
  goal('Walk every morning', {}, '2026-10-05T12:00:00Z')
  goal('An old goal', { status: 'dropped' }, '2026-09-01T12:00:00Z')
  goal('Set after the range', {}, '2026-11-16T12:00:00Z')
  goal("Someone else's goal", {}, '2026-10-01T12:00:00Z', other)
  checkIn(DRINK_LESS, '2026-10-31', 'done')
  checkIn(DRINK_LESS, '2026-11-01', 'done', 'Stayed in and watched a film')
  checkIn(DRINK_LESS, '2026-11-02', 'partly')
  checkIn(DRINK_LESS, '2026-11-05', 'not', "Friend's birthday")
  checkIn(DRINK_LESS, '2026-11-15', 'done', 'After the range')
  checkIn('Stop cannabis', '2026-11-03', 'partly')
  for (let day = 1; day <= 12; day++) checkIn('Write a line a day', addDays('2026-10-31', day), 'done', `Line ${day}`)
  checkIn('An old goal', '2026-10-01', 'done')
})

const summaryFor = async (who: Who) => {
  const linked = await linkedClient(workers[who].id, workers[who].linkId)
  if (!linked) throw new Error('fixture: no link')
  return await sessionSummary(linked, RANGE, NOW)
}

describe('the fixtures', () => {
  it('carry the local dates a New Yorker would write down', () => {
    for (const [instant, date] of [...URGES, ...USE]) expect(localParts(new Date(instant), ZONE).date).toBe(date)
  })
})

type Direction = 'better' | 'worse' | 'same' | null
type Before = [total: number, date: string] | null
const score = (id: string, date: string, total: number, max: number, band: string, ...rest: [Before, Direction]) => {
  const [previous, direction] = rest
  const before = previous && { total: previous[0], date: previous[1] }
  // The summary speaks about the client (issue 16 item 14): never "Your drinking".
  const title = {
    audit: 'Drinking (AUDIT)',
    'audit-c': 'How much they drink (AUDIT-C)',
    'phq-9': 'Mood (PHQ-9)',
    'gad-7': 'Worry and anxiety (GAD-7)',
  }[id]
  const change = before && total - before.total
  return { instrumentId: id, title, date, total, max, band, previous: before, change, direction, lowerIsBetter: true }
}
const goalLine = (what: string, type: string, status: string, counts: [number, number, number], notes: string[]) => {
  const [done, partly, not] = counts
  return { what, type, status, done, partly, not, notes }
}

describe('the summary, sharing everything', () => {
  let s: SessionSummary
  beforeAll(async () => {
    s = await summaryFor('all')
  })

  it("is named by the worker's label and dated in the client's calendar and clock", () => {
    expect([s.name, s.range, s.timeZone, s.generatedAt]).toEqual(['Sam (Tuesdays)', RANGE, ZONE, '2026-11-15 12:00'])
  })

  it("lists each score completed in the client's days with the one before it and which way it moved", () => {
    expect(s.scores).toEqual([
      score('audit', '2026-11-01', 18, 40, 'Higher risk', [18, '2026-10-01'], 'same'),
      score('audit-c', '2026-11-01', 5, 12, 'Increasing or higher risk', [7, '2026-10-31'], 'better'),
      score('phq-9', '2026-11-01', 9, 27, 'Mild', [14, '2026-10-01'], 'better'),
      score('gad-7', '2026-11-14', 6, 21, 'Mild', null, null),
      score('phq-9', '2026-11-14', 11, 27, 'Moderate', [9, '2026-11-01'], 'worse'),
    ])
    expect(s.scores?.map((x) => x.change)).toEqual([0, -2, -5, null, 2])
  })

  it('lists modules finished in the range, and those in progress now', () => {
    const title = (id: string) => loadProgramme().modules[id]?.title
    expect(s.modules?.finished.map((m) => [m.title === title(m.moduleId), m.moduleId, m.date])).toEqual([
      [true, 'planning-for-setbacks', '2026-11-05'],
      [true, 'riding-out-urges', '2026-11-10'],
      [true, 'building-a-week', '2026-11-14'],
    ])
    expect(s.modules?.inProgress.map((m) => [m.moduleId, m.date, m.step, m.steps])).toEqual([
      ['planning-for-setbacks', '2026-11-13', 1, 8],
      ['catching-thoughts', '2026-11-12', 3, 9],
    ])
  })

  it('counts urges: 6, 8, 4 and 7 out of 10, two ridden out, one used, one not said', () => {
    expect(s.urges).toEqual({ count: 4, avgStrength: 6.3, strongest: 8, rodeOut: 2, used: 1 })
  })

  it('adds up use: units, money, amounts by substance and unit, and days with no use', () => {
    const line = (substance: string, name: string, unit: string, amount: number, occasions: number, pence: number) => ({
      substance,
      name,
      unit,
      amount,
      occasions,
      spendPence: pence,
    })
    expect(s.use).toEqual({
      occasions: 6,
      useDays: 4,
      noUseDays: 2,
      alcoholUnits: 6.8,
      spendPence: 6700,
      substances: [
        line('alcohol', 'alcohol', 'UK units', 6.8, 2, 1200),
        line('cannabis', 'cannabis', 'grams', 1.75, 2, 1500),
        line('cannabis', 'cannabis', 'joints', 2, 1, 0),
        line('stimulants', 'stimulants (like cocaine, crack or speed)', 'grams', 0.5, 1, 4000),
      ],
    })
  })

  it('gives each goal its check-ins in the range with notes, the newest ten at most', () => {
    const lines = s.goals?.map(({ goalId: _, moreNotes, notes, ...g }) => [
      { ...g, notes: notes.map((n) => n.note) },
      moreNotes,
    ])
    expect(lines).toEqual([
      [goalLine(DRINK_LESS, 'cut-down', 'active', [1, 1, 1], ['Stayed in and watched a film', "Friend's birthday"]), 0],
      [goalLine('Stop cannabis', 'stop', 'dropped', [0, 1, 0], []), 0],
      [
        goalLine(
          'Write a line a day',
          'lifestyle',
          'active',
          [12, 0, 0],
          [3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => `Line ${n}`),
        ),
        2,
      ],
      [goalLine('Walk every morning', 'lifestyle', 'active', [0, 0, 0], []), 0],
    ])
    expect(s.goals?.[0]?.notes[1]).toEqual({ date: '2026-11-05', outcome: 'not', note: "Friend's birthday" })
  })

  it("shows the caseload's current flags for this client", () => {
    // Named by kind and the client's local date, self-harm first: the caseload's own words.
    expect(s.flags.map((f) => f.label)).toEqual(['Self-harm thoughts (check-in, 10 Nov)', 'Strong urge 9/10 (15 Nov)'])
  })
})

describe('scopes', () => {
  it('leave out every part the client does not share, and its flags', async () => {
    const s = await summaryFor('tracking')
    expect([s.scores, s.modules, s.goals]).toEqual([null, null, null])
    expect([s.urges?.count, s.use?.alcoholUnits]).toEqual([4, 6.8])
    expect(s.flags.map((f) => f.id)).toEqual(['strong-urge'])
    expect(s.name).toMatch(/^client-/)
    const none = await summaryFor('none')
    expect([none.scores, none.modules, none.urges, none.use, none.goals, none.flags]).toEqual([
      null,
      null,
      null,
      null,
      null,
      [],
    ])
  })
})

describe('the range', () => {
  const parse = (query: string, now = NOW) => parseSummaryRange(new URLSearchParams(query), ZONE, now)

  it("defaults to the 28 days up to today in the client's zone", () => {
    expect(parse('')).toEqual({ ok: true, range: { from: '2026-10-19', to: '2026-11-15', days: 28 } })
    expect(parse('from=&to=')).toEqual(parse(''))
    // 03:00 UTC on the 15th is still the 14th in New York.
    expect(parse('', new Date('2026-11-15T03:00:00Z'))).toMatchObject({ range: { to: '2026-11-14' } })
    expect(parse('to=2026-11-10')).toMatchObject({ range: { from: '2026-10-14', to: '2026-11-10' } })
  })

  it('takes up to 366 days ending today', () => {
    expect(parse('from=2025-11-15&to=2026-11-15')).toMatchObject({ ok: true, range: { days: 366 } })
  })

  it.each([
    ['from=2026-02-30', 'from', 'Enter the start date as a real date, for example 2026-11-21'],
    ['from=banana&to=2026-11-14', 'from', 'Enter the start date as a real date, for example 2026-11-21'],
    ['to=14/11/2026', 'to', 'Enter the end date as a real date, for example 2026-11-21'],
    ['to=2026-11-16', 'to', 'The end date is in the future. Choose today or an earlier day.'],
    ['from=2026-11-16', 'from', 'The start date is in the future. Choose today or an earlier day.'],
    ['from=2026-11-10&to=2026-11-01', 'from', 'The start date is after the end date. Choose an earlier start.'],
    ['from=2025-11-14&to=2026-11-15', 'from', 'That is 367 days. Choose a range of 366 days or fewer.'],
  ])('refuses %s with a message on %s', (query, field, message) => {
    expect(parse(query)).toMatchObject({ ok: false, errors: { [field]: [message] } })
  })
})

type Route = typeof page | typeof pdf
const request = (who: Who, query: string) => makeRequest(`/caseload/summary${query}`, { cookie: workers[who].cookie })
const get = (route: Route, who: Who, linkId = workers[who].linkId, query = QUERY) =>
  route.loader({ request: request(who, query), params: { linkId }, context: loadContext })
const status = (route: Route, who: Who, linkId = workers[who].linkId, query = QUERY) =>
  statusOf(route.loader as Parameters<typeof statusOf>[0], request(who, query), { linkId })
const logged = async (what: string) => (await accessLogOf(clientId, 10_000)).filter((row) => row.what === what)

describe('the page', () => {
  it('shows the summary and logs each view, with the scopes in force', async () => {
    const before = (await logged('session summary page')).length
    const body = dataOf<{ name: string; values: unknown; errors: unknown; summary: SessionSummary }>(
      await get(page, 'all'),
    )
    expect(body).toMatchObject({ name: 'Sam (Tuesdays)', values: { from: RANGE.from, to: RANGE.to }, errors: null })
    expect([body.summary.use?.spendPence, body.summary.scores?.length]).toEqual([6700, 5])
    expect(await status(page, 'all')).toBe(200)
    const rows = await logged('session summary page')
    expect(rows).toHaveLength(before + 2)
    expect(rows[0]).toMatchObject({ worker: workers.all.username, scopes: 'assessments,modules,tracking,goals' })
  })

  it("defaults to the last 28 days of the client's calendar", async () => {
    const body = dataOf<{ summary: SessionSummary }>(await get(page, 'all', undefined, ''))
    const today = todayIn(ZONE, NOW)
    expect(body.summary.range).toEqual({ from: addDays(today, -27), to: today, days: 28 })
  })

  it('shows a refused range as a 400 with the message by the field, logging nothing', async () => {
    const before = (await logged('session summary page')).length
    const query = '?from=2026-11-10&to=2026-11-01'
    expect(await status(page, 'all', undefined, query)).toBe(400)
    expect(dataOf(await get(page, 'all', undefined, query))).toEqual({
      linkId: workers.all.linkId,
      name: 'Sam (Tuesdays)',
      values: { from: '2026-11-10', to: '2026-11-01' },
      errors: { from: ['The start date is after the end date. Choose an earlier start.'] },
      summary: null,
    })
    for (const bad of ['?to=2999-01-01', '?from=2020-01-01', '?from=nonsense', '?to=0000-00-00'])
      expect(await status(page, 'all', undefined, bad)).toBe(400)
    expect(await logged('session summary page')).toHaveLength(before)
  })
})

describe('the PDF', () => {
  const download = async (who: Who, query = QUERY) => (await get(pdf, who, undefined, query)) as Response
  const text = async (who: Who) => pdfText(new Uint8Array(await (await download(who)).arrayBuffer()))

  it('is an attachment named by its dates only, never cached, and logged once', async () => {
    const before = (await logged('session summary PDF')).length
    const response = await download('all')
    expect(response.status).toBe(200)
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': 'attachment; filename="session-summary-2026-11-01-to-2026-11-14.pdf"',
      'cache-control': 'no-store',
    })
    expect(await logged('session summary PDF')).toHaveLength(before + 1)
    expect((await logged('session summary PDF'))[0]).toMatchObject({ worker: workers.all.username })
    // Large type for reading on paper, and no name in the metadata that file indexes show.
    const contents = await readPdf(new Uint8Array(await response.arrayBuffer()))
    expect(contents.smallestFontSize).toBeGreaterThanOrEqual(13)
    expect(contents.info).toEqual({ Title: 'Session summary', Author: 'Foothold', Creator: 'Foothold' })
  })

  it('says the key figures of every part', async () => {
    const all = await text('all')
    for (const expected of [
      'Session summary: Sam (Tuesdays)',
      '1 Nov 2026 to 14 Nov 2026',
      'Confidential: shared by the client for their care. Do not pass on.',
      'Self-harm thoughts (check-in, 10 Nov)',
      'Strong urge 9/10 (15 Nov)',
      'First score',
      '14 on 1 Oct',
      '+2 (worse)',
      '-5 (better)',
      'step 3 of 9',
      'finished 14 Nov 2026',
      '4 urges logged. Average strength 6.3 out of 10; strongest 8.',
      'Rode out: 2. Used: 1. Outcome not recorded: 1.',
      'Alcohol: 6.8 UK units. Money spent: £67.00.',
      'No-use days: 2',
      '1.75 grams',
      'Check-ins: done 1, partly 1, not done 1.',
      '"Friend\'s birthday"',
      'And 2 earlier notes.',
    ])
      expect(all).toContain(expected)
    expect(all).not.toContain('Not shared by the client')
  })

  it('leaves out every part not shared', async () => {
    const tracking = await text('tracking')
    expect(tracking.match(/Not shared by the client\./g)).toHaveLength(3)
    expect(tracking).toContain('Alcohol: 6.8 UK units')
    for (const hidden of ['PHQ-9', 'First score', 'step 3 of 9', DRINK_LESS, 'Check-ins:', 'Self-harm'])
      expect(tracking).not.toContain(hidden)
  })

  it('refuses a bad range with a plain 400 and logs nothing', async () => {
    const before = (await logged('session summary PDF')).length
    const response = await download('all', '?from=2026-11-01&to=2999-01-01')
    expect(response.status).toBe(400)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/plain/)
    expect(await response.text()).toBe('The end date is in the future. Choose today or an earlier day.')
    expect(await logged('session summary PDF')).toHaveLength(before)
  })
})

describe('who may look', () => {
  // Whose link each worker tries: links are made in beforeAll, after this table is built.
  it.each([
    ['a revoked link', 'revoked', 'revoked'],
    ["another worker's link", 'stranger', 'all'],
    ['a made-up link', 'all', null],
  ] as const)('is a 404 for %s, page and PDF', async (_, who, whose) => {
    const linkId = whose ? workers[whose].linkId : 'not-a-link'
    expect([await status(page, who, linkId), await status(pdf, who, linkId)]).toEqual([404, 404])
  })

  it('is refused to a client', async () => {
    const cookie = await signedInCookie({ id: clientId, role: 'client' })
    const asClient = makeRequest(`/caseload/summary${QUERY}`, { cookie })
    expect(
      await statusOf(page.loader as Parameters<typeof statusOf>[0], asClient, { linkId: workers.all.linkId }),
    ).toBe(403)
  })
})
