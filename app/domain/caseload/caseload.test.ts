// The caseload's aggregates against hand-computed fixtures inserted straight into the tables: scores
// and which way they moved, module counts, flags from shared scopes only, revoked links and other
// workers' clients left out, labels instead of usernames, and one access-log row per client per
// view. Also the memo: a write, a revoke or a scope change shows on the next view.
import { eq } from 'drizzle-orm'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { changeScopes, revokeLink, type Scopes } from '#app/domain/sharing/links.server.ts'
import * as route from '#app/routes/caseload._index.tsx'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { refreshLatestScores } from '#db/latest-scores.ts'
import {
  assessmentResponses,
  assessments,
  careLinks,
  goals,
  moduleProgress,
  moduleVersions,
  safetyEvents,
  urges,
  useEntries,
  users,
} from '#db/schema/index.ts'
import { seedCaseload } from '#db/seed-caseload.ts'
import { localParts } from '#programme/engine/index.ts'
import { dataOf } from '#tests/setup/outcome.ts'
import { loadContext, makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { type CaseloadOptions, caseload, clientFlags, PAGE_SIZE, parseCaseloadOptions } from './list.server.ts'

const NOW = new Date('2026-04-01T12:00:00Z')
// Every route and domain function reads this time, whatever the calendar says.
beforeAll(() => pinClock(NOW))
afterAll(unpinClock)
const DAY = 86_400_000
const ago = (days: number) => new Date(NOW.getTime() - days * DAY)
const ALL: Scopes = { assessments: true, modules: true, tracking: true, goals: true }
const NONE: Scopes = { assessments: false, modules: false, tracking: false, goals: false }
const list: CaseloadOptions = { show: 'all', sort: 'name', page: 1 }

type Person = { id: string; username: string }
let worker: Person & { role: 'keyworker' }
let otherWorker: Person
const linkIds: Record<string, string> = {}
const people: Record<string, Person> = {}

function link(key: string, scopes: Scopes, values: { label?: string; linkedDays?: number; by?: Person } = {}) {
  linkIds[key] = getDb()
    .insert(careLinks)
    .values({
      clientId: people[key]?.id ?? '',
      workerId: (values.by ?? worker).id,
      ...scopes,
      label: values.label ?? null,
      linkedAt: ago(values.linkedDays ?? 60),
      scopesChangedAt: ago(values.linkedDays ?? 60),
    })
    .returning({ id: careLinks.id })
    .get().id
}
const stamped = (at: Date) => {
  const { date, hour, weekday } = localParts(at, 'Europe/London')
  return { occurredAt: at, timeZone: 'Europe/London', localDate: date, localHour: hour, localWeekday: weekday }
}
/** A completed check-in with these [instrument, total, band] responses. */
function sitting(userId: string, at: Date, responses: Array<[string, number | null, string | null]>) {
  const db = getDb()
  const values = { userId, contentVersion: '1', substances: ['alcohol'], mainSubstance: 'alcohol' }
  const { id } = db
    .insert(assessments)
    .values({ ...values, startedAt: at, completedAt: at })
    .returning()
    .get()
  for (const [instrumentId, total, band] of responses)
    db.insert(assessmentResponses)
      .values({
        assessmentId: id,
        userId,
        instrumentId,
        instrumentVersion: '1',
        answers: {},
        total,
        band,
        completedAt: at,
      })
      .run()
  // As a sitting's save does, in the same transaction in the app.
  refreshLatestScores(
    db,
    userId,
    responses.map(([instrumentId]) => instrumentId),
  )
}
/** Everything that could raise a flag, for a client whose scopes decide what shows. */
function history(userId: string, strongUrgeThisWeek = true) {
  const db = getDb()
  if (strongUrgeThisWeek)
    db.insert(urges)
      .values({ userId, ...stamped(ago(2)), intensity: 9 })
      .run()
  db.insert(urges)
    .values({ userId, ...stamped(ago(1)), intensity: 8 })
    .run()
  db.insert(urges)
    .values({ userId, ...stamped(ago(8)), intensity: 10 })
    .run()
  db.insert(goals)
    .values({
      userId,
      what: 'Stop drinking',
      type: 'stop',
      substance: 'alcohol',
      area: 'behaviours',
      createdAt: ago(30),
    })
    .run()
  db.insert(useEntries)
    .values({ userId, ...stamped(ago(2)), substance: 'alcohol', amount: 3, unit: 'units', alcoholUnits: 3 })
    .run()
  for (const [source, days] of [
    ['assessment:phq-9', 3],
    ['tracking:urge', 30],
  ] as const)
    db.insert(safetyEvents)
      .values({ userId, rule: 'self-harm', source, createdAt: ago(days) })
      .run()
}

beforeAll(async () => {
  const db = getDb()
  worker = { ...(await makeUser('keyworker')), role: 'keyworker' }
  otherWorker = await makeUser('keyworker')
  for (const key of ['a', 'b', 'c', 'f', 'g', 'revoked', 'elsewhere']) people[key] = await makeUser('client')
  const set = (key: string, lastActiveAt: Date | null) =>
    db
      .update(users)
      .set({ lastActiveAt })
      .where(eq(users.id, people[key]?.id ?? ''))
      .run()
  // A shares everything and has a label; everything in their history counts.
  link('a', ALL, { label: 'Zed <Tuesday group>' })
  // B shares goals only: their history raises nothing, but two quiet weeks do.
  link('b', { ...NONE, goals: true })
  // C shares tracking only: an urge of 8 this week and of 10 eight days ago, use against a
  // goal that is not shared, a check-in's safety event (not shared either) and the urge log's
  // older than 28 days.
  link('c', { ...NONE, tracking: true }, { linkedDays: 10 })
  // F shares check-ins and modules: one check-in, no modules, a safety event from a module.
  link('f', { ...NONE, assessments: true, modules: true })
  // G shares modules, with a label that sorts first.
  link('g', { ...NONE, modules: true }, { label: 'Aaron' })
  link('revoked', ALL)
  link('elsewhere', ALL, { by: otherWorker })
  await revokeLink(people.revoked?.id ?? '', linkIds.revoked ?? '', ago(5))
  for (const key of ['a', 'b', 'revoked', 'elsewhere']) history(people[key]?.id ?? '')
  history(people.c?.id ?? '', false)
  set('a', ago(1))
  set('b', new Date(ago(14).getTime() - 1))
  set('c', null)
  set('f', ago(14))
  set('g', ago(2))
  for (const key of ['a', 'revoked', 'elsewhere']) {
    const id = people[key]?.id ?? ''
    sitting(id, ago(40), [
      ['audit', 12, 'increasing-risk'],
      ['phq-9', 7, 'mild'],
      ['gad-7', 10, 'moderate'],
      ['readiness', null, null],
    ])
    sitting(id, ago(5), [
      ['gad-7', 6, 'mild'],
      ['phq-9', 12, 'moderate'],
      ['audit', 12, 'increasing-risk'],
      ['life-areas', null, null],
    ])
  }
  sitting(people.f?.id ?? '', ago(20), [['phq-9', 3, 'minimal']])
  db.insert(safetyEvents)
    .values({ userId: people.f?.id ?? '', rule: 'self-harm', source: 'module:catching-thoughts', createdAt: ago(2) })
    .run()
  db.insert(safetyEvents)
    .values({ userId: people.c?.id ?? '', rule: 'self-harm', source: 'module:catching-thoughts', createdAt: ago(2) })
    .run()
  const version = db
    .insert(moduleVersions)
    .values({ moduleId: 'm', version: '1', hash: 'h', definition: {} as never })
    .returning()
    .get().id
  const progress = (key: string, moduleId: string, value: string) =>
    db
      .insert(moduleProgress)
      .values({
        userId: people[key]?.id ?? '',
        moduleId,
        moduleVersionId: version,
        state: { value, context: { answers: {}, history: [], facts: null } },
        stepNumber: 1,
        stepTotal: 5,
      })
      .run()
  progress('a', 'saying-no', 'intro')
  progress('a', 'catching-thoughts', 'finished')
  progress('a', 'riding-out-urges', 'urge-strength')
  progress('c', 'saying-no', 'finished')
})

const rows = async (options = list, now = NOW) => (await caseload(worker, options, now)).clients
const row = async (key: string, now = NOW) => (await rows(list, now)).find((r) => r.linkId === linkIds[key])
const flagIds = async (key: string, now = NOW) => (await row(key, now))?.flags.map((f) => f.id)

describe('the list', () => {
  it('has every live link of this worker, and no one else', async () => {
    const { clients, total } = await caseload(worker, list, NOW)
    expect(total).toBe(5)
    expect(new Set(clients.map((c) => c.linkId))).toEqual(new Set(['a', 'b', 'c', 'f', 'g'].map((k) => linkIds[k])))
  })

  it("shows the worker's label instead of the username", async () => {
    expect(await row('a')).toMatchObject({
      name: 'Zed <Tuesday group>',
      label: 'Zed <Tuesday group>',
      username: people.a?.username,
    })
    expect(await row('b')).toMatchObject({ name: people.b?.username, label: null })
  })

  it('gives each latest score, its band and which way it moved, for shared check-ins only', async () => {
    expect((await row('a'))?.scores).toEqual([
      { instrumentId: 'audit', title: 'Drinking (AUDIT)', total: 12, band: 'Increasing risk', change: 'same' },
      { instrumentId: 'phq-9', title: 'Mood (PHQ-9)', total: 12, band: 'Moderate', change: 'worse' },
      { instrumentId: 'gad-7', title: 'Worry and anxiety (GAD-7)', total: 6, band: 'Mild', change: 'better' },
    ])
    expect((await row('f'))?.scores).toEqual([
      { instrumentId: 'phq-9', title: 'Mood (PHQ-9)', total: 3, band: 'Minimal', change: null },
    ])
    expect((await row('b'))?.scores).toBeNull()
    expect((await row('c'))?.scores).toBeNull()
  })

  it('counts modules in progress and done, for shared modules only', async () => {
    expect((await row('a'))?.modules).toEqual({ inProgress: 2, done: 1 })
    expect((await row('f'))?.modules).toEqual({ inProgress: 0, done: 0 })
    expect((await row('c'))?.modules).toBeNull()
  })

  it('raises flags from shared scopes only', async () => {
    expect(await flagIds('a')).toEqual(['self-harm', 'strong-urge', 'use-against-stop-goal', 'worse-score'])
    expect((await row('a'))?.flags.map((f) => f.label)).toEqual([
      'Self-harm thoughts (check-in, 29 Mar)',
      'Strong urge 9/10 (30 Mar)',
      'Use against a stop goal (30 Mar)',
      'Worse score (PHQ-9, 27 Mar)',
    ])
    expect((await row('a'))?.flags[0]?.detail).toBe(
      'Thoughts of self-harm or of being better off dead: 1 time in the last 28 days, the latest in their check-in on 29 Mar.',
    )
    expect(await flagIds('b')).toEqual(['no-activity'])
    expect(await flagIds('c')).toEqual([])
    expect(await flagIds('f')).toEqual(['self-harm'])
    expect((await row('f'))?.flags[0]?.label).toBe('Self-harm thoughts (module, 30 Mar)')
    expect(await flagIds('g')).toEqual([])
  })

  it('puts flagged clients first, self-harm first, then the newest flag, then sorts the rest as asked', async () => {
    const order = async (sort: 'name' | 'active' | 'linked') =>
      (await rows({ show: 'all', sort, page: 1 })).map((r) => Object.keys(linkIds).find((k) => linkIds[k] === r.linkId))
    // F's self-harm flag (2 days ago) is newer than A's (3 days ago).
    expect(await order('name')).toEqual(['f', 'a', 'b', 'g', 'c'])
    expect(await order('active')).toEqual(['f', 'a', 'b', 'g', 'c'])
    expect(await order('linked')).toEqual(['f', 'a', 'b', 'c', 'g'])
    expect(await caseload(worker, { show: 'flagged', sort: 'name', page: 1 }, NOW)).toMatchObject({
      total: 5,
      flagged: 3,
    })
    expect(await rows({ show: 'flagged', sort: 'name', page: 1 })).toHaveLength(3)
  })

  it('applies the time windows afresh, even from memory', async () => {
    // Eight days on: A's strong urge and use are over a week old; F has been quiet 22 days.
    const later = new Date(NOW.getTime() + 8 * DAY)
    expect(await flagIds('a', later)).toEqual(['self-harm', 'worse-score'])
    expect(await flagIds('f', later)).toEqual(['self-harm', 'no-activity'])
    expect(await flagIds('g', later)).toEqual([])
  })
})

describe('the access log', () => {
  const logged = () =>
    getDb()
      .$client.prepare(
        'select client_id as clientId, worker_name as worker, what, scopes, at from access_log order by id',
      )
      .all() as Array<{ clientId: string; worker: string; what: string; scopes: string; at: number }>

  it('gets one row per client shown, for every view, with the scopes shared', async () => {
    const before = logged().length
    await caseload(worker, list, NOW)
    await caseload(worker, { show: 'flagged', sort: 'active', page: 1 }, NOW)
    const rowsWritten = logged().slice(before)
    // All five, then only the three with flags.
    expect(rowsWritten).toHaveLength(8)
    const first = rowsWritten.slice(0, 5)
    expect(
      first.every((r) => r.what === 'caseload list' && r.worker === worker.username && r.at === NOW.getTime()),
    ).toBe(true)
    const scopes = Object.fromEntries(first.map((r) => [r.clientId, r.scopes]))
    expect(scopes).toEqual({
      [people.a?.id ?? '']: 'assessments,modules,tracking,goals',
      [people.b?.id ?? '']: 'goals',
      [people.c?.id ?? '']: 'tracking',
      [people.f?.id ?? '']: 'assessments,modules',
      [people.g?.id ?? '']: 'modules',
    })
  })

  it('never names a client of a revoked link or of another worker', async () => {
    const ids = new Set(logged().map((r) => r.clientId))
    expect(ids.has(people.revoked?.id ?? '')).toBe(false)
    expect(ids.has(people.elsewhere?.id ?? '')).toBe(false)
  })
})

describe("one client's flags", () => {
  it('are the same as on the list, and none for a link that is not live or not theirs', async () => {
    expect((await clientFlags(worker.id, linkIds.a ?? '', NOW)).map((f) => f.id)).toEqual(await flagIds('a'))
    expect(await clientFlags(worker.id, linkIds.revoked ?? '', NOW)).toEqual([])
    expect(await clientFlags(otherWorker.id, linkIds.a ?? '', NOW)).toEqual([])
    expect(await clientFlags(worker.id, 'made-up', NOW)).toEqual([])
  })
})

describe('self-harm first', () => {
  it('lists a client with self-harm thoughts today above two whose only concern is dependence signs', async () => {
    // Issue 12: the self-harm client was listed below both (same "Safety concern", then by name).
    const db = getDb()
    const ranker = { ...(await makeUser('keyworker')), role: 'keyworker' as const }
    const today = (hour: number) => new Date(`2026-04-01T${String(hour).padStart(2, '0')}:00:00Z`)
    const client = async (label: string, rule: string, source: string, at: Date) => {
      const person = await makeUser('client')
      db.insert(careLinks)
        .values({ clientId: person.id, workerId: ranker.id, ...ALL, label, linkedAt: ago(9), scopesChangedAt: ago(9) })
        .run()
      db.update(users).set({ lastActiveAt: at }).where(eq(users.id, person.id)).run()
      db.insert(safetyEvents).values({ userId: person.id, rule, source, createdAt: at }).run()
    }
    await client('Abe', 'alcohol-dependence', 'assessment:audit', today(11))
    await client('Ada', 'alcohol-dependence', 'assessment:audit', today(10))
    await client('Zoe', 'self-harm', 'assessment:phq-9', today(9))
    const listed = (await caseload(ranker, list, NOW)).clients.map((c) => [c.name, c.flags.map((f) => f.label)])
    expect(listed).toEqual([
      ['Zoe', ['Self-harm thoughts (check-in, 1 Apr)']],
      ['Abe', ['Alcohol dependence signs (check-in, 1 Apr)']],
      ['Ada', ['Alcohol dependence signs (check-in, 1 Apr)']],
    ])
  })
})

describe('after a change', () => {
  it('shows a new entry, a scope change and a revoke on the next view', async () => {
    const db = getDb()
    expect(await flagIds('c')).toEqual([])
    db.insert(urges)
      .values({ userId: people.c?.id ?? '', ...stamped(ago(1)), intensity: 10 })
      .run()
    expect(await flagIds('c')).toEqual(['strong-urge'])
    await changeScopes(people.c?.id ?? '', linkIds.c ?? '', { ...NONE, goals: true }, NOW)
    expect(await flagIds('c')).toEqual([])
    expect((await row('c'))?.scopes).toEqual({ ...NONE, goals: true })
    await revokeLink(people.c?.id ?? '', linkIds.c ?? '', NOW)
    expect(await row('c')).toBeUndefined()
    expect((await caseload(worker, list, NOW)).total).toBe(4)
  })
})

describe('the page', () => {
  it('is parsed from the address, falling back to all clients by name', async () => {
    expect(parseCaseloadOptions(new URLSearchParams('show=flagged&sort=active&page=2'))).toEqual({
      show: 'flagged',
      sort: 'active',
      page: 2,
    })
    expect(parseCaseloadOptions(new URLSearchParams('show=everyone&sort=<x>&page=-1'))).toEqual({
      show: 'all',
      sort: 'name',
      page: 1,
    })
  })

  it('links each client by link id, with labels escaped', async () => {
    const cookie = await signedInCookie(worker)
    const result = dataOf<{ rows: route.Row[]; total: number; shown: number; options: CaseloadOptions }>(
      await route.loader({
        request: makeRequest('/caseload?sort=linked', { cookie }),
        params: {},
        context: loadContext,
      }),
    )
    const { total } = await caseload(worker, list, NOW)
    expect(result).toMatchObject({ total, shown: total, options: { show: 'all', sort: 'linked' } })
    const html = renderToStaticMarkup(
      createElement(
        'table',
        null,
        createElement(
          'tbody',
          null,
          ...result.rows.map((row) => createElement(route.ClientRow, { row, key: row.linkId })),
        ),
      ),
    )
    expect(html).toContain(`<a href="/caseload/${linkIds.a}">Zed &lt;Tuesday group&gt;</a>`)
    expect(html).toContain(`Username ${people.a?.username}`)
    // The page's own clock is today's, months after the fixtures: everyone has gone quiet.
    expect(html).toContain('<span class="flag">No activity (last active 18 Mar)</span>')
    expect(html).toContain('<span class="flag">Self-harm thoughts (check-in, 29 Mar)</span>')
    expect(html).toContain('<li>PHQ-9: 12 (Moderate), worse</li>')
    expect(html).not.toContain('<Tuesday')
    expect(html).not.toContain(people.elsewhere?.username)
    expect(html.match(/<tr>/g)).toHaveLength(total)
  })

  it('is empty for a worker no one shares with', async () => {
    const lonely = await makeUser('keyworker')
    expect(await caseload(lonely, list, NOW)).toMatchObject({ clients: [], total: 0, flagged: 0 })
  })
})

describe("the benchmark's caseload", () => {
  it('links clients with varied scopes and histories, the first sharing everything', async () => {
    const seeded = await makeUser('keyworker')
    const links = await seedCaseload(getDb(), seeded.id, 30, NOW)
    expect(links).toHaveLength(30)
    expect(links[0]?.scopes).toEqual(ALL)
    expect(new Set(links.map((l) => Object.values(l.scopes).join()))).not.toHaveProperty('size', 1)
    const count = () => (getDb().$client.prepare('select count(*) as n from access_log').get() as { n: number }).n
    const before = count()
    const { clients, flagged, pages, matching } = await caseload(seeded, list, NOW)
    // A page of 25, and only those 25 are logged; the last page has the rest.
    expect(clients).toHaveLength(PAGE_SIZE)
    expect({ pages, matching }).toEqual({ pages: 2, matching: 30 })
    expect(count() - before).toBe(PAGE_SIZE)
    const last = await caseload(seeded, { ...list, page: 99 }, NOW)
    expect(last.options.page).toBe(2)
    expect(last.clients).toHaveLength(5)
    expect(new Set([...clients, ...last.clients].map((c) => c.linkId)).size).toBe(30)
    expect(flagged).toBeGreaterThan(0)
    expect(flagged).toBeLessThan(30)
    expect([...clients, ...last.clients].some((c) => c.scores?.some((s) => s.change !== null))).toBe(true)
    expect([...clients, ...last.clients].some((c) => (c.modules?.done ?? 0) > 0)).toBe(true)
  })
})
