// Tracking: urges and use as the client logs them, and check-ins on their goals. Each entry
// keeps its UTC instant and the time zone it was logged in, with the local date, hour and
// weekday worked out once at write time, so days are counted in the client's own zone (across
// daylight-saving changes and moves) and every aggregate is a plain indexed GROUP BY.
import { sql } from 'drizzle-orm'
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, id, timestamp, updatedAt } from './columns.ts'
import { goals } from './modules.ts'
import { users } from './users.ts'

const when = () => ({
  occurredAt: timestamp('occurred_at').notNull(),
  timeZone: text('time_zone').notNull(),
  /** YYYY-MM-DD in `timeZone`. */
  localDate: text('local_date').notNull(),
  /** 0–23 in `timeZone`. */
  localHour: integer('local_hour').notNull(),
  /** 0 = Monday … 6 = Sunday, in `timeZone`. */
  localWeekday: integer('local_weekday').notNull(),
})

export const urges = sqliteTable(
  'urges',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ...when(),
    intensity: integer('intensity').notNull(),
    trigger: text('trigger'),
    triggerNote: text('trigger_note'),
    place: text('place'),
    withWhom: text('with_whom'),
    feeling: text('feeling'),
    thought: text('thought'),
    /** Coping strategy ids from the content list. */
    coping: text('coping', { mode: 'json' }).$type<string[]>().notNull().default([]),
    copingNote: text('coping_note'),
    outcome: text('outcome', { enum: ['rode-out', 'used'] }),
    usedSubstance: text('used_substance'),
    usedAmount: real('used_amount'),
    usedUnit: text('used_unit'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('urges_user_date_idx').on(t.userId, t.localDate),
    // With the intensity, the caseload's strong urges of the week are read from the index alone.
    index('urges_user_occurred_idx').on(t.userId, t.occurredAt, t.intensity),
  ],
)

/** One occasion of use, or a "no use today" day (substance null). */
export const useEntries = sqliteTable(
  'use_entries',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ...when(),
    substance: text('substance'),
    amount: real('amount'),
    unit: text('unit'),
    /** UK units, for alcohol: computed from the drink (ml × ABV / 1000) or entered as units. */
    alcoholUnits: real('alcohol_units'),
    spendPence: integer('spend_pence'),
    note: text('note'),
    /** After a lapse: what happened and what the client learned (short; issue 15 §5, H-041). */
    lapseNote: text('lapse_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('use_entries_user_date_idx').on(t.userId, t.localDate),
    index('use_entries_user_occurred_idx').on(t.userId, t.occurredAt),
    // "No use today" once a day, even when two posts race (logNoUse inserts with onConflictDoNothing).
    uniqueIndex('use_entries_no_use_once_a_day')
      .on(t.userId, t.localDate)
      .where(sql`substance is null`),
  ],
)

export const goalCheckIns = sqliteTable(
  'goal_check_ins',
  {
    id: id(),
    goalId: text('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The day checked in on, YYYY-MM-DD in the client's zone: one check-in per goal per day. */
    localDate: text('local_date').notNull(),
    outcome: text('outcome', { enum: ['done', 'partly', 'not'] }).notNull(),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('goal_check_ins_goal_date_unique').on(t.goalId, t.localDate),
    index('goal_check_ins_user_date_idx').on(t.userId, t.localDate),
  ],
)

export type Urge = typeof urges.$inferSelect
export type UseEntry = typeof useEntries.$inferSelect
export type GoalCheckIn = typeof goalCheckIns.$inferSelect
