// Module work: the pinned module versions clients run, each client's progress through a module
// (the XState snapshot), and goals (created by a module's goal step; tracking adds more).
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { ModuleDefinition } from '../../programme/engine/modules/definition.ts'
import type { ModuleState } from '../../programme/engine/modules/machine.ts'
import { createdAt, id, timestamp, updatedAt } from './columns.ts'
import { users } from './users.ts'

/**
 * Every module definition a client has started, kept whole (steps, Markdown, exercises), so a
 * client part-way through keeps the version they began even after the content is edited.
 * Shared by all clients; holds no personal data.
 */
export const moduleVersions = sqliteTable(
  'module_versions',
  {
    id: id(),
    moduleId: text('module_id').notNull(),
    version: text('version').notNull(),
    /** SHA-256 of the definition JSON: an edit without a version bump still pins separately. */
    hash: text('hash').notNull(),
    definition: text('definition', { mode: 'json' }).$type<ModuleDefinition>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('module_versions_hash_unique').on(t.hash)],
)

/** One row per client and module: where they are, and their answers (in the snapshot). */
export const moduleProgress = sqliteTable(
  'module_progress',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    moduleVersionId: text('module_version_id')
      .notNull()
      .references(() => moduleVersions.id),
    /** The machine's persisted `{ value, context }`. */
    state: text('state', { mode: 'json' }).$type<ModuleState>().notNull(),
    /** Denormalised from the state for the module list: "step 3 of 9". */
    stepNumber: integer('step_number').notNull(),
    stepTotal: integer('step_total').notNull(),
    /** A safety panel to show before the next step, until the client carries on. */
    pendingSafety: text('pending_safety'),
    startedAt: createdAt(),
    updatedAt: updatedAt(),
    /** When the module was last finished (kept when the client starts it again). */
    completedAt: timestamp('completed_at'),
  },
  (t) => [
    uniqueIndex('module_progress_user_module_unique').on(t.userId, t.moduleId),
    index('module_progress_user_updated_idx').on(t.userId, t.updatedAt),
    // Whether each module is finished, for the caseload's counts, read from the index alone rather
    // than parsing every state. The expression must read as the caseload query writes it
    // (jsonText('state', 'value') in db/sqlite.ts), or SQLite will not use it.
    index('module_progress_user_value_idx').on(t.userId, sql`json_extract(state, '$.value')`),
  ],
)

export const goals = sqliteTable(
  'goals',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    what: text('what').notNull(),
    type: text('type', { enum: ['stop', 'cut-down', 'lifestyle'] }).notNull(),
    substance: text('substance'),
    howMuch: text('how_much'),
    /** A calendar date, YYYY-MM-DD. */
    byWhen: text('by_when'),
    /** How often the client checks in: one check-in a day, or one a week (Monday to Sunday, their days). */
    frequency: text('frequency', { enum: ['daily', 'weekly'] })
      .notNull()
      .default('daily'),
    why: text('why'),
    area: text('area').notNull(),
    status: text('status', { enum: ['active', 'done', 'dropped'] })
      .notNull()
      .default('active'),
    /** Where it was set, e.g. "module:goals-that-work:set-goal": answering the step again updates it. */
    source: text('source'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('goals_user_source_unique').on(t.userId, t.source),
    index('goals_user_created_idx').on(t.userId, t.createdAt),
  ],
)

export type ModuleProgress = typeof moduleProgress.$inferSelect
export type Goal = typeof goals.$inferSelect
