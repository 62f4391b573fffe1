// In-memory memos of database reads (the progress dashboard, a key worker's caseload) stay right
// by watching writes. Writes through this connection, the app's only one, are seen by TEMP
// triggers calling back into JavaScript with whose data a row is; writes from anywhere else (a
// script, the benchmark's seeding) show as a change of PRAGMA data_version, and then the whole
// memo must go.
import type { Db } from './client.ts'

const EVENTS = [
  ['insert', 'new'],
  ['update', 'old'],
  ['delete', 'old'],
] as const

/**
 * Calls `changed(id)` after any insert, update or delete of a row of each table, once per named
 * column (the ids of the people the row is about). `name` must be unique per memo.
 */
export function watchWrites(
  db: Db,
  name: string,
  tables: ReadonlyArray<readonly [table: string, columns: readonly string[]]>,
  changed: (id: string) => void,
): void {
  const fn = `foothold_${name}_changed`
  db.$client.function(fn, (id: unknown) => {
    changed(String(id))
    return null
  })
  for (const [table, columns] of tables)
    for (const [event, row] of EVENTS) {
      const calls = columns.map((column) => `select ${fn}(${row}.${column});`).join(' ')
      db.$client.exec(`create temp trigger if not exists ${table}_${event}_${name} after ${event} on main.${table}
        begin ${calls} end`)
    }
}

/** A check that says whether another connection has written since it last looked. */
export function otherWrites(db: Db): () => boolean {
  const version = db.$client.prepare('pragma data_version').pluck()
  let seen: unknown
  return () => {
    const now = version.get()
    const changed = now !== seen
    seen = now
    return changed
  }
}
