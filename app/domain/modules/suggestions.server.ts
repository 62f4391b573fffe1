// Modules a key worker suggests to a client they are linked with. The client sees them beside
// their own recommendations until they dismiss them, and only while they still share with that
// worker.
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { publishedModule } from '#app/domain/studio/content.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { prepared } from '#db/prepared.ts'
import { careLinks, moduleSuggestions, users } from '#db/schema/index.ts'

/** A worker suggests a module; suggesting one again after the client dismissed it shows it again. */
export async function suggestModule(
  workerId: string,
  clientId: string,
  moduleId: string,
  now = clock.now(),
): Promise<boolean> {
  if (!(await publishedModule(moduleId))) return false
  await getDb()
    .insert(moduleSuggestions)
    .values({ clientId, workerId, moduleId, createdAt: now })
    .onConflictDoUpdate({
      target: [moduleSuggestions.clientId, moduleSuggestions.moduleId],
      set: { workerId, createdAt: now, dismissedAt: null },
    })
    .run()
  return true
}

/** Suggestions the client has not dismissed, from workers they still share with. */
const suggestionsForQuery = prepared((db) =>
  db
    .select({ id: moduleSuggestions.id, moduleId: moduleSuggestions.moduleId, worker: users.username })
    .from(moduleSuggestions)
    .innerJoin(users, eq(users.id, moduleSuggestions.workerId))
    .innerJoin(
      careLinks,
      and(
        eq(careLinks.clientId, moduleSuggestions.clientId),
        eq(careLinks.workerId, moduleSuggestions.workerId),
        isNull(careLinks.revokedAt),
      ),
    )
    .where(and(eq(moduleSuggestions.clientId, sql.placeholder('clientId')), isNull(moduleSuggestions.dismissedAt)))
    .orderBy(desc(moduleSuggestions.createdAt))
    .prepare(),
)

export async function suggestionsFor(clientId: string) {
  return suggestionsForQuery().all({ clientId })
}

export async function dismissSuggestion(clientId: string, suggestionId: string, now = clock.now()): Promise<boolean> {
  const result = await getDb()
    .update(moduleSuggestions)
    .set({ dismissedAt: now })
    .where(and(eq(moduleSuggestions.id, suggestionId), eq(moduleSuggestions.clientId, clientId)))
    .run()
  return result.changes === 1
}

/** The modules this worker has suggested to this client that are still showing. */
const suggestionsByQuery = prepared((db) =>
  db
    .select({ moduleId: moduleSuggestions.moduleId, createdAt: moduleSuggestions.createdAt })
    .from(moduleSuggestions)
    .where(
      and(
        eq(moduleSuggestions.clientId, sql.placeholder('clientId')),
        eq(moduleSuggestions.workerId, sql.placeholder('workerId')),
        isNull(moduleSuggestions.dismissedAt),
      ),
    )
    .prepare(),
)

export async function suggestionsBy(workerId: string, clientId: string) {
  return suggestionsByQuery().all({ workerId, clientId })
}
