// Self-assessments: one row per sitting, one response row per instrument answered in it, and
// safety events raised by answers. Every row cascades from the client's account.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, id, timestamp, updatedAt } from './columns.ts'
import { users } from './users.ts'

export const assessments = sqliteTable(
  'assessments',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The programme content version the sitting started on; it keeps it to the end. */
    contentVersion: text('content_version').notNull(),
    substances: text('substances', { mode: 'json' }).$type<string[]>().notNull(),
    mainSubstance: text('main_substance').notNull(),
    /** Index of the page the client is on (or will resume at). */
    pageIndex: integer('page_index').notNull().default(0),
    /** A safety panel to show before the next page, until the client carries on. */
    pendingSafety: text('pending_safety'),
    startedAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: timestamp('completed_at'),
  },
  (t) => [index('assessments_user_idx').on(t.userId, t.startedAt)],
)

export const assessmentResponses = sqliteTable(
  'assessment_responses',
  {
    id: id(),
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    instrumentId: text('instrument_id').notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    /** Answer values by item id. */
    answers: text('answers', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    total: integer('total'),
    band: text('band'),
    updatedAt: updatedAt(),
    completedAt: timestamp('completed_at'),
  },
  (t) => [
    uniqueIndex('responses_assessment_instrument_unique').on(t.assessmentId, t.instrumentId),
    index('responses_user_instrument_idx').on(t.userId, t.instrumentId, t.completedAt),
  ],
)

/**
 * A summary of assessment_responses, written in the same transaction as the responses it sums up
 * (ADR 0015): each client's latest two completed totals per instrument, rank 1 the newest. The
 * caseload reads it instead of ranking every response of every client on each view.
 */
export const latestScores = sqliteTable(
  'latest_scores',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    instrumentId: text('instrument_id').notNull(),
    /** 1 for the latest completed total, 2 for the one before. */
    rank: integer('rank').notNull(),
    total: integer('total').notNull(),
    band: text('band'),
    completedAt: timestamp('completed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.instrumentId, t.rank] })],
)

export const safetyEvents = sqliteTable(
  'safety_events',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** e.g. self-harm, alcohol-dependence */
    rule: text('rule').notNull(),
    /** Where it came from, e.g. "assessment:phq-9". */
    source: text('source').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('safety_events_user_idx').on(t.userId, t.createdAt)],
)

/** What the client chose to work on after their results: life areas now, modules later. */
export const planItems = sqliteTable(
  'plan_items',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['area', 'module'] }).notNull(),
    ref: text('ref').notNull(),
    addedAt: createdAt(),
    /** For a module: when the client finished it. */
    completedAt: timestamp('completed_at'),
  },
  (t) => [uniqueIndex('plan_items_user_ref_unique').on(t.userId, t.kind, t.ref)],
)

export type Assessment = typeof assessments.$inferSelect
export type AssessmentResponse = typeof assessmentResponses.$inferSelect
