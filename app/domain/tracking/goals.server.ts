// Goals on the tracking side: set a SMART goal (the same answer schema as a module's goal step),
// edit it, check in on it (done / partly / not, one per day or one per week, in the client's own
// days), mark it done or drop it, and see its history. Goals from modules appear here too.
import { and, between, desc, eq, ne, sql } from 'drizzle-orm'
import { z } from 'zod'
import { timeZoneOf } from '#app/domain/accounts/account.server.ts'
import { goalSafety } from '#app/domain/assessment/safety-facts.server.ts'
import { selfHarmEvent } from '#app/domain/safety/free-text.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import { longDate, weekdayDate } from '#app/utils/format.ts'
import { getDb } from '#db/client.ts'
import { prepared } from '#db/prepared.ts'
import { goalCheckIns, goals, safetyEvents } from '#db/schema/index.ts'
import { namedStatement } from '#db/sqlite.ts'
import { goalFreeText, todayIn } from '#programme/engine/index.ts'
import { NOTE_MAX } from './forms.server.ts'
import { checkInPeriod, type GoalForm } from './goal-form.ts'

export const CheckInSchema = z.object({
  goal: z.string().min(1, 'Choose a goal'),
  outcome: z.enum(['done', 'partly', 'not'], { error: 'Choose how it went: done, partly or not' }),
  note: z.string().trim().max(NOTE_MAX, `Please keep this under ${NOTE_MAX} characters`).optional(),
})
export type CheckIn = z.infer<typeof CheckInSchema>

/** Check-ins shown per goal: enough for a history at a glance; the export has them all. */
const HISTORY = 10

// Each goal's check-ins as the list needs them, newest first: its latest HISTORY (one a day or a
// week, so a year of daily check-ins is hundreds of rows, of which 10 show) and any since
// `@since`, where the current period of any goal begins, for "checked in".
type CheckInRow = { goalId: string; localDate: string; outcome: 'done' | 'partly' | 'not'; note: string | null }
const checkInsForList = namedStatement<{ userId: string; history: number; since: string }, CheckInRow>(
  `select goalId, localDate, outcome, note from (
    select goal_id as goalId, local_date as localDate, outcome, note,
      row_number() over (partition by goal_id order by local_date desc) as newest
    from goal_check_ins
    where user_id = @userId and goal_id in (select id from goals where user_id = @userId))
  where newest <= @history or localDate >= @since
  order by localDate desc`,
)

const goalsQuery = prepared((db) =>
  db
    .select()
    .from(goals)
    .where(eq(goals.userId, sql.placeholder('userId')))
    .orderBy(desc(goals.createdAt))
    .prepare(),
)

export async function listGoals(userId: string) {
  const rows = await goalsQuery().all({ userId })
  const today = todayIn(await timeZoneOf(userId), clock.now())
  // A week's period begins on or before a day's (today), so this covers every goal's.
  const since = checkInPeriod('weekly', today).from
  const checkIns = rows.length === 0 ? [] : await checkInsForList.all({ userId, history: HISTORY, since })
  return rows
    .map((g) => {
      const own = checkIns.filter((c) => c.goalId === g.id)
      const period = checkInPeriod(g.frequency, today)
      return {
        id: g.id,
        what: g.what,
        type: g.type,
        substance: g.substance,
        howMuch: g.howMuch,
        byWhen: g.byWhen,
        frequency: g.frequency,
        why: g.why,
        status: g.status,
        fromModule: g.source?.startsWith('module:') ?? false,
        /** Checked in today (a daily goal) or this week (a weekly one): the next check-in replaces it. */
        checkedIn: own.some((c) => c.localDate >= period.from && c.localDate <= period.to),
        history: own.slice(0, HISTORY).map((c) => ({
          date: c.localDate,
          /** "Tue 1 Dec 2026"; a weekly goal's check-in stands for its week: "Week of 30 Nov 2026". */
          when:
            g.frequency === 'weekly'
              ? `Week of ${longDate(checkInPeriod('weekly', c.localDate).from)}`
              : weekdayDate(c.localDate),
          outcome: c.outcome,
          note: c.note,
        })),
      }
    })
    .sort((a, b) => Number(a.status !== 'active') - Number(b.status !== 'active'))
}

/**
 * Saves a new goal; returns the safety warning it calls for, if any (H-012, H-015), and whether
 * its words call for the support panel (H-027).
 */
export async function createGoal(userId: string, goal: GoalForm, now = clock.now()) {
  // Read and decided first; the transaction only writes.
  const safety = await goalSafety(userId, goal)
  const selfHarm = await selfHarmEvent(userId, 'goal-note', goalFreeText(goal), now)
  const id = crypto.randomUUID()
  getDb().transaction((tx) => {
    tx.insert(goals)
      .values({
        id,
        userId,
        ...goal,
        substance: goal.substance ?? null,
        howMuch: goal.howMuch ?? null,
        byWhen: goal.byWhen ?? null,
        why: goal.why ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .run()
    if (selfHarm) tx.insert(safetyEvents).values(selfHarm).run()
  })
  return { id, selfHarmWords: selfHarm !== null, safety }
}

/** One of the client's goals as its edit and delete pages show it; null if it is not theirs. */
export async function getGoal(userId: string, goalId: string) {
  const goal = await getDb()
    .select()
    .from(goals)
    .where(and(eq(goals.id, goalId), eq(goals.userId, userId)))
    .get()
  if (!goal) return null
  const checkIns = await getDb()
    .select({ id: goalCheckIns.id })
    .from(goalCheckIns)
    .where(and(eq(goalCheckIns.goalId, goalId), eq(goalCheckIns.userId, userId)))
    .all()
  return { ...goal, checkIns: checkIns.length }
}

/**
 * Changes one of the client's goals, with the same checks as setting one: its safety warning
 * (H-012, H-015, H-044) and self-harm words (H-027). Null if there is no such goal of theirs.
 */
export async function updateGoal(userId: string, goalId: string, goal: GoalForm, now = clock.now()) {
  const safety = await goalSafety(userId, goal)
  const selfHarm = await selfHarmEvent(userId, 'goal-note', goalFreeText(goal), now)
  const values = {
    ...goal,
    substance: goal.substance ?? null,
    howMuch: goal.howMuch ?? null,
    byWhen: goal.byWhen ?? null,
    why: goal.why ?? null,
    updatedAt: now,
  }
  const changed = getDb().transaction((tx) => {
    const done = tx
      .update(goals)
      .set(values)
      .where(and(eq(goals.id, goalId), eq(goals.userId, userId)))
      .run()
    // Not theirs (or gone): nothing was written, and no event is either.
    if (done.changes === 1 && selfHarm) tx.insert(safetyEvents).values(selfHarm).run()
    return done.changes === 1
  })
  return changed ? { selfHarmWords: selfHarm !== null, safety } : null
}

/**
 * This period's check-in on one of the client's goals: today's for a daily goal, this week's
 * (Monday to Sunday, their days) for a weekly one; a second one in the period replaces the first.
 * False if there is no such goal of theirs; otherwise whether the note calls for the support panel
 * (H-027).
 */
export async function checkInGoal(
  userId: string,
  input: CheckIn,
  now = clock.now(),
): Promise<false | { selfHarmWords: boolean }> {
  const goal = await getDb()
    .select({ id: goals.id, frequency: goals.frequency })
    .from(goals)
    .where(and(eq(goals.id, input.goal), eq(goals.userId, userId)))
    .get()
  if (!goal) return false
  const localDate = todayIn(await timeZoneOf(userId), now)
  const period = checkInPeriod(goal.frequency, localDate)
  const values = { outcome: input.outcome, note: input.note || null, updatedAt: now }
  const selfHarm = await selfHarmEvent(userId, 'goal-note', [values.note], now)
  getDb().transaction((tx) => {
    // A weekly goal's earlier check-in this week is replaced: removed here, in the same write
    // batch as today's, so the week never holds two.
    if (period.from !== period.to)
      tx.delete(goalCheckIns)
        .where(
          and(
            eq(goalCheckIns.goalId, goal.id),
            between(goalCheckIns.localDate, period.from, period.to),
            ne(goalCheckIns.localDate, localDate),
          ),
        )
        .run()
    tx.insert(goalCheckIns)
      .values({ goalId: goal.id, userId, localDate, createdAt: now, ...values })
      .onConflictDoUpdate({ target: [goalCheckIns.goalId, goalCheckIns.localDate], set: values })
      .run()
    if (selfHarm) tx.insert(safetyEvents).values(selfHarm).run()
  })
  return { selfHarmWords: selfHarm !== null }
}

export async function setGoalStatus(
  userId: string,
  goalId: string,
  status: 'active' | 'done' | 'dropped',
): Promise<boolean> {
  const done = await getDb()
    .update(goals)
    .set({ status, updatedAt: clock.now() })
    .where(and(eq(goals.id, goalId), eq(goals.userId, userId)))
    .run()
  return done.changes === 1
}

export async function deleteGoal(userId: string, goalId: string): Promise<boolean> {
  const done = await getDb()
    .delete(goals)
    .where(and(eq(goals.id, goalId), eq(goals.userId, userId)))
    .run()
  return done.changes === 1
}
