import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from './client.ts'
import { durably } from './durable.ts'

const dir = mkdtempSync(join(tmpdir(), 'foothold-durable-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const insert = (db: ReturnType<typeof openDatabase>, id: string, username: string) => () =>
  db.$client
    .prepare(
      "insert into users (id, username, role, passphrase_hash, created_at, updated_at) values (?, ?, 'client', 'x', 0, 0)",
    )
    .run(id, username)

describe('durably', () => {
  it('commits, resolves once the log is synced, and leaves the connection at synchronous=FULL', async () => {
    const path = join(dir, 'ok.db')
    const db = openDatabase(path)
    await durably(db, insert(db, 'u1', 'first'))
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2)
    // Another connection (reading the WAL) sees the row.
    const other = new Database(path, { readonly: true })
    expect(other.prepare('select username from users').pluck().all()).toEqual(['first'])
    other.close()
    db.$client.close()
  })

  it('rejects a failed transaction, writes none of it, and still goes back to FULL', async () => {
    const db = openDatabase(join(dir, 'fail.db'))
    const both = () => {
      insert(db, 'u1', 'same')()
      insert(db, 'u2', 'same')() // usernames are unique
    }
    await expect(durably(db, both)).rejects.toThrow(/UNIQUE/)
    expect(db.$client.prepare('select count(*) from users').pluck().get()).toBe(0)
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2)
    db.$client.close()
  })

  it('commits plainly where there is no log to sync (an in-memory database)', async () => {
    const db = openDatabase(':memory:')
    await durably(db, insert(db, 'u1', 'memory'))
    expect(db.$client.prepare('select username from users').pluck().all()).toEqual(['memory'])
    db.$client.close()
  })
})
