// The "use after a break" safety rule on the server (CLINICAL.md; hazard H-026): when a new
// use-diary entry is saved, read the facts the engine's rule needs (`usedAfterBreak` in
// programme/engine/tracking/use-after-break.ts) before the save, and if it fires, the save's
// transaction inserts a `use-after-break` safety event (source `tracking:use`) with the entry,
// for key workers the client shares tracking with. The page the save lands on shows the
// tolerance warning when the entry has that event (`afterBreakWarning`).
//
// Only a new entry raises it, never an edit: an edit corrects an entry that was already checked
// when it was logged, and one break is one event. (A correction from, say, cannabis to opioids
// therefore gives no warning: recorded as a residual risk in H-026.)

import { and, between, desc, eq, gt, isNotNull, isNull, lte, or } from 'drizzle-orm'
import { dependenceSigns, namedSubstances } from '#app/domain/assessment/safety-facts.server.ts'
import { getDb } from '#db/client.ts'
import { goals, safetyEvents, useEntries } from '#db/schema/index.ts'
import { addDays, todayIn } from '#programme/engine/index.ts'
import {
  BREAK_DAYS,
  type BreakFacts,
  breakRiskSubstance,
  usedAfterBreak,
} from '#programme/engine/tracking/use-after-break.ts'

type Entry = { substance: string | null; amount: number | null; localDate: string; timeZone: string }

export const USE_AFTER_BREAK_RULE = 'use-after-break'
const SOURCE = 'tracking:use'

const DIARY_ROW = { date: useEntries.localDate, substance: useEntries.substance, amount: useEntries.amount }

/** The last use on or before `to`, of `substance` or (null) of anything. */
function lastUse(userId: string, to: string, substance: string | null) {
  return getDb()
    .select(DIARY_ROW)
    .from(useEntries)
    .where(
      and(
        eq(useEntries.userId, userId),
        lte(useEntries.localDate, to),
        isNotNull(useEntries.substance),
        or(isNull(useEntries.amount), gt(useEntries.amount, 0)),
        substance === null ? undefined : eq(useEntries.substance, substance),
      ),
    )
    .orderBy(desc(useEntries.localDate))
    .limit(1)
    .get()
}

/**
 * What the rule reads about a new entry, before it is written (so the diary leaves it out):
 * every diary row in the gap before the entry's day (and on it), and the last use on or before
 * that day of the substance and of anything (a stop goal's streak).
 */
async function breakFacts(userId: string, entry: Entry): Promise<BreakFacts> {
  const to = entry.localDate
  const db = getDb()
  const [gap, lastOfSubstance, lastOfAny, stopGoals] = await Promise.all([
    db
      .select(DIARY_ROW)
      .from(useEntries)
      .where(and(eq(useEntries.userId, userId), between(useEntries.localDate, addDays(to, -BREAK_DAYS), to)))
      .all(),
    lastUse(userId, to, entry.substance),
    lastUse(userId, to, null),
    db
      .select({ substance: goals.substance, createdAt: goals.createdAt })
      .from(goals)
      .where(and(eq(goals.userId, userId), eq(goals.type, 'stop'), eq(goals.status, 'active')))
      .all(),
  ])
  // Only alcohol needs the dependence signs; null (no check-in yet) counts as "may have them".
  const dependence =
    entry.substance === 'alcohol'
      ? (await namedSubstances(userId)) === null
        ? null
        : await dependenceSigns(userId)
      : false
  return {
    entry: { substance: entry.substance, amount: entry.amount, date: to },
    diary: [...gap, ...[lastOfSubstance, lastOfAny].filter((row) => row !== undefined)],
    stopGoals: stopGoals.map(({ substance, createdAt }) => ({
      substance,
      startedOn: todayIn(entry.timeZone, createdAt),
    })),
    dependenceSigns: dependence,
  }
}

/**
 * Checks a new use entry against the rule before it is saved: the safety event to insert with
 * it when the rule fires (the page then shows the warning), or null.
 */
export async function afterBreakEvent(
  userId: string,
  entry: Entry,
  now: Date,
): Promise<(typeof safetyEvents.$inferInsert & { id: string }) | null> {
  // Cheap first: most entries are of a substance the rule never covers.
  if (!breakRiskSubstance(entry.substance, entry.substance === 'alcohol' ? null : false)) return null
  if (usedAfterBreak(await breakFacts(userId, entry)) === null) return null
  return { id: crypto.randomUUID(), userId, rule: USE_AFTER_BREAK_RULE, source: SOURCE, createdAt: now }
}

/**
 * Whether the use entry created at `createdAt` raised the rule: its event is written in the same
 * transaction with the same time. The page a new entry lands on shows the warning from this, so
 * nothing about it travels in the address.
 */
export async function afterBreakWarning(userId: string, createdAt: Date): Promise<boolean> {
  const found = await getDb()
    .select({ id: safetyEvents.id })
    .from(safetyEvents)
    .where(
      and(
        eq(safetyEvents.userId, userId),
        eq(safetyEvents.rule, USE_AFTER_BREAK_RULE),
        eq(safetyEvents.source, SOURCE),
        eq(safetyEvents.createdAt, createdAt),
      ),
    )
    .limit(1)
    .get()
  return found !== undefined
}
