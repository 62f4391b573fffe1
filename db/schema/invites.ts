// One-time invite links that let a new member of staff choose their own username and passphrase.
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
