// A key worker's caseload for the benchmark and demos: `count` clients linked to the worker, with
// varied scopes and 60–90 days of believable history each: one or two check-ins scored by the
// real instruments (with the safety events their answers raise), modules in progress and done,
// urges and use, a stop goal for some (a few of whom lapse this week) and some who have gone
// quiet. Raw prepared inserts in one transaction (about a second for 200 clients), repeatable:
// every "random" choice comes from a fixed seed.

import {
  buildBattery,
  deriveAuditC,
  FINISHED,
  loadProgramme,
  localParts,
  type ModuleState,
  progressOf,
  type SubstanceId,
  safetyRulesFired,
  sampleAnswers,
  scoreInstrument,
  startModule,
  stepModule,
} from '#programme/engine/index.ts'
import type { Db } from './client.ts'
import { rebuildLatestScores } from './latest-scores.ts'
import { pinModuleVersion, writePin } from './module-versions.ts'
import { SCOPES, type Scope } from './schema/index.ts'
import { draws } from './seed-heavy.ts'

const DAY = 86_400_000
const HOUR = 3_600_000
/** Not an argon2 hash, so no passphrase ever matches it: these clients never sign in. */
const NO_SIGN_IN = 'seeded-client-cannot-sign-in'
export const ZONES = ['Europe/London', 'Europe/London', 'Europe/London', 'Europe/Dublin', 'America/New_York']
export const MAIN: SubstanceId[] = ['alcohol', 'alcohol', 'alcohol', 'cannabis', 'stimulants', 'opioids']
/** One occasion of use: unit, a typical amount and its price in pence. */
export const USE: Partial<Record<SubstanceId, { unit: string; min: number; max: number; pence: number }>> = {
  alcohol: { unit: 'units', min: 2, max: 12, pence: 250 },
  cannabis: { unit: 'grams', min: 0.5, max: 2, pence: 1000 },
  stimulants: { unit: 'grams', min: 0.2, max: 1, pence: 6000 },
  opioids: { unit: 'bags', min: 1, max: 3, pence: 1000 },
}

export type SeededLink = { linkId: string; clientId: string; username: string; scopes: Record<Scope, boolean> }

const INSERTS = {
  user: `insert into users (id, username, role, passphrase_hash, created_at, updated_at, last_active_at, time_zone)
    values (@id, @username, 'client', '${NO_SIGN_IN}', @joined, @joined, @lastActiveAt, @zone)`,
  link: `insert into care_links (id, client_id, worker_id, ${SCOPES.map((s) => `scope_${s}`).join(', ')}, label,
      created_at, scopes_changed_at)
    values (@id, @clientId, @workerId, ${SCOPES.map((s) => `@${s}`).join(', ')}, @label, @linkedAt, @linkedAt)`,
  assessment: `insert into assessments (id, user_id, content_version, substances, main_substance, created_at, updated_at,
      completed_at)
    values (@id, @userId, @version, @substances, @main, @ms, @ms, @ms)`,
  response: `insert into assessment_responses (id, assessment_id, user_id, instrument_id, instrument_version, answers,
      total, band, updated_at, completed_at)
    values (@id, @assessmentId, @userId, @instrumentId, @version, @answers, @total, @band, @ms, @ms)`,
  safety: `insert into safety_events (id, user_id, rule, source, created_at) values (@id, @userId, @rule, @source, @ms)`,
  module: `insert into module_progress (id, user_id, module_id, module_version_id, state, step_number, step_total,
      created_at, updated_at, completed_at)
    values (@id, @userId, @moduleId, @versionId, @state, @step, @total, @startedAt, @ms, @completedAt)`,
  goal: `insert into goals (id, user_id, what, type, substance, area, status, created_at, updated_at)
    values (@id, @userId, @what, 'stop', @substance, 'behaviours', 'active', @ms, @ms)`,
  urge: `insert into urges (id, user_id, occurred_at, time_zone, local_date, local_hour, local_weekday, intensity,
      trigger, coping, outcome, created_at, updated_at)
    values (@id, @userId, @ms, @zone, @date, @hour, @weekday, @intensity, @trigger, @coping, @outcome, @ms, @ms)`,
  use: `insert into use_entries (id, user_id, occurred_at, time_zone, local_date, local_hour, local_weekday, substance,
      amount, unit, alcohol_units, spend_pence, created_at, updated_at)
    values (@id, @userId, @ms, @zone, @date, @hour, @weekday, @substance, @amount, @unit, @units, @pence, @ms, @ms)`,
}

/** Each module's states along one path from the start to the end, walked with sample answers. */
export function modulePaths() {
  return Object.values(loadProgramme().modules).map((def) => {
    const states: ModuleState[] = [startModule(def, null)]
    for (let state = states[0]; state && state.value !== FINISHED && states.length < 100; ) {
      const step = def.steps.find((s) => s.id === state?.value)
      if (!step) break
      state = stepModule(def, state, { type: 'NEXT', answer: sampleAnswers(def, step)[0] })
      states.push(state)
    }
    return { def, states }
  })
}

export async function seedCaseload(db: Db, workerId: string, count = 200, now = new Date()): Promise<SeededLink[]> {
  const { chance, between, whole, pick } = draws(20_260_406)
  const programme = loadProgramme()
  const { triggers, copingStrategies } = programme.tracking
  const paths = modulePaths()
  const run = Object.fromEntries(Object.entries(INSERTS).map(([k, sql]) => [k, db.$client.prepare(sql)])) as Record<
    keyof typeof INSERTS,
    ReturnType<Db['$client']['prepare']>
  >
  const uid = () => crypto.randomUUID()
  const tag = workerId.slice(0, 8)
  const links: SeededLink[] = []

  /** Answers at `level` of each item's scale (0 lowest, 1 highest), scored, with their safety rules. */
  function checkIn(userId: string, ms: number, main: SubstanceId, level: number) {
    const assessmentId = uid()
    const substances: SubstanceId[] =
      main === 'alcohol' ? ['alcohol'] : [main, ...(chance(0.4) ? ['alcohol' as const] : [])]
    run.assessment.run({
      id: assessmentId,
      userId,
      version: programme.version,
      substances: JSON.stringify(substances),
      main,
      ms,
    })
    const response = (instrumentId: string, version: string, answers: object, total: number | null, band?: string) =>
      run.response.run({
        id: uid(),
        assessmentId,
        userId,
        instrumentId,
        version,
        answers: JSON.stringify(answers),
        total,
        band: band ?? null,
        ms,
      })
    for (const step of buildBattery(programme, { substances, main })) {
      const instrument = programme.instruments[step.instrumentId]
      if (!instrument) continue
      const answers: Record<string, number> = {}
      for (const item of instrument.items) {
        const values = item.options.map((o) => o.value).sort((a, b) => a - b)
        const at = Math.min(1, Math.max(0, level + between(-0.25, 0.25)))
        // Thoughts of self-harm for a few (PHQ-9 item 9), so some safety flags come from check-ins.
        const value = item.id === 'phq-9-9' ? (chance(0.06) ? 1 : 0) : values[Math.round(at * (values.length - 1))]
        answers[item.id] = value ?? 0
      }
      const score = scoreInstrument(instrument, answers)
      const summed = instrument.scoring.method === 'sum'
      response(instrument.id, instrument.version, answers, summed ? score.total : null, score.band?.id)
      for (const rule of safetyRulesFired(instrument, answers, summed ? score.total : null))
        run.safety.run({ id: uid(), userId, rule, source: `assessment:${instrument.id}`, ms })
      const auditC = programme.instruments['audit-c']
      if (instrument.id === 'audit' && auditC) {
        const derived = deriveAuditC(programme, answers)
        response(auditC.id, auditC.version, derived.answers, derived.total, derived.band?.id)
      }
    }
  }

  const pins = await Promise.all(paths.map(({ def }) => pinModuleVersion(db, def)))
  const versions = new Map(paths.map(({ def }, i) => [def.id, pins[i]?.id]))
  db.transaction((tx) => {
    for (const pin of pins) writePin(tx, pin)
    for (let i = 0; i < count; i++) {
      const clientId = uid()
      const zone = pick(ZONES)
      const linkedAt = now.getTime() - whole(20, 120) * DAY
      // About one in six has gone quiet for more than two weeks; a few never came back at all.
      const quiet = chance(0.16)
      const lastActive = quiet ? now.getTime() - between(15, 45) * DAY : now.getTime() - between(0, 10) * DAY
      const lastActiveAt = quiet && chance(0.15) ? null : lastActive
      const historyDays = whole(60, 90)
      const start = now.getTime() - historyDays * DAY
      const username = `client-${tag}-${String(i).padStart(3, '0')}`
      // The first client shares everything (the benchmark opens their page); about half do.
      const all = i === 0 || chance(0.5)
      const scopes = Object.fromEntries(SCOPES.map((s) => [s, all || chance(0.6)])) as Record<Scope, boolean>
      const sqlScopes = Object.fromEntries(SCOPES.map((s) => [s, scopes[s] ? 1 : 0]))
      const label = chance(0.3)
        ? `${pick(['A', 'B', 'D', 'J', 'K', 'M', 'S'])}. (${pick(['Mon', 'Tue', 'Thu'])} group)`
        : null
      run.user.run({ id: clientId, username, joined: start - 5 * DAY, lastActiveAt, zone })
      const linkId = uid()
      run.link.run({ id: linkId, clientId, workerId, ...sqlScopes, label, linkedAt })
      links.push({ linkId, clientId, username, scopes })
      const main = pick(MAIN)
      const end = Math.min(now.getTime(), lastActive)

      // Check-ins: most have two, four to eight weeks apart; about a third of second ones are worse.
      const sittings = chance(0.12) ? 0 : chance(0.2) ? 1 : 2
      const level = between(0.1, 0.7)
      const first = start + whole(1, 5) * DAY
      const second = first + whole(28, 56) * DAY
      if (sittings > 0) checkIn(clientId, first, main, level)
      if (sittings > 1 && second < end) checkIn(clientId, second, main, level + (chance(0.35) ? 0.25 : -0.2))

      for (const { def, states } of paths) {
        if (!chance(0.2)) continue
        const finished = chance(0.4)
        const state = finished ? states.at(-1) : states[whole(1, Math.max(1, states.length - 2))]
        if (!state) continue
        const { step, total } = progressOf(def, state)
        const startedAt = between(start, end - DAY)
        const ms = Math.min(end, startedAt + between(0, 10) * DAY)
        run.module.run({
          id: uid(),
          userId: clientId,
          moduleId: def.id,
          versionId: versions.get(def.id),
          state: JSON.stringify(state),
          step,
          total,
          startedAt,
          ms,
          completedAt: state.value === FINISHED ? ms : null,
        })
      }

      // A stop goal for about two in five, set a few weeks in; a third of those lapse this week.
      const goalAt = chance(0.4) ? start + whole(10, 40) * DAY : null
      const lapse = chance(0.35)
      if (goalAt) {
        const substance = chance(0.8) ? main : null
        const what = substance === 'alcohol' ? 'Stop drinking' : substance ? `Stop using ${substance}` : 'Stop using'
        run.goal.run({ id: uid(), userId: clientId, what, substance, ms: goalAt })
      }
      const use = USE[main]
      for (let day = start; day <= end; day += DAY) {
        const stamp = (ms: number) => {
          const parts = localParts(new Date(ms), zone)
          return { id: uid(), userId: clientId, ms, zone, date: parts.date, hour: parts.hour, weekday: parts.weekday }
        }
        const midnight = day - (day % DAY)
        for (let u = whole(0, 2); u > 0; u--) {
          const ms = midnight + whole(7, 23) * HOUR + whole(0, 59) * 60_000
          if (ms > end) continue
          const intensity = chance(0.006) ? whole(9, 10) : whole(2, 8)
          run.urge.run({
            ...stamp(ms),
            intensity,
            trigger: chance(0.8) ? pick(triggers).id : null,
            coping: JSON.stringify(chance(0.6) ? [pick(copingStrategies).id] : []),
            outcome: chance(0.6) ? 'rode-out' : chance(0.6) ? 'used' : null,
          })
          // The urge log raises this for every urge of 9 or 10 (CLINICAL.md).
          if (intensity >= 9)
            run.safety.run({ id: uid(), userId: clientId, rule: 'very-high-urge', source: 'tracking:urge', ms })
        }
        const ms = midnight + whole(17, 22) * HOUR
        if (ms > end || !use) continue
        const stopping = goalAt !== null && day >= goalAt
        const thisWeek = now.getTime() - day < 7 * DAY
        if (chance(stopping ? (lapse && thisWeek ? 0.5 : 0.04) : 0.5)) {
          const amount = Math.round(between(use.min, use.max) * 10) / 10
          const units = main === 'alcohol' ? amount : null
          run.use.run({
            ...stamp(ms),
            substance: main,
            amount,
            unit: use.unit,
            units,
            pence: Math.round(amount * use.pence),
          })
        } else if (chance(0.6)) {
          run.use.run({ ...stamp(ms), substance: null, amount: null, unit: null, units: null, pence: null })
        }
      }
    }
  })
  rebuildLatestScores(db)
  return links
}
