// Checkpoints of the write-ahead log, moved off the event loop. SQLite's automatic checkpoint
// runs inside whichever commit takes the log past 1000 pages: it copies the pages into the
// database file and syncs the log and the file, on the thread that committed. In the server that
// is the event loop, so every few dozen commits (sooner when commits touch many pages, like a
// caseload's access-log rows) one request stalls every other. Here a worker thread with its own
// connection checkpoints every CHECKPOINT_MS instead (PASSIVE: it never blocks the writer), and
// the server's connection keeps an automatic checkpoint only as a backstop, should the worker
// fall behind or stop. A checkpoint by another connection leaves PRAGMA data_version alone, so
// the memos that watch it (db/write-watch.ts) are not dropped by it. docs/decisions/0013.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Db } from './client.ts'

const CHECKPOINT_MS = 200
/** The backstop: the server's own connection checkpoints if the log reaches this many pages. */
export const BACKSTOP_PAGES = 10_000

// Run as CommonJS in the worker; better-sqlite3 is passed in resolved, so it loads from anywhere.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path)
db.pragma('synchronous = FULL')
let failing = false
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
    failing = false
  } catch (error) {
    // Said once when checkpoints start failing, not every tick.
    if (!failing) parentPort.postMessage(error instanceof Error ? error.message : String(error))
    failing = true
  }
}, workerData.everyMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

const running = new WeakMap<Db, Worker>()

/** Starts checkpointing the database's log from a worker thread (file databases in WAL mode only). */
export function checkpointInBackground(db: Db): void {
  const client = db.$client
  if (running.has(db) || client.memory || client.pragma('journal_mode', { simple: true }) !== 'wal') return
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      path: client.name,
      everyMs: CHECKPOINT_MS,
    },
  })
  // A failed checkpoint is retried on the next tick; the backstop covers a worker that cannot.
  worker.on('message', (message) => console.error(`Background checkpoint failed: ${message}`))
  worker.on('error', (error) => console.error(`Background checkpointer stopped: ${error.message}`))
  worker.unref()
  client.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`)
  running.set(db, worker)
}

/** Stops the worker; the connection checkpoints by itself again. Resolves when the worker has gone. */
export function stopCheckpointing(db: Db): Promise<void> {
  const worker = running.get(db)
  if (!worker) return Promise.resolve()
  running.delete(db)
  if (db.$client.open) db.$client.pragma('wal_autocheckpoint = 1000')
  const gone = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  worker.postMessage('stop')
  return gone
}
