import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
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
