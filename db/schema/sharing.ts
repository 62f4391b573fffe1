// Sharing with key workers, on the client's terms: one-time share codes, the links they make
// (with the scopes the client chose), module suggestions from a worker, and the append-only
// access log of every time staff viewed or downloaded a client's data.
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, id, timestamp } from './columns.ts'
import { users } from './users.ts'

/** What a client can share; each is a column on a link, so flags and pages can test it in SQL. */
export const SCOPES = ['assessments', 'modules', 'tracking', 'goals'] as const
export type Scope = (typeof SCOPES)[number]

const scopeColumns = () => ({
  assessments: integer('scope_assessments', { mode: 'boolean' }).notNull().default(false),
  modules: integer('scope_modules', { mode: 'boolean' }).notNull().default(false),
  tracking: integer('scope_tracking', { mode: 'boolean' }).notNull().default(false),
  goals: integer('scope_goals', { mode: 'boolean' }).notNull().default(false),
})

/** A code the client made. Only a hash is kept: the code itself is shown to the client once. */
export const shareCodes = sqliteTable(
  'share_codes',
  {
    id: id(),
    clientId: text('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    ...scopeColumns(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at').notNull(),
    usedAt: timestamp('used_at'),
  },
  (t) => [uniqueIndex('share_codes_hash_unique').on(t.codeHash), index('share_codes_client_idx').on(t.clientId)],
)

/**
 * A key worker's access to a client. Revoking sets `revokedAt` (the row stays, so the client's
 * page can say what was shared and when); a new code from the same client revives the row.
 */
export const careLinks = sqliteTable(
  'care_links',
  {
    id: id(),
    clientId: text('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workerId: text('worker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ...scopeColumns(),
    /** The worker's own name for the client, seen only by that worker. */
    label: text('label'),
    linkedAt: createdAt(),
    scopesChangedAt: timestamp('scopes_changed_at').notNull(),
    revokedAt: timestamp('revoked_at'),
  },
  (t) => [
    uniqueIndex('care_links_client_worker_unique').on(t.clientId, t.workerId),
    index('care_links_worker_idx').on(t.workerId).where(sql`revoked_at is null`),
  ],
)

/** A module a worker suggested; the client sees it beside their recommendations until dismissed. */
export const moduleSuggestions = sqliteTable(
  'module_suggestions',
  {
    id: id(),
    clientId: text('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workerId: text('worker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    createdAt: createdAt(),
    dismissedAt: timestamp('dismissed_at'),
  },
  (t) => [uniqueIndex('module_suggestions_client_module_unique').on(t.clientId, t.moduleId)],
)

/**
 * Every view or download of a client's data by staff. Append-only: a trigger in the migration
 * refuses UPDATE, and rows go only with the client's account (cascade). The worker's name is
 * copied in, so the row still says who even if the staff account is removed.
 */
export const accessLog = sqliteTable(
  'access_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: text('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workerId: text('worker_id').notNull(),
    workerName: text('worker_name').notNull(),
    /** What was seen, e.g. "client page", "session summary PDF". */
    what: text('what').notNull(),
    /** Which parts of the client's data it showed (the scopes in force), comma-separated. */
    scopes: text('scopes').notNull(),
    at: timestamp('at').notNull(),
  },
  (t) => [index('access_log_client_idx').on(t.clientId, t.at)],
)

export type ShareCode = typeof shareCodes.$inferSelect
export type CareLink = typeof careLinks.$inferSelect
export type AccessLogRow = typeof accessLog.$inferSelect
