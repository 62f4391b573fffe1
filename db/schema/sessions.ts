// Server-side sessions. Only a SHA-256 hash of the cookie's random id is stored, so a copy of
// the database cannot be used to sign in as anyone.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, timestamp } from './columns.ts'
import { users } from './users.ts'

export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at').notNull(),
    /** Absolute end of life, whatever the activity. */
    expiresAt: timestamp('expires_at').notNull(),
    /** How long the session may sit unused before it ends. */
    idleSeconds: integer('idle_seconds').notNull(),
    sharedDevice: integer('shared_device', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
)

export type Session = typeof sessions.$inferSelect
