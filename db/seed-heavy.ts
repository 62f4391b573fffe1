// A heavy client for the benchmark: a year of daily use entries, about three urges a day and two
// goals with weekly check-ins, so that the progress dashboard is measured at its 365-day worst.
// Written in one transaction with raw prepared inserts (well under a second), and repeatable:
// the "random" choices come from a fixed seed.
import { eq } from 'drizzle-orm'
import { addDays, loadProgramme, localParts, localToUtc, todayIn } from '#programme/engine/index.ts'
import type { Db } from './client.ts'
import { users } from './schema/index.ts'

const DAYS = 365
/** The stop goal began this many days ago, and the client has not drunk for the last SOBER_DAYS. */
const STOP_GOAL_AGE = 120
const SOBER_DAYS = 12

/** mulberry32: a tiny seeded generator, so every bench run seeds the same data. */
export function generator(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The seeded generator with the draws the seeds make from it. */
export function draws(seed: number) {
  const random = generator(seed)
  const between = (min: number, max: number) => min + random() * (max - min)
  return {
    random,
    chance: (p: number) => random() < p,
    between,
    whole: (min: number, max: number) => Math.floor(between(min, max + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T,
  }
}

const DRINKS = [
  { units: 3.0, pence: 520 }, // a pint of higher-strength lager
  { units: 2.1, pence: 650 }, // a standard glass of wine
  { units: 10.1, pence: 900 }, // a bottle of wine
  { units: 2.4, pence: 180 }, // a can
]

const WHEN = 'id, user_id, occurred_at, time_zone, local_date, local_hour, local_weekday'
const WHEN_VALUES = '@id, @userId, @ms, @zone, @date, @hour, @weekday'

export type HeavySeedCounts = { urges: number; useEntries: number; checkIns: number; goals: number }

export function seedHeavyClient(db: Db, userId: string, now = new Date()): HeavySeedCounts {
  const random = generator(20_260_401)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const { tracking } = loadProgramme()
  const triggers = tracking.triggers.map((t) => t.id)
  const coping = tracking.copingStrategies.map((c) => c.id)
  // A few strategies are used far more often, so "what worked" has a clear top five.
  const favourites = coping.slice(0, 5)
  const zone =
    db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId)).get()?.timeZone ?? 'Europe/London'
  const today = todayIn(zone, now)
  /** A new row's id, owner and time, stamped as the tracking code stamps them. */
  const at = (date: string, hour: number, minute: number) => {
    const instant = localToUtc(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, zone)
    const parts = localParts(instant, zone)
    const ms = instant.getTime()
    return { id: crypto.randomUUID(), userId, zone, ms, date: parts.date, hour: parts.hour, weekday: parts.weekday }
  }
  const sqlite = db.$client
  const insertUrge = sqlite.prepare(
    `insert into urges (${WHEN}, intensity, trigger, coping, outcome, used_substance, used_amount, used_unit,
      created_at, updated_at)
    values (${WHEN_VALUES}, @intensity, @trigger, @coping, @outcome, @usedSubstance, @usedAmount, @usedUnit, @ms, @ms)`,
  )
  const insertUse = sqlite.prepare(
    `insert into use_entries (${WHEN}, substance, amount, unit, alcohol_units, spend_pence, created_at, updated_at)
    values (${WHEN_VALUES}, @substance, @units, @unit, @units, @pence, @ms, @ms)`,
  )
  const insertGoal = sqlite.prepare(
    `insert into goals (id, user_id, what, type, substance, area, status, created_at, updated_at)
    values (@id, @userId, @what, @type, @substance, @area, 'active', @ms, @ms)`,
  )
  const insertCheckIn = sqlite.prepare(
    `insert into goal_check_ins (id, goal_id, user_id, local_date, outcome, created_at, updated_at)
    values (@id, @goalId, @userId, @date, @outcome, @ms, @ms)`,
  )
  const counts: HeavySeedCounts = { urges: 0, useEntries: 0, checkIns: 0, goals: 2 }
  sqlite.transaction(() => {
    const stop = at(addDays(today, -STOP_GOAL_AGE), 10, 0)
    const walk = at(addDays(today, 1 - DAYS), 10, 0)
    insertGoal.run({ ...stop, what: 'Stop drinking', type: 'stop', substance: 'alcohol', area: 'behaviours' })
    insertGoal.run({
      ...walk,
      what: 'Walk for 20 minutes a day',
      type: 'lifestyle',
      substance: null,
      area: 'lifestyle',
    })
    for (let back = DAYS - 1; back >= 0; back--) {
      const date = addDays(today, -back)
      const sober = back < SOBER_DAYS
      const stopping = back < STOP_GOAL_AGE
      // Use: most days drink (less often once the stop goal begins), most other days say "no use".
      const drinks = sober ? 0 : random() < (stopping ? 0.35 : 0.8) ? 1 + Math.floor(random() * 3) : 0
      for (let d = 0; d < drinks; d++) {
        const { units, pence } = pick(DRINKS)
        insertUse.run({
          ...at(date, 17 + d * 2, Math.floor(random() * 60)),
          substance: 'alcohol',
          unit: 'units',
          units,
          pence,
        })
        counts.useEntries++
      }
      if (drinks === 0 && random() < 0.9) {
        insertUse.run({ ...at(date, 21, 0), substance: null, unit: null, units: null, pence: null })
        counts.useEntries++
      }
      // Urges: two to four a day, across the day, mostly ridden out once the goal begins.
      const urgeCount = 2 + Math.floor(random() * 3)
      for (let u = 0; u < urgeCount; u++) {
        const when = at(date, Math.min(23, 7 + u * 5 + Math.floor(random() * 4)), Math.floor(random() * 60))
        const roll = random()
        const outcome = roll < (stopping ? 0.75 : 0.5) ? 'rode-out' : roll < 0.92 && !sober ? 'used' : null
        const tried = Array.from({ length: Math.floor(random() * 3) }, () =>
          random() < 0.7 ? pick(favourites) : pick(coping),
        )
        const used = outcome === 'used'
        insertUrge.run({
          ...when,
          intensity: 1 + Math.floor(random() * 10),
          trigger: random() < 0.85 ? pick(triggers) : null,
          coping: JSON.stringify([...new Set(tried)]),
          outcome,
          usedSubstance: used ? 'alcohol' : null,
          usedAmount: used ? 2 : null,
          usedUnit: used ? 'units' : null,
        })
        counts.urges++
      }
      // Weekly check-ins on each goal since it began.
      if (back % 7 === 0) {
        const outcome = () => pick(['done', 'done', 'partly', 'not'] as const)
        if (stopping) {
          insertCheckIn.run({ ...at(date, 20, 0), goalId: stop.id, date, outcome: sober ? 'done' : outcome() })
          counts.checkIns++
        }
        insertCheckIn.run({ ...at(date, 20, 0), goalId: walk.id, date, outcome: outcome() })
        counts.checkIns++
      }
    }
  })()
  return counts
}
