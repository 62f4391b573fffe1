// What the studio shows: the library (every item of the published programme, its layer, what is
// being worked on, the last change and how many clients are on each version), an item's history,
// one version with its comments and the validator's findings, and the audit log.
import { createHash } from 'node:crypto'
import { and, count, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm'
import { getDb } from '#db/client.ts'
import {
  moduleProgress,
  moduleVersions,
  OPEN_STATUSES,
  STUDIO_KINDS,
  type StudioKind,
  type StudioVersion,
  studioAudit,
  studioComments,
  studioVersions,
  users,
  type VersionStatus,
} from '#db/schema/index.ts'
import { jsonField } from '#db/sqlite.ts'
import {
  type AnyDocument,
  type DocumentIssue,
  isTextKind,
  type ModuleDefinition,
  type ModuleDocument,
  moduleDefinitionOf,
  TEXT_SPECS,
} from '#programme/engine/index.ts'
import {
  baseDocument,
  baseIds,
  documentHash,
  publishedDocument,
  publishedExercises,
  publishedRows,
} from './content.server.ts'
import { validateVersion } from './workflow.server.ts'

async function usernames(ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await getDb()
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.id, wanted))
    .all()
  return new Map(rows.map((row) => [row.id, row.username]))
}

function titleOf(document: unknown, fallback: string): string {
  if (isTextKind(fallback)) return TEXT_SPECS[fallback].title
  const title = (document as { title?: unknown } | null)?.title
  return typeof title === 'string' && title.trim() ? title : fallback
}

export type VersionSummary = {
  id: string
  number: number
  status: VersionStatus
  hash: string
  changeNote: string | null
  author: string
  reviewer: string | null
  publishedBy: string | null
  createdAt: Date
  updatedAt: Date
  submittedAt: Date | null
  reviewedAt: Date | null
  publishedAt: Date | null
  retiredAt: Date | null
  /** "base" or a version id: what it was made from. */
  basedOn: string | null
  rollBackOf: string | null
}

function summarise(row: StudioVersion, names: Map<string, string>): VersionSummary {
  const name = (id: string | null) => (id ? (names.get(id) ?? 'a former staff member') : null)
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    hash: row.hash,
    changeNote: row.changeNote,
    author: name(row.authorId) as string,
    reviewer: name(row.reviewerId),
    publishedBy: name(row.publishedBy),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    reviewedAt: row.reviewedAt,
    publishedAt: row.publishedAt,
    retiredAt: row.retiredAt,
    basedOn: row.basedOn,
    rollBackOf: row.rollBackOf,
  }
}

export type ItemHistory = {
  kind: StudioKind
  itemId: string
  title: string
  /** The base edition's document and hash, or null for an item only the service has. */
  base: { document: AnyDocument; hash: string } | null
  /** Newest first. */
  versions: VersionSummary[]
  /** The layer clients get now, or null when the item is not published at all. */
  live: 'base' | 'service' | null
}

/** Every version of an item, newest first, with the base edition beside them. */
export async function itemHistory(kind: StudioKind, itemId: string): Promise<ItemHistory | null> {
  const rows = await getDb()
    .select()
    .from(studioVersions)
    .where(and(eq(studioVersions.kind, kind), eq(studioVersions.itemId, itemId)))
    .orderBy(desc(studioVersions.number))
    .all()
  const base = baseDocument(kind, itemId)
  if (!base && rows.length === 0) return null
  const names = await usernames(rows.flatMap((r) => [r.authorId, r.reviewerId, r.publishedBy]))
  const published = await publishedDocument(kind, itemId)
  return {
    kind,
    itemId,
    title: titleOf(published?.document ?? rows[0]?.document ?? base, itemId),
    base: base ? { document: base, hash: documentHash(base) } : null,
    versions: rows.map((row) => summarise(row, names)),
    live: published?.layer ?? null,
  }
}

export type CommentView = { id: string; author: string; stepId: string | null; body: string; createdAt: Date }

export type VersionDetail = VersionSummary & {
  kind: StudioKind
  itemId: string
  document: Record<string, unknown>
  /** The YAML as last saved from the source view, when it was. */
  source: string | null
  comments: CommentView[]
  /** The validator's findings against the programme as published now. */
  issues: DocumentIssue[]
  valid: boolean
  /** What clients get now (to diff against), or null for a new item. */
  published: { document: AnyDocument; layer: 'base' | 'service'; versionId: string | null; hash: string } | null
  authorId: string
  reviewerId: string | null
}

/** One version with everything its page needs. */
export async function versionDetail(versionId: string): Promise<VersionDetail | null> {
  const row = await getDb().select().from(studioVersions).where(eq(studioVersions.id, versionId)).get()
  if (!row) return null
  const comments = await getDb()
    .select()
    .from(studioComments)
    .where(eq(studioComments.versionId, versionId))
    .orderBy(studioComments.createdAt)
    .all()
  const names = await usernames([row.authorId, row.reviewerId, row.publishedBy, ...comments.map((c) => c.authorId)])
  const report = await validateVersion(row)
  const published = await publishedDocument(row.kind, row.itemId)
  return {
    ...summarise(row, names),
    kind: row.kind,
    itemId: row.itemId,
    document: row.document,
    source: row.source,
    comments: comments.map((c) => ({
      id: c.id,
      author: names.get(c.authorId) ?? 'a former staff member',
      stepId: c.stepId,
      body: c.body,
      createdAt: c.createdAt,
    })),
    issues: report.issues,
    valid: report.ok,
    published: published
      ? { document: published.document, layer: published.layer, versionId: published.versionId, hash: published.hash }
      : null,
    authorId: row.authorId,
    reviewerId: row.reviewerId,
  }
}

export type ClientsOnVersion = {
  /** "Base edition", "Service version 3", or "An earlier edition (version 1)". */
  label: string
  /** The studio version's id, "base", or null for an edition no longer known. */
  versionId: string | null
  /** Clients part-way through on it now. */
  inProgress: number
  /** Clients who finished it. */
  finished: number
}

export type LibraryItem = {
  kind: StudioKind
  itemId: string
  title: string
  /** base: clients get the shipped edition; service: the service's published version; none: not published yet. */
  layer: 'base' | 'service' | 'none'
  /** The published service version's number. */
  publishedNumber: number | null
  /** The version being worked on, if any. */
  open: { versionId: string; number: number; status: VersionStatus; author: string } | null
  lastChange: { at: Date; action: string; by: string } | null
  /** Modules only: clients on each version they started. */
  clients: ClientsOnVersion[]
  /**
   * The service publishes its own version, and the base edition has changed since that version
   * was made from it (a new release): the release's changes do not reach clients until a
   * clinician takes them into a new version.
   */
  baseChanged: boolean
}

const pinHash = (def: ModuleDefinition) => createHash('sha256').update(JSON.stringify(def)).digest('hex')

/** Clients on each pinned version of every module, labelled by studio version where one matches. */
async function clientsByModule(versionRows: StudioVersion[]): Promise<Map<string, ClientsOnVersion[]>> {
  const finished = sql<number>`sum(case when ${jsonField(moduleProgress.state, 'value')} = 'finished' then 1 else 0 end)`
  const rows = await getDb()
    .select({
      moduleId: moduleProgress.moduleId,
      hash: moduleVersions.hash,
      version: moduleVersions.version,
      total: count(),
      finished,
    })
    .from(moduleProgress)
    .innerJoin(moduleVersions, eq(moduleVersions.id, moduleProgress.moduleVersionId))
    .groupBy(moduleProgress.moduleId, moduleVersions.id)
    .all()
  const exercises = await publishedExercises()
  // The pin of each studio version and of the base edition, built as a new start builds it.
  const labels = new Map<string, { label: string; versionId: string }>()
  for (const row of versionRows)
    if (row.kind === 'module' && row.publishedAt)
      labels.set(pinHash(moduleDefinitionOf(row.document as ModuleDocument, exercises)), {
        label: `Service version ${row.number}`,
        versionId: row.id,
      })
  for (const id of baseIds('module')) {
    const base = baseDocument('module', id) as ModuleDocument
    labels.set(pinHash(moduleDefinitionOf(base, exercises)), { label: 'Base edition', versionId: 'base' })
  }
  const out = new Map<string, ClientsOnVersion[]>()
  for (const row of rows) {
    const known = labels.get(row.hash)
    const list = out.get(row.moduleId) ?? []
    const done = Number(row.finished ?? 0)
    list.push({
      label: known?.label ?? `An earlier edition (version ${row.version})`,
      versionId: known?.versionId ?? null,
      inProgress: row.total - done,
      finished: done,
    })
    out.set(row.moduleId, list)
  }
  return out
}

/** The latest audit row of every item. */
async function lastChanges(): Promise<Map<string, { at: Date; action: string; by: string }>> {
  const latest = getDb()
    .select({
      kind: studioAudit.kind,
      itemId: studioAudit.itemId,
      at: sql<number>`max(${studioAudit.at})`.as('last_at'),
    })
    .from(studioAudit)
    .groupBy(studioAudit.kind, studioAudit.itemId)
    .as('latest')
  const rows = await getDb()
    .select({
      kind: studioAudit.kind,
      itemId: studioAudit.itemId,
      at: studioAudit.at,
      action: studioAudit.action,
      by: studioAudit.actorName,
    })
    .from(studioAudit)
    .innerJoin(
      latest,
      and(
        eq(latest.kind, studioAudit.kind),
        eq(latest.itemId, studioAudit.itemId),
        eq(latest.at, studioAudit.at),
      ) as SQL,
    )
    .all()
  return new Map(rows.map((row) => [`${row.kind}:${row.itemId}`, { at: row.at, action: row.action, by: row.by }]))
}

/** Every item of the published programme and every item the service is working on. */
export async function library(kind?: StudioKind): Promise<LibraryItem[]> {
  const kinds: StudioKind[] = kind ? [kind] : [...STUDIO_KINDS]
  const versions = await getDb()
    .select()
    .from(studioVersions)
    .where(inArray(studioVersions.kind, kinds))
    .orderBy(desc(studioVersions.number))
    .all()
  const names = await usernames(versions.map((v) => v.authorId))
  const published = await publishedRows(kinds)
  const changes = await lastChanges()
  const clients = kinds.includes('module') ? await clientsByModule(versions) : new Map<string, ClientsOnVersion[]>()
  const items: LibraryItem[] = []
  for (const k of kinds) {
    const serviceIds = [...new Set(versions.filter((v) => v.kind === k).map((v) => v.itemId))].sort()
    const ids = [...baseIds(k), ...serviceIds.filter((id) => !baseIds(k).includes(id))]
    for (const itemId of ids) {
      const own = published.find((row) => row.kind === k && row.itemId === itemId)
      const open = versions.find(
        (v) => v.kind === k && v.itemId === itemId && (OPEN_STATUSES as readonly string[]).includes(v.status),
      )
      const base = baseDocument(k, itemId)
      // The newest version made from the base edition says which base the service built on.
      const fromBase = versions.find((v) => v.kind === k && v.itemId === itemId && v.basedOn === 'base')
      const baseChanged = Boolean(own && base && fromBase?.basedOnHash && fromBase.basedOnHash !== documentHash(base))
      items.push({
        kind: k,
        itemId,
        title: titleOf(own?.document ?? base ?? open?.document, itemId),
        layer: own ? 'service' : base ? 'base' : 'none',
        publishedNumber: own?.number ?? null,
        open: open
          ? {
              versionId: open.id,
              number: open.number,
              status: open.status,
              author: names.get(open.authorId) ?? 'a former staff member',
            }
          : null,
        lastChange: changes.get(`${k}:${itemId}`) ?? null,
        clients: k === 'module' ? (clients.get(itemId) ?? []) : [],
        baseChanged,
      })
    }
  }
  return items
}

/** Drafts waiting for a review that this clinician may give (not their own). */
export async function awaitingReview(reviewerId: string): Promise<VersionSummary[]> {
  const rows = await getDb()
    .select()
    .from(studioVersions)
    .where(and(eq(studioVersions.status, 'in-review'), ne(studioVersions.authorId, reviewerId)))
    .orderBy(studioVersions.submittedAt)
    .all()
  const names = await usernames(rows.map((r) => r.authorId))
  return rows.map((row) => summarise(row, names))
}

export type AuditEntry = typeof studioAudit.$inferSelect

/** The audit log, newest first: all of it, or one item's. */
export async function auditLog(
  filter: { kind?: StudioKind; itemId?: string; limit?: number } = {},
): Promise<AuditEntry[]> {
  const conditions = [
    filter.kind ? eq(studioAudit.kind, filter.kind) : undefined,
    filter.itemId ? eq(studioAudit.itemId, filter.itemId) : undefined,
  ]
  return getDb()
    .select()
    .from(studioAudit)
    .where(and(...conditions))
    .orderBy(desc(studioAudit.at), desc(sql`rowid`))
    .limit(Math.min(Math.max(filter.limit ?? 200, 1), 1000))
    .all()
}
