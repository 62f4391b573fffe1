// The access log: every look staff take at a client's data (logAccess, and the caseload's rows
// through logged), and the client's reading of it (accessLogOf).
//
// Written with group commit. Each view must be on disk (synchronous=FULL) before the page goes
// out, and that wait for the disk is most of what a worker's page costs. So the rows of views
// that arrive together are written in one transaction, on the next turn of the event loop: one
// wait for the disk for all of them, and no page is answered before its rows are committed. If
// the write fails, every page waiting on it fails too, and shows nothing (hazard H-020).
//
// The transaction is a pure write batch (nothing read, nothing awaited inside it) and commits
// with the connection's own synchronous=FULL: plain, and the same on any engine.
import { desc, eq, sql } from 'drizzle-orm'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { prepared } from '#db/prepared.ts'
import { accessLog, SCOPES, type Scope, type User } from '#db/schema/index.ts'

type Scopes = Record<Scope, boolean>
/** Whose data was seen, and the scopes in force then (the guard's `LinkedClient` fits). */
export type SeenClient = { client: { id: string }; scopes: Scopes }

/** An access-log row as written. */
export type AccessRow = {
  clientId: string
  workerId: string
  workerName: string
  what: string
  scopes: string
  at: Date
}

// Not a cache: the views waiting for the next group commit, each with its rows. Emptied on the
// next turn of the event loop; a process that stops holds no one's data here past that.
type Pending = { rows: AccessRow[]; resolve: () => void; reject: (error: unknown) => void }
let pending: Pending[] = []

/**
 * One row's insert, prepared once per connection and run for each row of the batch: building a
 * many-row insert afresh for each batch (a caseload view writes 25 rows) cost more than the rows.
 */
const insertRow = prepared((db) =>
  db
    .insert(accessLog)
    .values({
      clientId: sql.placeholder('clientId'),
      workerId: sql.placeholder('workerId'),
      workerName: sql.placeholder('workerName'),
      what: sql.placeholder('what'),
      scopes: sql.placeholder('scopes'),
      at: sql.placeholder('at'),
    })
    .prepare(),
)

function flush() {
  const batch = pending
  pending = []
  const rows = batch.flatMap((view) => view.rows)
  try {
    const insert = insertRow()
    // The same connection's transaction: every row commits together, or none does.
    getDb().transaction(() => {
      for (const row of rows) insert.run(row)
    })
  } catch (error) {
    for (const { reject } of batch) reject(error)
    return
  }
  for (const { resolve } of batch) resolve()
}

/** Writes the rows in the next group commit; resolves once they are committed (on disk). */
export function logged(rows: AccessRow[]): Promise<void> {
  if (rows.length === 0) return Promise.resolve()
  return new Promise((resolve, reject) => {
    if (pending.length === 0) setImmediate(flush)
    pending.push({ rows, resolve, reject })
  })
}

/** The scopes in force, as a row records them: "assessments,tracking", or "none". */
export const scopesText = (scopes: Scopes) => SCOPES.filter((scope) => scopes[scope]).join(',') || 'none'

/**
 * Writes one access-log row: which worker saw what of which client, and with which scopes.
 * Await it before the page goes out: it resolves once the row is on disk.
 */
export function logAccess(
  worker: Pick<User, 'id' | 'username'>,
  linked: SeenClient,
  what: string,
  now = clock.now(),
): Promise<void> {
  const row = {
    clientId: linked.client.id,
    workerId: worker.id,
    workerName: worker.username,
    what,
    scopes: scopesText(linked.scopes),
    at: now,
  }
  return logged([row])
}

/** The client's access log, newest first. */
const accessLogQuery = prepared((db) =>
  db
    .select({ worker: accessLog.workerName, what: accessLog.what, scopes: accessLog.scopes, at: accessLog.at })
    .from(accessLog)
    .where(eq(accessLog.clientId, sql.placeholder('clientId')))
    .orderBy(desc(accessLog.at), desc(accessLog.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
)

export async function accessLogOf(clientId: string, limit = 200) {
  return accessLogQuery().all({ clientId, limit })
}
