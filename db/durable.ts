// A transaction that is on disk before its promise resolves, without the event loop waiting for
// the disk. The connection runs with synchronous=FULL: each commit's fsync of the write-ahead log
// happens inside the (synchronous) commit, and every other request waits while it does. Here the
// transaction commits with synchronous=NORMAL instead (the log is written but not yet synced),
// the setting goes straight back to FULL, and the log file is then synced on libuv's thread pool.
// The promise resolves only once that sync is done: the same guarantee as a FULL commit, with the
// wait moved off the event loop (docs/decisions/0013).
//
// Sound because, in WAL mode, a commit is durable once the WAL's frames are: if a checkpoint
// moves them into the database file first, SQLite syncs the WAL before and the database after
// (with NORMAL as with FULL). Other commits meanwhile still sync the log themselves (FULL).
// Without a WAL (an in-memory database) there is nothing to sync, and a plain commit is used.
import { open } from 'node:fs/promises'
import type Database from 'better-sqlite3'
import type { Db } from './client.ts'

type Statements = { normal: Database.Statement; full: Database.Statement; wal: string | null }
const statements = new WeakMap<Db, Statements>()

function statementsOf(db: Db): Statements {
  let found = statements.get(db)
  if (!found) {
    const client = db.$client
    const walMode = client.pragma('journal_mode', { simple: true }) === 'wal'
    found = {
      normal: client.prepare('pragma synchronous = NORMAL'),
      full: client.prepare('pragma synchronous = FULL'),
      wal: walMode && !client.memory ? `${client.name}-wal` : null,
    }
    statements.set(db, found)
  }
  return found
}

async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r+')
  try {
    await file.datasync()
  } finally {
    await file.close()
  }
}

/**
 * Runs `work` in one transaction; resolves once it is on disk. Rejects if the transaction fails
 * (having written nothing) or if the sync fails.
 */
export async function durably(db: Db, work: () => void): Promise<void> {
  const { normal, full, wal } = statementsOf(db)
  if (!wal) {
    db.transaction(work)
    return
  }
  normal.run()
  try {
    db.transaction(work)
  } finally {
    full.run()
  }
  await syncFile(wal)
}
