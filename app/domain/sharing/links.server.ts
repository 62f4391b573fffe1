// Sharing with key workers, on the client's terms. A client makes a one-time code with the
// scopes they choose; a key worker redeems it, which links them with exactly those scopes. The
// client sees every link, changes scopes or revokes, and every look a worker takes at their data
// is written to the access log in the same request (access-log.server.ts; suggestions are in
// module-suggestions.server.ts). Revocation takes effect on the next request
// because every worker page reads the link afresh (`linkedClient`), never from a cache.
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm'
import { clock } from '#app/utils/clock.server.ts'
import { checkLimits, getLimiters, tooManyAttemptsMessage } from '#app/utils/rate-limit.server.ts'
import { getDb } from '#db/client.ts'
import { prepared } from '#db/prepared.ts'
import {
  type CareLink,
  careLinks,
  moduleSuggestions,
  SCOPES,
  type Scope,
  shareCodes,
  type User,
  users,
} from '#db/schema/index.ts'
import { accessLogOf } from './access-log.server.ts'
import { CODE_LIFETIME_MS, generateShareCode, hashShareCode, normaliseShareCode } from './share-code.server.ts'

export { SCOPES, type Scope }
export type Scopes = Record<Scope, boolean>

export const SCOPE_LABELS: Record<Scope, string> = {
  assessments: 'Check-in results and score history',
  modules: 'Modules and exercises',
  tracking: 'Urges and use',
  goals: 'Goals and check-ins',
}

export const scopeList = (scopes: Scopes): Scope[] => SCOPES.filter((scope) => scopes[scope])
const scopesOf = (row: Scopes): Scopes => ({
  assessments: row.assessments,
  modules: row.modules,
  tracking: row.tracking,
  goals: row.goals,
})

/** A new code for the client, shown to them once; returns the code and when it stops working. */
export async function createShareCode(clientId: string, scopes: Scopes, now = clock.now()) {
  const db = getDb()
  const expiresAt = new Date(now.getTime() + CODE_LIFETIME_MS)
  // A clash with a live code is vanishingly rare (about 40 bits); try again rather than fail.
  for (let attempt = 0; ; attempt++) {
    const code = generateShareCode()
    const inserted = await db
      .insert(shareCodes)
      .values({ clientId, codeHash: hashShareCode(code), ...scopes, createdAt: now, expiresAt })
      .onConflictDoNothing()
      .run()
    if (inserted.changes === 1) return { code, expiresAt }
    if (attempt > 5) throw new Error('Could not make a unique share code')
  }
}

export type Redeemed = { ok: true; linkId: string } | { ok: false }

/**
 * Links the worker to the code's client with the code's scopes, and uses the code up, in one
 * transaction. Wrong, used and expired codes all give the same answer. The code is read first;
 * the transaction only writes, and uses the code up only if no one else did meanwhile.
 */
export async function redeemShareCode(worker: Pick<User, 'id'>, input: string, now = clock.now()): Promise<Redeemed> {
  const code = normaliseShareCode(input)
  if (!code) return { ok: false }
  const db = getDb()
  const found = await db
    .select()
    .from(shareCodes)
    .where(and(eq(shareCodes.codeHash, hashShareCode(code)), isNull(shareCodes.usedAt), gt(shareCodes.expiresAt, now)))
    .get()
  if (!found) return { ok: false }
  return db.transaction((tx): Redeemed => {
    const used = tx
      .update(shareCodes)
      .set({ usedAt: now })
      .where(and(eq(shareCodes.id, found.id), isNull(shareCodes.usedAt)))
      .run()
    if (used.changes !== 1) return { ok: false }
    const scopes = scopesOf(found)
    const link = tx
      .insert(careLinks)
      .values({ clientId: found.clientId, workerId: worker.id, ...scopes, linkedAt: now, scopesChangedAt: now })
      .onConflictDoUpdate({
        target: [careLinks.clientId, careLinks.workerId],
        // A revoked link comes back as new; a live one takes the new code's scopes.
        set: {
          ...scopes,
          scopesChangedAt: now,
          revokedAt: null,
          linkedAt: sql`case when ${careLinks.revokedAt} is null then ${careLinks.linkedAt} else ${now.getTime()} end`,
        },
      })
      .returning({ id: careLinks.id })
      .get()
    return { ok: true, linkId: link.id }
  })
}

/** The workers the client shares with (live links first, then revoked ones). */
const linksOfClientQuery = prepared((db) =>
  db
    .select({
      id: careLinks.id,
      worker: users.username,
      assessments: careLinks.assessments,
      modules: careLinks.modules,
      tracking: careLinks.tracking,
      goals: careLinks.goals,
      linkedAt: careLinks.linkedAt,
      scopesChangedAt: careLinks.scopesChangedAt,
      revokedAt: careLinks.revokedAt,
    })
    .from(careLinks)
    .innerJoin(users, eq(users.id, careLinks.workerId))
    .where(eq(careLinks.clientId, sql.placeholder('clientId')))
    .orderBy(sql`${careLinks.revokedAt} is not null`, desc(careLinks.linkedAt))
    .prepare(),
)

export async function linksOfClient(clientId: string) {
  return linksOfClientQuery().all({ clientId })
}

/** Codes the client made that can still be used (the code itself is not kept, only when and what). */
const liveCodesQuery = prepared((db) =>
  db
    .select({
      id: shareCodes.id,
      assessments: shareCodes.assessments,
      modules: shareCodes.modules,
      tracking: shareCodes.tracking,
      goals: shareCodes.goals,
      expiresAt: shareCodes.expiresAt,
    })
    .from(shareCodes)
    .where(
      and(
        eq(shareCodes.clientId, sql.placeholder('clientId')),
        isNull(shareCodes.usedAt),
        gt(shareCodes.expiresAt, sql.placeholder('now')),
      ),
    )
    .orderBy(shareCodes.expiresAt)
    .prepare(),
)

export async function liveCodesOfClient(clientId: string, now = clock.now()) {
  return liveCodesQuery().all({ clientId, now: now.getTime() })
}

/** Cancels a code before anyone uses it. */
export async function cancelShareCode(clientId: string, codeId: string, now = clock.now()): Promise<boolean> {
  const result = await getDb()
    .update(shareCodes)
    .set({ usedAt: now, expiresAt: now })
    .where(and(eq(shareCodes.id, codeId), eq(shareCodes.clientId, clientId), isNull(shareCodes.usedAt)))
    .run()
  return result.changes === 1
}

/** The client changes what a live link shares. */
export async function changeScopes(
  clientId: string,
  linkId: string,
  scopes: Scopes,
  now = clock.now(),
): Promise<boolean> {
  const result = await getDb()
    .update(careLinks)
    .set({ ...scopes, scopesChangedAt: now })
    .where(and(eq(careLinks.id, linkId), eq(careLinks.clientId, clientId), isNull(careLinks.revokedAt)))
    .run()
  return result.changes === 1
}

/** The client ends a link; the worker's next request is refused. */
export async function revokeLink(clientId: string, linkId: string, now = clock.now()): Promise<boolean> {
  const result = await getDb()
    .update(careLinks)
    .set({ revokedAt: now })
    .where(and(eq(careLinks.id, linkId), eq(careLinks.clientId, clientId), isNull(careLinks.revokedAt)))
    .run()
  return result.changes === 1
}

export type LinkedClient = {
  link: CareLink
  client: { id: string; username: string; lastActiveAt: Date | null; timeZone: string }
  scopes: Scopes
}

/** The worker's live link with this id and its client, or null (unknown, someone else's, revoked). */
// Every worker page about a client runs this first: prepared once, not built per request.
const linkedClientQuery = prepared((db) =>
  db
    .select({
      link: careLinks,
      client: { id: users.id, username: users.username, lastActiveAt: users.lastActiveAt, timeZone: users.timeZone },
    })
    .from(careLinks)
    .innerJoin(users, eq(users.id, careLinks.clientId))
    .where(
      and(
        eq(careLinks.id, sql.placeholder('linkId')),
        eq(careLinks.workerId, sql.placeholder('workerId')),
        isNull(careLinks.revokedAt),
      ),
    )
    .prepare(),
)

export async function linkedClient(workerId: string, linkId: string): Promise<LinkedClient | null> {
  const row = await linkedClientQuery().get({ linkId, workerId })
  return row ? { ...row, scopes: scopesOf(row.link) } : null
}

/** The worker's private name for a client (empty clears it). */
export async function setLabel(workerId: string, linkId: string, label: string): Promise<boolean> {
  const result = await getDb()
    .update(careLinks)
    .set({ label: label.trim() || null })
    .where(and(eq(careLinks.id, linkId), eq(careLinks.workerId, workerId), isNull(careLinks.revokedAt)))
    .run()
  return result.changes === 1
}

/** This domain's part of the privacy export: links, codes made, suggestions and the access log. */
export async function exportSharing(clientId: string) {
  const db = getDb()
  return {
    sharedWith: (await linksOfClient(clientId)).map(({ id: _, ...link }) => link),
    shareCodes: await db
      .select({
        assessments: shareCodes.assessments,
        modules: shareCodes.modules,
        tracking: shareCodes.tracking,
        goals: shareCodes.goals,
        createdAt: shareCodes.createdAt,
        expiresAt: shareCodes.expiresAt,
        usedAt: shareCodes.usedAt,
      })
      .from(shareCodes)
      .where(eq(shareCodes.clientId, clientId))
      .all(),
    moduleSuggestions: await db
      .select({
        moduleId: moduleSuggestions.moduleId,
        createdAt: moduleSuggestions.createdAt,
        dismissedAt: moduleSuggestions.dismissedAt,
      })
      .from(moduleSuggestions)
      .where(eq(moduleSuggestions.clientId, clientId))
      .all(),
    accessLog: await accessLogOf(clientId, Number.MAX_SAFE_INTEGER),
  }
}

export const CODE_REFUSED =
  'That code did not work. It may be mistyped, already used, or more than 48 hours old. Ask the client to make a new one on their privacy page.'

/** Redeeming with rate limits per worker and per address; every refusal reads the same. */
export async function redeemWithLimits(
  worker: Pick<User, 'id'>,
  input: string,
  ip: string,
  now = clock.now(),
): Promise<{ ok: true; linkId: string } | { ok: false; status: 400 | 429; message: string }> {
  const limiters = getLimiters()
  const limit = await checkLimits([
    [limiters.redeemPerWorker, worker.id],
    [limiters.redeemPerIp, ip],
  ])
  if (!limit.allowed) return { ok: false, status: 429, message: tooManyAttemptsMessage(limit.retryAfterSeconds) }
  const result = await redeemShareCode(worker, input, now)
  return result.ok ? result : { ok: false, status: 400, message: CODE_REFUSED }
}
