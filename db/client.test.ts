import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findMigrationsFolder, openDatabase } from './client.ts'

const dir = mkdtempSync(join(tmpdir(), 'foothold-db-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('opening the database', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const db = openDatabase(join(dir, 'nested', 'pragmas.db'))
    const sqlite = db.$client
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    sqlite.close()
  })

  it('applies every committed migration once, and again is a no-op', () => {
    const path = join(dir, 'migrated.db')
    const migrations = readdirSync(findMigrationsFolder()).filter((f) => f.endsWith('.sql'))
    openDatabase(path).$client.close()
    const db = openDatabase(path)
    const applied = db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }
    expect(applied.n).toBe(migrations.length)
    db.$client.close()
  })
})

describe('migrations and foreign keys', () => {
  it('switches foreign keys back on after migrating, so deleting a user cascades', () => {
    const db = openDatabase(join(dir, 'cascade.db'))
    const sqlite = db.$client
    sqlite
      .prepare(
        "insert into users (id, username, role, passphrase_hash, created_at, updated_at) values ('u1', 'a', 'client', 'x', 0, 0)",
      )
      .run()
    sqlite
      .prepare(
        "insert into sessions (id_hash, user_id, created_at, last_seen_at, expires_at, idle_seconds) values ('h', 'u1', 0, 0, 0, 0)",
      )
      .run()
    sqlite.prepare("delete from users where id = 'u1'").run()
    expect(sqlite.prepare('select count(*) as n from sessions').get()).toEqual({ n: 0 })
    sqlite.close()
  })
})

describe('a migration that rebuilds a parent table (hazard H-010)', () => {
  // drizzle-kit rebuilds a SQLite table by creating a copy, moving the rows, dropping the old
  // table and renaming. With foreign keys on, the drop would cascade-delete every session.
  const REBUILD_USERS = `PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE \`__new_users\` (\`id\` text PRIMARY KEY NOT NULL, \`username\` text NOT NULL, \`role\` text NOT NULL, \`passphrase_hash\` text NOT NULL, \`created_at\` integer NOT NULL, \`updated_at\` integer NOT NULL, \`last_active_at\` integer, \`note\` text);--> statement-breakpoint
INSERT INTO \`__new_users\`("id", "username", "role", "passphrase_hash", "created_at", "updated_at", "last_active_at") SELECT "id", "username", "role", "passphrase_hash", "created_at", "updated_at", "last_active_at" FROM \`users\`;--> statement-breakpoint
DROP TABLE \`users\`;--> statement-breakpoint
ALTER TABLE \`__new_users\` RENAME TO \`users\`;--> statement-breakpoint
PRAGMA foreign_keys=ON;`

  /** The real migrations plus one more, in a folder of their own. */
  function migrationsPlus(tag: string, statements: string): string {
    const folder = join(dir, `${tag}-migrations`)
    cpSync(findMigrationsFolder(), folder, { recursive: true })
    writeFileSync(join(folder, `${tag}.sql`), statements)
    const journalPath = join(folder, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<Record<string, unknown>> }
    journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now() + 1000, tag, breakpoints: true })
    writeFileSync(journalPath, JSON.stringify(journal))
    return folder
  }

  it('keeps every row that references the rebuilt table', () => {
    const path = join(dir, 'rebuild.db')
    const before = openDatabase(path)
    before.$client
      .prepare(
        "insert into users (id, username, role, passphrase_hash, created_at, updated_at) values ('u1', 'a', 'client', 'x', 0, 0)",
      )
      .run()
    before.$client
      .prepare(
        "insert into sessions (id_hash, user_id, created_at, last_seen_at, expires_at, idle_seconds) values ('h', 'u1', 0, 0, 0, 0)",
      )
      .run()
    before.$client.close()

    const after = openDatabase(path, migrationsPlus('9999_rebuild_users', REBUILD_USERS))
    expect(after.$client.prepare('select user_id from sessions').all()).toEqual([{ user_id: 'u1' }])
    expect(after.$client.pragma('foreign_keys', { simple: true })).toBe(1)
    after.$client.close()
  })

  it('refuses to open a database a migration left with broken references', () => {
    const path = join(dir, 'broken.db')
    openDatabase(path).$client.close()
    const folder = migrationsPlus('9999_orphan', "INSERT INTO `sessions` VALUES ('h', 'nobody', 0, 0, 0, 0, 0);")
    expect(() => openDatabase(path, folder)).toThrow(/broken references/)
  })
})

describe('migration 0006: "no use today" once a day', () => {
  /** The real migrations up to (not including) `tag`, in a folder of their own. */
  function migrationsBefore(tag: string): string {
    const folder = join(dir, `before-${tag}`)
    cpSync(findMigrationsFolder(), folder, { recursive: true })
    const journalPath = join(folder, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> }
    const at = journal.entries.findIndex((entry) => entry.tag === tag)
    expect(at).toBeGreaterThan(-1)
    journal.entries = journal.entries.slice(0, at)
    writeFileSync(journalPath, JSON.stringify(journal))
    return folder
  }

  it('keeps the earliest no-use row of each day and every use entry, then refuses a second', () => {
    const path = join(dir, 'no-use.db')
    const before = openDatabase(path, migrationsBefore('0006_no_use_once_a_day'))
    const sqlite = before.$client
    sqlite
      .prepare(
        "insert into users (id, username, role, passphrase_hash, created_at, updated_at) values ('u1', 'a', 'client', 'x', 0, 0)",
      )
      .run()
    const entry = sqlite.prepare(
      `insert into use_entries (id, user_id, occurred_at, time_zone, local_date, local_hour, local_weekday, substance, created_at, updated_at)
      values (?, 'u1', 0, 'Europe/London', ?, 9, 0, ?, ?, ?)`,
    )
    // Two no-use rows written by a race on the 1st (the later one first in the table), one on the 2nd.
    for (const [id, date, substance, at] of [
      ['later', '2026-11-01', null, 20],
      ['earliest', '2026-11-01', null, 10],
      ['use', '2026-11-01', 'alcohol', 5],
      ['also-use', '2026-11-01', 'alcohol', 30],
      ['next-day', '2026-11-02', null, 40],
    ] as const)
      entry.run(id, date, substance, at, at)
    sqlite.close()

    const after = openDatabase(path)
    const ids = after.$client.prepare('select id from use_entries order by id').pluck().all()
    expect(ids).toEqual(['also-use', 'earliest', 'next-day', 'use'])
    expect(() =>
      after.$client
        .prepare(
          `insert into use_entries (id, user_id, occurred_at, time_zone, local_date, local_hour, local_weekday, created_at, updated_at)
          values ('again', 'u1', 0, 'Europe/London', '2026-11-02', 9, 0, 50, 50)`,
        )
        .run(),
    ).toThrow(/UNIQUE/)
    after.$client.close()
  })
})
