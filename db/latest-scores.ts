// The latest_scores summary (db/schema/assessments.ts): each client's latest two completed totals
// per instrument. It is rewritten from assessment_responses by these two statements, in the same
// transaction as the responses they sum up, so it is never out of step with them and any server
// process can read it (ADR 0015). Both are plain SQL that PostgreSQL runs as it is.
import { type SQL, sql } from 'drizzle-orm'
import type { Db } from './client.ts'

/** A database or a transaction: anything that runs a statement. */
type Runs = Pick<Db, 'run'>

const ranked = (where: SQL) => sql`select user_id, instrument_id, rank, total, band, completed_at from (
    select user_id, instrument_id, total, band, completed_at,
      row_number() over (partition by user_id, instrument_id order by completed_at desc) as rank
    from assessment_responses
    where ${where} and completed_at is not null and total is not null)
  where rank <= 2`

const columns = sql`(user_id, instrument_id, rank, total, band, completed_at)`

/** Rewrites one client's rows for these instruments (call it inside the transaction that saved their responses). */
export function refreshLatestScores(tx: Runs, userId: string, instrumentIds: string[]) {
  if (instrumentIds.length === 0) return
  const ids = sql.join(
    instrumentIds.map((id) => sql`${id}`),
    sql`, `,
  )
  tx.run(sql`delete from latest_scores where user_id = ${userId} and instrument_id in (${ids})`)
  tx.run(sql`insert into latest_scores ${columns} ${ranked(sql`user_id = ${userId} and instrument_id in (${ids})`)}`)
}

/** Rewrites every row (seeds, after writing responses in bulk). */
export function rebuildLatestScores(db: Runs) {
  db.run(sql`delete from latest_scores`)
  db.run(sql`insert into latest_scores ${columns} ${ranked(sql`1 = 1`)}`)
}
