// Each key worker's caseload facts, kept in memory until something they are built from changes,
// so a worker going back to the list (or sorting it) costs the access-log write and the flag
// rules, not the reads. Writes are watched as for the progress dashboard's memo
// (db/write-watch.ts): a write about a client drops the entries of every worker linked to them;
// a write from another connection empties the whole memo. A revoked or changed link drops its
// worker's entry in the same way, so the next view reads afresh: revocation takes effect at once.
//
// The facts are read with time windows ending at the read; the flag rules apply the exact
// windows again for each view. So an entry read at `readAt` serves any later moment until a
// write: nothing new can fall into a window without one. MAX_AGE_MS only bounds how long it
// is trusted without a write.
import { prepared } from '#db/prepared.ts'
import { otherWrites, watchWrites } from '#db/write-watch.ts'

const MEMO_WORKERS = 50
const MAX_AGE_MS = 10 * 60_000

/** Tables the caseload is read from, and the columns naming whose data a row is. */
const WATCHED: ReadonlyArray<readonly [table: string, people: readonly string[]]> = [
  ['users', ['id']],
  ['care_links', ['client_id', 'worker_id']],
  ['assessment_responses', ['user_id']],
  ['module_progress', ['user_id']],
  ['safety_events', ['user_id']],
  ['urges', ['user_id']],
  ['use_entries', ['user_id']],
  ['goals', ['user_id']],
  // Not read by the list, but by the client page, which keeps its data on the same entry.
  ['goal_check_ins', ['user_id']],
  ['module_suggestions', ['client_id', 'worker_id']],
]

type Entry = { value: unknown; readAt: number }

const memo = prepared((db) => {
  const workers = new Map<string, Entry>()
  /** client id → the workers whose entries hold that client's data. */
  const workersOf = new Map<string, Set<string>>()
  watchWrites(db, 'caseload', WATCHED, (person) => {
    workers.delete(person)
    for (const worker of workersOf.get(person) ?? []) workers.delete(worker)
  })
  return { workers, workersOf, otherWrites: otherWrites(db) }
})

/**
 * The worker's entry if it is still good at `now`, otherwise `read()`'s, kept for next time.
 * `clientsOf` names the clients whose writes must drop it.
 */
export function memoised<T>(workerId: string, now: Date, read: () => T, clientsOf: (value: T) => Iterable<string>): T {
  const { workers, workersOf, otherWrites } = memo()
  if (otherWrites()) workers.clear()
  const found = workers.get(workerId)
  const at = now.getTime()
  // A request that began a moment before the entry was read may use it too: under load, views
  // interleave, and refusing it would have each re-read the list for the others.
  if (found && at - found.readAt < MAX_AGE_MS) return found.value as T
  const value = read()
  workers.delete(workerId)
  if (workers.size >= MEMO_WORKERS) workers.delete(workers.keys().next().value ?? '')
  workers.set(workerId, { value, readAt: at })
  for (const client of clientsOf(value)) {
    const set = workersOf.get(client)
    if (set) set.add(workerId)
    else workersOf.set(client, new Set([workerId]))
  }
  return value
}
