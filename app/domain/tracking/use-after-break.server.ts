// The "use after a break" safety rule on the server (CLINICAL.md; hazard H-026): when a new
// use-diary entry is saved, read the facts the engine's rule needs (`usedAfterBreak` in
// programme/engine/tracking/use-after-break.ts), and if it fires, raise a `use-after-break`
// safety event (source `tracking:use`) in the same transaction, for key workers the client
// shares tracking with. The page the save lands on shows the tolerance warning when the entry
// has that event (`afterBreakWarning`).
//
// Only a new entry raises it, never an edit: an edit corrects an entry that was already checked
// when it was logged, and one break is one event. (A correction from, say, cannabis to opioids
// therefore gives no warning: recorded as a residual risk in H-026.)

import { dependenceSigns, namedSubstances } from '#app/domain/assessment/safety-facts.server.ts'
import type { Db } from '#db/client.ts'
import { prepared } from '#db/prepared.ts'
import { safetyEvents } from '#db/schema/index.ts'
import { addDays, todayIn } from '#programme/engine/index.ts'
import {
  BREAK_DAYS,
  type BreakFacts,
  breakRiskSubstance,
  usedAfterBreak,
} from '#programme/engine/tracking/use-after-break.ts'

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
type Entry = { substance: string | null; amount: number | null; localDate: string; timeZone: string }

export const USE_AFTER_BREAK_RULE = 'use-after-break'
const SOURCE = 'tracking:use'

type DiaryRow = BreakFacts['diary'][number]
// The rows the rule needs: every diary row in the gap before the entry's day (and on it), and
// the last use on or before that day of the substance and of anything (a stop goal's streak).
const USE = '(amount is null or amount > 0)'
const gapRows = prepared((db) =>
  db.$client.prepare<[{ userId: string; from: string; to: string }], DiaryRow>(
    `select local_date as date, substance, amount from use_entries
    where user_id = @userId and local_date between @from and @to`,
  ),
)
const lastUse = prepared((db) =>
  db.$client.prepare<[{ userId: string; to: string; substance: string | null }], DiaryRow>(
    `select local_date as date, substance, amount from use_entries
    where user_id = @userId and local_date <= @to and substance is not null and ${USE}
      and (@substance is null or substance = @substance)
    order by local_date desc limit 1`,
  ),
)
const activeStopGoals = prepared((db) =>
  db.$client.prepare<[{ userId: string }], { substance: string | null; createdAt: number }>(
    `select substance, created_at as createdAt from goals where user_id = @userId and type = 'stop' and status = 'active'`,
  ),
)

/** What the rule reads about a new entry, before it is written (so the diary leaves it out). */
function breakFacts(userId: string, entry: Entry): BreakFacts {
  const to = entry.localDate
  const diary = [
    ...gapRows().all({ userId, from: addDays(to, -BREAK_DAYS), to }),
    ...[
      lastUse().get({ userId, to, substance: entry.substance }),
      lastUse().get({ userId, to, substance: null }),
    ].filter((row) => row !== undefined),
  ]
  const stopGoals = activeStopGoals()
    .all({ userId })
    .map(({ substance, createdAt }) => ({ substance, startedOn: todayIn(entry.timeZone, new Date(createdAt)) }))
  // Only alcohol needs the dependence signs; null (no check-in yet) counts as "may have them".
  const dependence =
    entry.substance === 'alcohol' ? (namedSubstances(userId) === null ? null : dependenceSigns(userId)) : false
  return {
    entry: { substance: entry.substance, amount: entry.amount, date: to },
    diary,
    stopGoals,
    dependenceSigns: dependence,
  }
}

/**
 * Checks a new use entry against the rule before it is inserted, in the transaction that saves
 * it, and raises the safety event when it fires. Returns whether the warning must show.
 */
export function raiseUseAfterBreak(tx: Tx, userId: string, entry: Entry, now: Date): boolean {
  // Cheap first: most entries are of a substance the rule never covers.
  if (!breakRiskSubstance(entry.substance, entry.substance === 'alcohol' ? null : false)) return false
  if (usedAfterBreak(breakFacts(userId, entry)) === null) return false
  tx.insert(safetyEvents).values({ userId, rule: USE_AFTER_BREAK_RULE, source: SOURCE, createdAt: now }).run()
  return true
}

const eventAt = prepared((db) =>
  db.$client.prepare<[{ userId: string; at: number }], { id: string }>(
    `select id from safety_events
    where user_id = @userId and rule = '${USE_AFTER_BREAK_RULE}' and source = '${SOURCE}' and created_at = @at limit 1`,
  ),
)

/**
 * Whether the use entry created at `createdAt` raised the rule: its event is written in the same
 * transaction with the same time. The page a new entry lands on shows the warning from this, so
 * nothing about it travels in the address.
 */
export function afterBreakWarning(userId: string, createdAt: Date): boolean {
  return eventAt().get({ userId, at: createdAt.getTime() }) !== undefined
}
