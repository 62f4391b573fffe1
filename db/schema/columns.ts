// Column helpers shared by every domain schema, so that ids and timestamps look the same everywhere.
import { integer, text } from 'drizzle-orm/sqlite-core'

/** A random, unguessable text primary key (never a counter that leaks how many rows exist). */
export const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID())

/** Milliseconds since the epoch, read and written as a Date. */
export const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' })

export const createdAt = () =>
  timestamp('created_at')
    .notNull()
    .$defaultFn(() => new Date())

export const updatedAt = () =>
  timestamp('updated_at')
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date())
