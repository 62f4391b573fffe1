// Fixed-window rate limits, kept in the database so that every server process counts the same
// attempts (ADR 0017). One row per (limiter, key): how many attempts in the window and when the
// window ends. Rows whose window has ended are deleted now and then.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const rateLimits = sqliteTable(
  'rate_limits',
  {
    /** The limiter's name and the key it counts, e.g. `loginPerUsername:sam`. */
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    /** Milliseconds since the epoch at which this window ends. */
    resetAt: integer('reset_at').notNull(),
  },
  (t) => [index('rate_limits_reset_at_idx').on(t.resetAt)],
)
