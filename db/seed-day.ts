// The benchmark's "real day" database (ADR 0018): `clients` clients, each with a year of
// tracking (urges, use and no-use days, goals with check-ins), 2–13 completed check-ins scored by
// the real instruments (with the safety events their answers raise), modules in progress and
// finished; and `workers` key workers with caseloads of up to 200 (care links with varied scopes).
// Some clients are left ready for the bench's posts: one part-way through "riding-out-urges" (on
// its first step) and one part-way through a check-in (on its first page), in turns.
// Inserted with drizzle in multi-row batches, a transaction per 50 clients; every account shares
// one precomputed passphrase hash. Repeatable: every "random" choice comes from a fixed seed.

import { sql } from 'drizzle-orm'
import {
  addDays,
  buildBattery,
  deriveAuditC,
  FINISHED,
  loadProgramme,
  localToUtc,
  progressOf,
  type SubstanceId,
  safetyRulesFired,
  scoreInstrument,
  todayIn,
} from '#programme/engine/index.ts'
import type { Db } from './client.ts'
import { rebuildLatestScores } from './latest-scores.ts'
import { pinModuleVersion, writePin } from './module-versions.ts'
import {
  assessmentResponses,
  assessments,
  careLinks,
  goalCheckIns,
  goals,
  moduleProgress,
  SCOPES,
  type Scope,
  safetyEvents,
  urges,
  useEntries,
  users,
} from './schema/index.ts'
import { MAIN, modulePaths, USE, ZONES } from './seed-caseload.ts'
import { draws } from './seed-heavy.ts'

const DAY = 86_400_000
const DAYS = 365
/** The module the bench posts steps of: its first two steps are a read step and a rating. */
export const DAY_MODULE = 'riding-out-urges'

export type DayClient = {
  id: string
  username: string
  /** An active goal the bench checks in on. */
  goalId: string
  /** On the first step of DAY_MODULE. */
  inModule: boolean
  /** Part-way through a check-in (alcohol only), on its first page. */
  assessing: boolean
}
export type DayWorker = { id: string; username: string; linkIds: string[] }
export type DaySeed = { clients: DayClient[]; workers: DayWorker[]; rows: Record<string, number> }

type Options = { clients?: number; workers?: number; passphraseHash: string; now?: Date }

export async function seedDay(
  db: Db,
  { clients = 1000, workers = 20, passphraseHash, now = new Date() }: Options,
): Promise<DaySeed> {
  const { random, chance, between, whole, pick } = draws(20_260_413)
  const programme = loadProgramme()
  const { triggers, copingStrategies } = programme.tracking
  const paths = modulePaths()
  const uid = () => crypto.randomUUID()
  const rows: Record<string, number> = {}

  // Each row goes in through a drizzle prepared insert (one per table and set of columns, with
  // placeholders, so drizzle still encodes dates and JSON), inside a transaction per 50 clients.
  type Table =
    | typeof users
    | typeof urges
    | typeof useEntries
    | typeof goals
    | typeof goalCheckIns
    | typeof assessments
    | typeof assessmentResponses
    | typeof safetyEvents
    | typeof moduleProgress
    | typeof careLinks
  const statements = new Map<Table, Map<string, { run: (values: object) => unknown }>>()
  const add = <T extends Table>(table: T, name: string, given: T['$inferInsert']) => {
    // A default made in JS ($defaultFn) would be made once, when the statement is prepared.
    // Nulls are left out (the column's own NULL), since drizzle encodes a placeholder's value as given.
    const row: Record<string, unknown> = 'id' in given ? {} : { id: uid() }
    for (const [key, value] of Object.entries(given)) if (value !== null && value !== undefined) row[key] = value
    const keys = Object.keys(row).sort().join(',')
    let byKeys = statements.get(table)
    if (!byKeys) {
      byKeys = new Map()
      statements.set(table, byKeys)
    }
    let statement = byKeys.get(keys)
    if (!statement) {
      const values = Object.fromEntries(Object.keys(row).map((key) => [key, sql.placeholder(key)]))
      statement = db
        .insert(table)
        // biome-ignore lint/suspicious/noExplicitAny: one helper for every table's rows
        .values(values as any)
        .prepare() as unknown as { run: (values: object) => unknown }
      byKeys.set(keys, statement)
    }
    statement.run(row)
    rows[name] = (rows[name] ?? 0) + 1
  }

  /** The instant of `hour:minute` local time on `date` (from the zone's offset at noon, so right for 3:00–23:59 on any day). */
  const noons = new Map<string, number>()
  const localAt = (zone: string, date: string, hour: number, minute: number) => {
    const key = `${zone}|${date}`
    let noon = noons.get(key)
    if (noon === undefined) {
      noon = localToUtc(`${date}T12:00`, zone).getTime()
      noons.set(key, noon)
    }
    return new Date(noon + (hour - 12) * 3_600_000 + minute * 60_000)
  }
  /** 0 = Monday … 6 = Sunday. */
  const weekdayOf = (date: string) => (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7

  /** A completed check-in: answers at `level` of each item's scale, scored, with their safety rules. */
  function checkIn(userId: string, at: Date, main: SubstanceId, level: number) {
    const assessmentId = uid()
    const substances: SubstanceId[] =
      main === 'alcohol' ? ['alcohol'] : [main, ...(chance(0.4) ? ['alcohol' as const] : [])]
    add(assessments, 'assessments', {
      id: assessmentId,
      userId,
      contentVersion: programme.version,
      substances,
      mainSubstance: main,
      startedAt: at,
      updatedAt: at,
      completedAt: at,
    })
    for (const step of buildBattery(programme, { substances, main })) {
      const instrument = programme.instruments[step.instrumentId]
      if (!instrument) continue
      const answers: Record<string, number> = {}
      for (const item of instrument.items) {
        const values = item.options.map((o) => o.value).sort((a, b) => a - b)
        const x = Math.min(1, Math.max(0, level + between(-0.25, 0.25)))
        // Thoughts of self-harm for a few (PHQ-9 item 9), so some safety flags come from check-ins.
        answers[item.id] =
          item.id === 'phq-9-9' ? (chance(0.04) ? 1 : 0) : (values[Math.round(x * (values.length - 1))] ?? 0)
      }
      const score = scoreInstrument(instrument, answers)
      const total = instrument.scoring.method === 'sum' ? score.total : null
      const response = (
        instrumentId: string,
        version: string,
        a: Record<string, number>,
        t: number | null,
        band?: string,
      ) =>
        add(assessmentResponses, 'assessment responses', {
          assessmentId,
          userId,
          instrumentId,
          instrumentVersion: version,
          answers: a,
          total: t,
          band: band ?? null,
          updatedAt: at,
          completedAt: at,
        })
      response(instrument.id, instrument.version, answers, total, score.band?.id)
      for (const rule of safetyRulesFired(instrument, answers, total))
        add(safetyEvents, 'safety events', { userId, rule, source: `assessment:${instrument.id}`, createdAt: at })
      const auditC = programme.instruments['audit-c']
      if (instrument.id === 'audit' && auditC) {
        const derived = deriveAuditC(programme, answers)
        response(auditC.id, auditC.version, derived.answers, derived.total, derived.band?.id)
      }
    }
  }

  const seededClients: DayClient[] = []
  const versions = new Map<string, string>()
  const pins = await Promise.all(paths.map(({ def }) => pinModuleVersion(db, def)))
  db.transaction((t) => {
    for (const pin of pins) writePin(t, pin)
  })
  paths.forEach(({ def }, i) => {
    const pin = pins[i]
    if (pin) versions.set(def.id, pin.id)
  })
  const dayModule = paths.find((p) => p.def.id === DAY_MODULE)
  if (!dayModule) throw new Error(`No module ${DAY_MODULE}`)

  const PER_TRANSACTION = 50
  for (let from = 0; from < clients; from += PER_TRANSACTION) {
    db.transaction(() => {
      for (let i = from; i < Math.min(clients, from + PER_TRANSACTION); i++) {
        const id = uid()
        const zone = pick(ZONES)
        const today = todayIn(zone, now)
        const joined = new Date(now.getTime() - (DAYS + whole(1, 20)) * DAY)
        const username = `day-client-${String(i).padStart(4, '0')}`
        const quiet = chance(0.12)
        const lastActive = new Date(now.getTime() - (quiet ? between(15, 45) : between(0, 3)) * DAY)
        add(users, 'users', {
          id,
          username,
          role: 'client',
          passphraseHash,
          createdAt: joined,
          updatedAt: joined,
          lastActiveAt: lastActive,
          timeZone: zone,
        })
        const at = (date: string, hour: number, minute: number) => localAt(zone, date, hour, minute)
        const stamp = (instant: Date, date: string, hour: number) => ({
          userId: id,
          occurredAt: instant,
          timeZone: zone,
          localDate: date,
          localHour: hour,
          localWeekday: weekdayOf(date),
          createdAt: instant,
          updatedAt: instant,
        })
        const main = pick(MAIN)
        const use = USE[main]

        // Goals: a stop or cut-down goal on the main substance from some weeks in, and (for half) a
        // lifestyle goal; check-ins on most days, more often than not "done".
        const goalStart = whole(20, 200)
        const goalId = uid()
        const stop = chance(0.6)
        const goalDate = addDays(today, goalStart - DAYS)
        add(goals, 'goals', {
          id: goalId,
          userId: id,
          what: stop ? `Stop using ${main}` : `Cut down on ${main}`,
          type: stop ? 'stop' : 'cut-down',
          substance: main,
          howMuch: stop ? null : 'Half what I do now',
          area: 'behaviours',
          createdAt: at(goalDate, 10, 0),
          updatedAt: at(goalDate, 10, 0),
        })
        const lifestyle = chance(0.5) ? uid() : null
        if (lifestyle)
          add(goals, 'goals', {
            id: lifestyle,
            userId: id,
            what: 'Walk for 20 minutes a day',
            type: 'lifestyle',
            area: 'lifestyle',
            createdAt: joined,
            updatedAt: joined,
          })

        const end = Math.min(now.getTime(), lastActive.getTime())
        for (let back = DAYS - 1; back >= 0; back--) {
          const date = addDays(today, -back)
          const dayEnd = (instant: Date) => instant.getTime() <= end
          const goalOn = DAYS - back >= goalStart
          // Urges: none to three a day; a very strong one now and then raises its safety event.
          for (let u = whole(0, 3); u > 0; u--) {
            const hour = whole(7, 23)
            const instant = at(date, hour, whole(0, 59))
            if (!dayEnd(instant)) continue
            const intensity = chance(0.005) ? whole(9, 10) : whole(2, 8)
            const outcome = chance(goalOn ? 0.7 : 0.45) ? 'rode-out' : chance(0.6) ? 'used' : null
            add(urges, 'urges', {
              ...stamp(instant, date, hour),
              intensity,
              trigger: chance(0.8) ? pick(triggers).id : null,
              coping: chance(0.6) ? [pick(copingStrategies).id] : [],
              outcome,
              usedSubstance: outcome === 'used' ? main : null,
            })
            if (intensity >= 9)
              add(safetyEvents, 'safety events', {
                userId: id,
                rule: 'very-high-urge',
                source: 'tracking:urge',
                createdAt: instant,
              })
          }
          // Use or "no use today" on most days; less use once the goal began. Not today: the
          // bench marks "no use today", which a day with use logged rightly refuses (409).
          const useHour = whole(17, 22)
          const instant = at(date, useHour, whole(0, 59))
          if (dayEnd(instant) && use && back > 0) {
            if (chance(goalOn ? (stop ? 0.08 : 0.3) : 0.55)) {
              const amount = Math.round(between(use.min, use.max) * 10) / 10
              add(useEntries, 'use entries', {
                ...stamp(instant, date, useHour),
                substance: main,
                amount,
                unit: use.unit,
                alcoholUnits: main === 'alcohol' ? amount : null,
                spendPence: Math.round(amount * use.pence),
              })
            } else if (chance(0.7)) add(useEntries, 'use entries', stamp(instant, date, useHour))
          }
          // Goal check-ins on about three days a week, the day before today at the latest (the
          // bench checks in today).
          if (back > 0 && dayEnd(instant)) {
            const outcome = () => pick(['done', 'done', 'partly', 'not'] as const)
            if (goalOn && chance(0.45))
              add(goalCheckIns, 'goal check-ins', {
                goalId,
                userId: id,
                localDate: date,
                outcome: outcome(),
                createdAt: instant,
                updatedAt: instant,
              })
            if (lifestyle && chance(0.3))
              add(goalCheckIns, 'goal check-ins', {
                goalId: lifestyle,
                userId: id,
                localDate: date,
                outcome: outcome(),
                createdAt: instant,
                updatedAt: instant,
              })
          }
        }

        // Check-ins: 2–13 over the year, spread out, scores drifting down (mostly) as time goes on.
        const sittings = whole(2, 13)
        let level = between(0.3, 0.8)
        for (let s = 0; s < sittings; s++) {
          const when = new Date(joined.getTime() + ((s + 0.5) / sittings) * (end - joined.getTime()))
          checkIn(id, when, main, level)
          level = Math.max(0, Math.min(1, level + (chance(0.3) ? 0.1 : -0.08)))
        }

        // Modules: some in progress, some finished; every fifth client on the bench module's first step.
        const inModule = i % 5 === 0
        for (const { def, states } of paths) {
          const fresh = inModule && def.id === DAY_MODULE
          if (!fresh && (def.id === DAY_MODULE || !chance(0.3))) continue
          const state = fresh
            ? states[0]
            : chance(0.45)
              ? states.at(-1)
              : states[whole(1, Math.max(1, states.length - 2))]
          if (!state) continue
          const { step, total } = progressOf(def, state)
          const started = new Date(between(joined.getTime(), end - DAY))
          const updated = new Date(Math.min(end, started.getTime() + between(0, 10) * DAY))
          add(moduleProgress, 'module progress', {
            userId: id,
            moduleId: def.id,
            moduleVersionId: versions.get(def.id) as string,
            state,
            stepNumber: step,
            stepTotal: total,
            startedAt: started,
            updatedAt: updated,
            completedAt: state.value === FINISHED ? updated : null,
          })
        }

        // Every fifth client (another fifth) is part-way through a check-in, on its first page.
        const assessing = i % 5 === 1
        if (assessing)
          add(assessments, 'assessments', {
            userId: id,
            contentVersion: programme.version,
            substances: ['alcohol'],
            mainSubstance: 'alcohol',
            startedAt: new Date(end),
            updatedAt: new Date(end),
          })
        seededClients.push({ id, username, goalId, inModule, assessing })
      }
    })
  }

  // Key workers: caseloads from 200 down to about 50, drawn from all clients; about half the
  // links share everything, the rest each scope with a chance of 0.6. A worker's first link
  // shares everything (the bench opens those pages most).
  const seededWorkers: DayWorker[] = []
  db.transaction(() => {
    for (let w = 0; w < workers; w++) {
      const id = uid()
      const username = `day-worker-${String(w).padStart(2, '0')}`
      const joined = new Date(now.getTime() - 400 * DAY)
      add(users, 'users', {
        id,
        username,
        role: 'keyworker',
        passphraseHash,
        createdAt: joined,
        updatedAt: joined,
        lastActiveAt: now,
      })
      const size = Math.min(seededClients.length, Math.max(1, 200 - Math.round((w * 150) / Math.max(1, workers - 1))))
      const order = seededClients.map((c) => c.id)
      for (let k = order.length - 1; k > 0; k--) {
        const j = Math.floor(random() * (k + 1))
        ;[order[k], order[j]] = [order[j] as string, order[k] as string]
      }
      const linkIds: string[] = []
      for (const clientId of order.slice(0, size)) {
        const all = linkIds.length === 0 || chance(0.5)
        const scopes = Object.fromEntries(SCOPES.map((s) => [s, all || chance(0.6)])) as Record<Scope, boolean>
        const linkedAt = new Date(now.getTime() - whole(20, 300) * DAY)
        const linkId = uid()
        add(careLinks, 'care links', {
          id: linkId,
          clientId,
          workerId: id,
          ...scopes,
          label: chance(0.3)
            ? `${pick(['A', 'B', 'D', 'J', 'K', 'M', 'S'])}. (${pick(['Mon', 'Tue', 'Thu'])} group)`
            : null,
          linkedAt,
          scopesChangedAt: linkedAt,
        })
        linkIds.push(linkId)
      }
      seededWorkers.push({ id, username, linkIds })
    }
  })
  rebuildLatestScores(db)
  return { clients: seededClients, workers: seededWorkers, rows }
}
