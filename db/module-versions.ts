// Pins a module definition: the `module_versions` row for exactly this definition, inserted on
// first use (ADR 0010). Shared by the app and the seeds. Read first, write later: `pinModuleVersion`
// looks the row up before any transaction, and `writePin` only inserts, inside the caller's.
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { ModuleDefinition } from '#programme/engine/index.ts'
import type { Db } from './client.ts'
import { moduleVersions } from './schema/index.ts'

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

/** The pinned row's id, and the row to insert when this definition has not been pinned before. */
export type Pin = { id: string; row: typeof moduleVersions.$inferInsert | null }

/**
 * A new row's id comes from the definition's hash (UUID-shaped), not from chance: two requests
 * pinning the same new definition at once make the same id, so whichever insert loses to the
 * unique hash still points at the row that won. (Module content is public: the id hides nothing.)
 */
function idFromHash(hash: string): string {
  return [hash.slice(0, 8), hash.slice(8, 12), hash.slice(12, 16), hash.slice(16, 20), hash.slice(20, 32)].join('-')
}

/** Which row pins `def` (keyed by the SHA-256 of its JSON): the existing one, or one to write. */
export async function pinModuleVersion(db: Db, def: ModuleDefinition): Promise<Pin> {
  const hash = createHash('sha256').update(JSON.stringify(def)).digest('hex')
  const found = await db
    .select({ id: moduleVersions.id })
    .from(moduleVersions)
    .where(eq(moduleVersions.hash, hash))
    .get()
  if (found) return { id: found.id, row: null }
  const id = idFromHash(hash)
  return { id, row: { id, moduleId: def.id, version: def.version, hash, definition: def } }
}

/** Writes a new pin's row in the caller's transaction (nothing is read; a row already there stays). */
export function writePin(tx: Tx, pin: Pin): void {
  if (pin.row) tx.insert(moduleVersions).values(pin.row).onConflictDoNothing().run()
}
