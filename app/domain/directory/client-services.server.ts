// A client's services: the ones key workers suggested (shown with suggested modules, only while
// the client still shares with that worker, until dismissed) and the few the client saved to
// their plan. Both go with the account (cascade) and are in the privacy export.
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { prepared } from '#db/prepared.ts'
import { careLinks, directoryEntries, savedServices, serviceSuggestions, users } from '#db/schema/index.ts'

/** A plan keeps a few services, not a second directory. */
export const SAVED_SERVICES_LIMIT = 10

/** The worker's live links, for the "suggest to" list: the worker's own label, else the username. */
export async function linkedClientsOf(workerId: string) {
  const rows = await getDb()
    .select({ linkId: careLinks.id, label: careLinks.label, username: users.username })
    .from(careLinks)
    .innerJoin(users, eq(users.id, careLinks.clientId))
    .where(and(eq(careLinks.workerId, workerId), isNull(careLinks.revokedAt)))
    .orderBy(asc(users.username))
    .all()
  return rows.map((row) => ({ linkId: row.linkId, name: row.label || row.username }))
}

/** Suggests an entry; suggesting it again after a dismissal shows it again. False if no such entry. */
export async function suggestService(workerId: string, clientId: string, entryId: string, now = clock.now()) {
  const entry = await getDb()
    .select({ id: directoryEntries.id })
    .from(directoryEntries)
    .where(eq(directoryEntries.id, entryId))
    .get()
  if (!entry) return false
  await getDb()
    .insert(serviceSuggestions)
    .values({ clientId, workerId, entryId, createdAt: now })
    .onConflictDoUpdate({
      target: [serviceSuggestions.clientId, serviceSuggestions.entryId],
      set: { workerId, createdAt: now, dismissedAt: null },
    })
    .run()
  return true
}

// The module list and the results page read these on every view: built and compiled once per
// connection (db/prepared.ts), then only bound and run.
const suggestionsQuery = prepared((db) =>
  db
    .select({ id: serviceSuggestions.id, entry: directoryEntries, worker: users.username })
    .from(serviceSuggestions)
    .innerJoin(directoryEntries, eq(directoryEntries.id, serviceSuggestions.entryId))
    .innerJoin(users, eq(users.id, serviceSuggestions.workerId))
    .innerJoin(
      careLinks,
      and(
        eq(careLinks.clientId, serviceSuggestions.clientId),
        eq(careLinks.workerId, serviceSuggestions.workerId),
        isNull(careLinks.revokedAt),
      ),
    )
    .where(and(eq(serviceSuggestions.clientId, sql.placeholder('clientId')), isNull(serviceSuggestions.dismissedAt)))
    .orderBy(desc(serviceSuggestions.createdAt))
    .prepare(),
)

/** Suggestions the client has not dismissed, from workers they still share with, newest first. */
export async function serviceSuggestionsFor(clientId: string) {
  return suggestionsQuery().all({ clientId })
}

export async function dismissServiceSuggestion(clientId: string, suggestionId: string, now = clock.now()) {
  const result = await getDb()
    .update(serviceSuggestions)
    .set({ dismissedAt: now })
    .where(and(eq(serviceSuggestions.id, suggestionId), eq(serviceSuggestions.clientId, clientId)))
    .run()
  return result.changes === 1
}

export type SaveOutcome = 'saved' | 'full' | 'not-found'

/**
 * Saves an entry to the client's plan. One conditional insert, so two saves at once cannot pass
 * the limit; saving one already saved is fine.
 */
export async function saveService(clientId: string, entryId: string, now = clock.now()): Promise<SaveOutcome> {
  const entry = await getDb()
    .select({ id: directoryEntries.id })
    .from(directoryEntries)
    .where(eq(directoryEntries.id, entryId))
    .get()
  if (!entry) return 'not-found'
  const result = await getDb().run(sql`
    insert into ${savedServices} (client_id, entry_id, created_at)
    select ${clientId}, ${entryId}, ${now.getTime()}
    where (select count(*) from ${savedServices} where client_id = ${clientId}) < ${SAVED_SERVICES_LIMIT}
    on conflict do nothing`)
  if (result.changes === 1) return 'saved'
  const already = await getDb()
    .select({ entryId: savedServices.entryId })
    .from(savedServices)
    .where(and(eq(savedServices.clientId, clientId), eq(savedServices.entryId, entryId)))
    .get()
  return already ? 'saved' : 'full'
}

export async function unsaveService(clientId: string, entryId: string): Promise<boolean> {
  const result = await getDb()
    .delete(savedServices)
    .where(and(eq(savedServices.clientId, clientId), eq(savedServices.entryId, entryId)))
    .run()
  return result.changes === 1
}

const savedQuery = prepared((db) =>
  db
    .select({ entry: directoryEntries })
    .from(savedServices)
    .innerJoin(directoryEntries, eq(directoryEntries.id, savedServices.entryId))
    .where(eq(savedServices.clientId, sql.placeholder('clientId')))
    .orderBy(asc(savedServices.savedAt))
    .prepare(),
)

export async function savedServicesOf(clientId: string) {
  return (await savedQuery().all({ clientId })).map((row) => row.entry)
}

/** This domain's part of the privacy export: saved services and services suggested to the person. */
export async function exportDirectory(userId: string) {
  const saved = await getDb()
    .select({ entryId: savedServices.entryId, name: directoryEntries.name, savedAt: savedServices.savedAt })
    .from(savedServices)
    .innerJoin(directoryEntries, eq(directoryEntries.id, savedServices.entryId))
    .where(eq(savedServices.clientId, userId))
    .all()
  const suggested = await getDb()
    .select({
      entryId: serviceSuggestions.entryId,
      name: directoryEntries.name,
      suggestedBy: users.username,
      suggestedAt: serviceSuggestions.createdAt,
      dismissedAt: serviceSuggestions.dismissedAt,
    })
    .from(serviceSuggestions)
    .innerJoin(directoryEntries, eq(directoryEntries.id, serviceSuggestions.entryId))
    .innerJoin(users, eq(users.id, serviceSuggestions.workerId))
    .where(eq(serviceSuggestions.clientId, userId))
    .all()
  return {
    savedServices: saved.map((row) => ({ ...row, savedAt: row.savedAt.toISOString() })),
    suggestedServices: suggested.map((row) => ({
      ...row,
      suggestedAt: row.suggestedAt.toISOString(),
      dismissedAt: row.dismissedAt?.toISOString() ?? null,
    })),
  }
}
