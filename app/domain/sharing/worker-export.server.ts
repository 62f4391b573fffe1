// A key worker's part of "download my data": the links they hold (with their own label for each
// client), every look they took at a client's data (the access log) and what they suggested.
// Clients are named only by the link id, which the worker already sees in their caseload's
// addresses: nothing the client wrote, and not the client's account id or username, is copied.
import { and, asc, eq } from 'drizzle-orm'
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { getDb } from '#db/client.ts'
import { accessLog, careLinks, moduleSuggestions, SCOPES, serviceSuggestions } from '#db/schema/index.ts'

const scopesOf = (row: Record<(typeof SCOPES)[number], boolean>) => SCOPES.filter((scope) => row[scope])

/** The link between this worker and a row's client (a client has at most one link per worker). */
const onLink = (workerId: string, clientId: AnySQLiteColumn) =>
  and(eq(careLinks.clientId, clientId), eq(careLinks.workerId, workerId))

export async function exportCaseloadWork(workerId: string): Promise<Record<string, unknown>> {
  const db = getDb()
  const links = await db
    .select()
    .from(careLinks)
    .where(eq(careLinks.workerId, workerId))
    .orderBy(asc(careLinks.linkedAt))
    .all()
  const views = await db
    .select({ linkId: careLinks.id, what: accessLog.what, scopes: accessLog.scopes, at: accessLog.at })
    .from(accessLog)
    .innerJoin(careLinks, onLink(workerId, accessLog.clientId))
    .where(eq(accessLog.workerId, workerId))
    .orderBy(asc(accessLog.at), asc(accessLog.id))
    .all()
  const modules = await db
    .select({
      linkId: careLinks.id,
      moduleId: moduleSuggestions.moduleId,
      createdAt: moduleSuggestions.createdAt,
      dismissedAt: moduleSuggestions.dismissedAt,
    })
    .from(moduleSuggestions)
    .innerJoin(careLinks, onLink(workerId, moduleSuggestions.clientId))
    .where(eq(moduleSuggestions.workerId, workerId))
    .all()
  const services = await db
    .select({
      linkId: careLinks.id,
      entryId: serviceSuggestions.entryId,
      createdAt: serviceSuggestions.createdAt,
      dismissedAt: serviceSuggestions.dismissedAt,
    })
    .from(serviceSuggestions)
    .innerJoin(careLinks, onLink(workerId, serviceSuggestions.clientId))
    .where(eq(serviceSuggestions.workerId, workerId))
    .all()
  if (links.length + views.length + modules.length + services.length === 0) return {}
  return {
    caseload: {
      links: links.map((link) => ({
        linkId: link.id,
        label: link.label,
        scopes: scopesOf(link),
        linkedAt: link.linkedAt,
        scopesChangedAt: link.scopesChangedAt,
        revokedAt: link.revokedAt,
      })),
      // Every view or download of a client's data this worker made, as the client's log has it.
      accessLog: views.map((row) => ({ ...row, scopes: row.scopes ? row.scopes.split(',') : [] })),
      moduleSuggestions: modules,
      serviceSuggestions: services,
    },
  }
}
