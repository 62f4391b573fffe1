// The access log: every look staff take at a client's data (logAccess, and the caseload's rows
// through insertAccessRow), and the client's reading of it (accessLogOf).
//
// Written with group commit. Each view must be on disk (synchronous=FULL) before the page goes
// out, and that wait for the disk is most of what a worker's page costs. So the rows of views
// that arrive together are written in one transaction, on the next turn of the event loop: one
// wait for the disk for all of them, and no page is answered before its rows are committed. If
// the write fails, every page waiting on it fails too, and shows nothing (hazard H-020).
//
// The transaction itself is synchronous, as every transaction here (nothing is awaited inside
// it); only the callers wait, outside it. The wait for the disk happens off the event loop
// (`durably`, db/durable.ts), so other requests go on meanwhile.
import type { Statement } from 'better-sqlite3'
import { desc, eq, sql } from 'drizzle-orm'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { durably } from '#db/durable.ts'
import { prepared } from '#db/prepared.ts'
import { accessLog, SCOPES, type Scope, type User } from '#db/schema/index.ts'

type Scopes = Record<Scope, boolean>
/** Whose data was seen, and the scopes in force then (the guard's `LinkedClient` fits). */
export type SeenClient = { client: { id: string }; scopes: Scopes }

type Pending = { write: () => void; resolve: () => void; reject: (error: unknown) => void }
let pending: Pending[] = []

function flush() {
  const batch = pending
  pending = []
  durably(getDb(), () => {
    for (const { write } of batch) write()
  }).then(
    () => {
      for (const { resolve } of batch) resolve()
    },
    (error: unknown) => {
      for (const { reject } of batch) reject(error)
    },
  )
}

/** Runs `write` (inserts into access_log only) in the next group commit; resolves once it is on disk. */
export function logged(write: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    if (pending.length === 0) setImmediate(flush)
    pending.push({ write, resolve, reject })
  })
}

/**
 * One insert for all of a view's rows (a caseload page writes one for each client shown), with a
 * statement prepared for each number of rows.
 */
const insertStatements = prepared((db) => {
  const byCount = new Map<number, Statement>()
  return (count: number) => {
    let statement = byCount.get(count)
    if (!statement) {
      statement = db.$client.prepare(
        `insert into access_log (client_id, worker_id, worker_name, what, scopes, at) values ${Array(count).fill('(?, ?, ?, ?, ?, ?)').join(', ')}`,
      )
      byCount.set(count, statement)
    }
    return statement
  }
})

/** The scopes in force, as a row records them: "assessments,tracking", or "none". */
export const scopesText = (scopes: Scopes) => SCOPES.filter((scope) => scopes[scope]).join(',') || 'none'

type Row = { clientId: string; workerId: string; workerName: string; what: string; scopes: string; at: Date }
/** Inserts the rows; call only inside `logged` (or another transaction). */
export function insertAccessRows(rows: Row[]): void {
  if (rows.length === 0) return
  const values = rows.flatMap((row) => [row.clientId, row.workerId, row.workerName, row.what, row.scopes, +row.at])
  insertStatements()(rows.length).run(values)
}

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
  return logged(() => insertAccessRows([row]))
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

export function accessLogOf(clientId: string, limit = 200) {
  return accessLogQuery().all({ clientId, limit })
}
