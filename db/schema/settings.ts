// Service-wide settings an admin can change (service name, crisis contacts, quick-exit site).
// One row per key; the value is JSON validated by the zod schema of its key on read and write.
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { updatedAt } from './columns.ts'

export const serviceSettings = sqliteTable('service_settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: updatedAt(),
})
