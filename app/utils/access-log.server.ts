// Writing the access log, with group commit. Each view of a client's data by staff must be on
// disk (synchronous=FULL) before the page goes out, and that wait for the disk is most of what
// a worker's page costs. So the rows of views that arrive together are written in one
// transaction, on the next turn of the event loop: one wait for the disk for all of them, and
// no page is answered before its rows are committed. If the write fails, every page waiting on
// it fails too, and shows nothing (hazard H-020).
//
// The transaction itself is synchronous, as every transaction here (nothing is awaited inside
// it); only the callers wait, outside it.
import { getDb } from '#db/client.ts'

type Pending = { write: () => void; resolve: () => void; reject: (error: unknown) => void }
let pending: Pending[] = []

function flush() {
  const batch = pending
  pending = []
  try {
    getDb().transaction(() => {
      for (const { write } of batch) write()
    })
  } catch (error) {
    for (const { reject } of batch) reject(error)
    return
  }
  for (const { resolve } of batch) resolve()
}

/** Runs `write` (inserts into access_log only) in the next group commit; resolves once it is on disk. */
export function logged(write: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    if (pending.length === 0) setImmediate(flush)
    pending.push({ write, resolve, reject })
  })
}
