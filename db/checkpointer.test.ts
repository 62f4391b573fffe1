import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { BACKSTOP_PAGES, checkpointInBackground, stopCheckpointing } from './checkpointer.ts'
import { openDatabase } from './client.ts'

const dir = mkdtempSync(join(tmpdir(), 'foothold-checkpoint-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('checkpointing in the background', () => {
  it('copies committed pages into the database file from a worker, and leaves the connection a backstop', async () => {
    const path = join(dir, 'background.db')
    const db = openDatabase(path)
    checkpointInBackground(db)
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES)
    const version = db.$client.prepare('pragma data_version').pluck()
    const before = version.get()
    const insert = db.$client.prepare(
      "insert into users (id, username, role, passphrase_hash, created_at, updated_at) values (?, ?, 'client', 'x', 0, 0)",
    )
    for (let i = 0; i < 50; i++) insert.run(`u${i}`, `user${i}`)
    // Within a few of the worker's ticks, the log has been copied into the database file.
    let backfilled = false
    for (let tries = 0; tries < 50 && !backfilled; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      // The database file alone, without its log, holds the rows once they are checkpointed.
      const copy = join(dir, `copy-${tries}.db`)
      cpSync(path, copy)
      const probe = new Database(copy, { readonly: true })
      try {
        backfilled = probe.prepare('select count(*) from users').pluck().get() === 50
      } catch {
        // Not even the tables are in the file yet.
      }
      probe.close()
    }
    expect(backfilled).toBe(true)
    // Another connection's checkpoint is not a change of data: the memos keep their entries.
    expect(version.get()).toBe(before)
    await stopCheckpointing(db)
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    db.$client.close()
  })

  it('does nothing for an in-memory database', async () => {
    const db = openDatabase(':memory:')
    checkpointInBackground(db)
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    await stopCheckpointing(db)
    db.$client.close()
  })
})
