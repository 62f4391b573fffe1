// Pins a module definition: the `module_versions` row for exactly this definition, inserted on
// first use (ADR 0010). Shared by the app and the demo seed.
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { ModuleDefinition } from '#programme/engine/index.ts'
import type { Db } from './client.ts'
import { moduleVersions } from './schema/index.ts'

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

/** The id of the pinned row for `def` (keyed by the SHA-256 of its JSON). */
export function pinModuleVersion(tx: Tx, def: ModuleDefinition): string {
  const hash = createHash('sha256').update(JSON.stringify(def)).digest('hex')
  tx.insert(moduleVersions)
    .values({ moduleId: def.id, version: def.version, hash, definition: def })
    .onConflictDoNothing()
    .run()
  const row = tx.select({ id: moduleVersions.id }).from(moduleVersions).where(eq(moduleVersions.hash, hash)).get()
  if (!row) throw new Error(`Could not pin ${def.id}`)
  return row.id
}
