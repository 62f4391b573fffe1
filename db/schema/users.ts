// Accounts. A client has only a username and a passphrase hash: no email, no real name.
import { sql } from 'drizzle-orm'
import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, id, timestamp, updatedAt } from './columns.ts'

export const ROLES = ['client', 'keyworker', 'clinician', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const users = sqliteTable(
  'users',
  {
    id: id(),
    /** Stored lower-case; unique. */
    username: text('username').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    passphraseHash: text('passphrase_hash').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    lastActiveAt: timestamp('last_active_at'),
    /** The IANA time zone the client's days are counted in; new entries are stamped with it. */
    timeZone: text('time_zone').notNull().default('Europe/London'),
    /** Set when an admin turns a staff account off: it cannot sign in and its sessions have ended. */
    disabledAt: timestamp('disabled_at'),
  },
  (t) => [uniqueIndex('users_username_unique').on(sql`lower(${t.username})`)],
)

export type User = typeof users.$inferSelect
