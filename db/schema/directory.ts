// The local services and meetings directory (issue 15): entries an admin keeps (by hand or from a
// CSV), services a key worker suggests to a client, and the few services a client saves to their
// plan. Opening hours and a meeting's schedule are stored as the same short text the CSV uses
// ("Mon-Fri 09:00-17:00", "weekly Tue 19:30"), parsed by programme/engine/directory/schedule.ts.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, id, timestamp, updatedAt } from './columns.ts'
import { users } from './users.ts'

export const directoryEntries = sqliteTable(
  'directory_entries',
  {
    id: id(),
    name: text('name').notNull(),
    /** One of DIRECTORY_KINDS (programme/engine/directory/kinds.ts). */
    kind: text('kind').notNull(),
    /** True for a service or meeting held online; then `address` is null. */
    online: integer('online', { mode: 'boolean' }).notNull().default(false),
    address: text('address'),
    town: text('town'),
    /** The first half of a postcode ("LS1", "M4"), never a full postcode. */
    postcodeDistrict: text('postcode_district'),
    phone: text('phone'),
    website: text('website'),
    /** e.g. "Mon-Fri 09:00-17:00; Sat 10:00-13:00"; null when not given. */
    openingHours: text('opening_hours'),
    /** For meetings: "weekly Tue 19:30", "monthly 2 Thu 19:00", "monthly last Sun 10:00". */
    schedule: text('schedule'),
    /** The IANA zone that opening hours and the schedule are read in. */
    timeZone: text('time_zone').notNull().default('Europe/London'),
    accessibility: text('accessibility'),
    /** Comma-separated, as written ("English, Polish"). */
    languages: text('languages'),
    /** 'YYYY-MM-DD': when someone last checked the entry is right. */
    lastVerified: text('last_verified').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('directory_entries_kind_idx').on(t.kind)],
)

/** A service a key worker suggested to a linked client; shown with module suggestions until dismissed. */
export const serviceSuggestions = sqliteTable(
  'service_suggestions',
  {
    id: id(),
    clientId: text('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workerId: text('worker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    entryId: text('entry_id')
      .notNull()
      .references(() => directoryEntries.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    dismissedAt: timestamp('dismissed_at'),
  },
  (t) => [uniqueIndex('service_suggestions_client_entry_unique').on(t.clientId, t.entryId)],
)

/** A service a client keeps on their plan (a few at most: SAVED_SERVICES_LIMIT). */
export const savedServices = sqliteTable(
  'saved_services',
  {
    clientId: text('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    entryId: text('entry_id')
      .notNull()
      .references(() => directoryEntries.id, { onDelete: 'cascade' }),
    savedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.entryId] })],
)

export type DirectoryEntry = typeof directoryEntries.$inferSelect
export type NewDirectoryEntry = typeof directoryEntries.$inferInsert
