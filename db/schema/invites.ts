// One-time links for staff: invites (a new member of staff chooses their own username and
// passphrase) and passphrase resets.
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, id, timestamp } from './columns.ts'
import { ROLES, users } from './users.ts'

export const invites = sqliteTable('invites', {
  id: id(),
  tokenHash: text('token_hash').notNull().unique(),
  role: text('role', { enum: ROLES }).notNull(),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at').notNull(),
  usedAt: timestamp('used_at'),
  usedBy: text('used_by').references(() => users.id, { onDelete: 'set null' }),
})

export type Invite = typeof invites.$inferSelect

/**
 * One-time links an admin makes so a member of staff can set a new passphrase. Never for clients:
 * a client account has no recovery by design. Only a hash of the token is stored.
 */
export const passphraseResets = sqliteTable('passphrase_resets', {
  id: id(),
  tokenHash: text('token_hash').notNull().unique(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at').notNull(),
  usedAt: timestamp('used_at'),
})

export type PassphraseReset = typeof passphraseResets.$inferSelect
