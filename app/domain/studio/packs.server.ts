// Content packs (issue 14): the service's published content (or a selection), or the base
// edition, as one YAML file of documents: a manifest first (format, edition, content version,
// each item's kind, id and hash), then one document per item. Importing a pack makes a draft of
// every item, each validated on its own against the programme (and the pack's own exercises);
// if any item has an error or a conflict, nothing is imported.
import { and, eq, inArray, max } from 'drizzle-orm'
import { parseAllDocuments, stringify } from 'yaml'
import { z } from 'zod'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { OPEN_STATUSES, STUDIO_KINDS, type StudioKind, studioAudit, studioVersions } from '#db/schema/index.ts'
import { type DocumentIssue, type Exercise, IdSchema, isTextKind, loadProgramme } from '#programme/engine/index.ts'
import {
  baseDocument,
  baseIds,
  documentHash,
  publishedDocument,
  publishedRows,
  validationContext,
} from './content.server.ts'
import { type Actor, canAuthor } from './guards.server.ts'
import { auditValues, checkDraft } from './workflow.server.ts'

export const PACK_FORMAT = 'foothold-content-pack'
export const PACK_FORMAT_VERSION = 1
/** More items than this in one pack is refused (the whole programme is about 30). */
export const PACK_MAX_ITEMS = 200

const ManifestSchema = z.object({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  edition: z.enum(['service', 'base']),
  contentVersion: z.string(),
  exportedAt: z.string(),
  items: z
    .array(z.object({ kind: z.enum(STUDIO_KINDS), id: IdSchema, hash: z.string().regex(/^[0-9a-f]{64}$/) }))
    .max(PACK_MAX_ITEMS),
})
export type PackManifest = z.infer<typeof ManifestSchema>

const ItemSchema = z.object({ kind: z.enum(STUDIO_KINDS), document: z.record(z.string(), z.unknown()) })

export type PackSelection = {
  /** service: the service's published versions; base: the shipped edition. */
  edition: 'service' | 'base'
  /** Only these items (default: every item of the edition). */
  items?: Array<{ kind: StudioKind; itemId: string }>
}

const key = (kind: string, id: string) => `${kind}:${id}`

/** The pack as text, and a file name for the download. */
export async function exportPack(
  selection: PackSelection,
  now = clock.now(),
): Promise<{ fileName: string; yaml: string; manifest: PackManifest }> {
  const wanted = selection.items ? new Set(selection.items.map((i) => key(i.kind, i.itemId))) : null
  const docs: Array<{ kind: StudioKind; id: string; document: Record<string, unknown> }> = []
  if (selection.edition === 'service') {
    for (const row of await publishedRows(STUDIO_KINDS))
      if (!wanted || wanted.has(key(row.kind, row.itemId)))
        docs.push({ kind: row.kind, id: row.itemId, document: row.document })
  } else {
    for (const kind of STUDIO_KINDS)
      for (const id of baseIds(kind))
        if (!wanted || wanted.has(key(kind, id)))
          docs.push({ kind, id, document: baseDocument(kind, id) as Record<string, unknown> })
  }
  docs.sort((a, b) => STUDIO_KINDS.indexOf(a.kind) - STUDIO_KINDS.indexOf(b.kind) || a.id.localeCompare(b.id))
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    edition: selection.edition,
    contentVersion: loadProgramme().version,
    exportedAt: now.toISOString(),
    items: docs.map((d) => ({ kind: d.kind, id: d.id, hash: documentHash(d.document) })),
  }
  const parts = [manifest, ...docs.map((d) => ({ kind: d.kind, document: d.document }))].map((part) =>
    stringify(part, { lineWidth: 0 }),
  )
  const yaml = parts.map((part, index) => (index === 0 ? part : `---\n${part}`)).join('')
  const date = now.toISOString().slice(0, 10)
  return { fileName: `foothold-${selection.edition}-content-${date}.yaml`, yaml, manifest }
}

export type PackItemReport = {
  kind: StudioKind | null
  itemId: string | null
  /** new: a new item; change: a draft over the published item; unchanged: same as published (skipped). */
  action: 'new' | 'change' | 'unchanged' | null
  /** A conflict: the item already has a draft being worked on. */
  conflict: string | null
  issues: DocumentIssue[]
  ok: boolean
}

export type ImportOutcome = {
  items: PackItemReport[]
  /** The drafts made (none when anything was wrong). */
  created: Array<{ kind: StudioKind; itemId: string; versionId: string }>
}

/** Imported (ok), or refused with every item's findings (nothing was written). */
export type ImportResult =
  | ({ ok: true } & ImportOutcome)
  | ({ ok: false; status: 400 | 403; message: string } & ImportOutcome)

/** A problem with the file as a whole, as one item report. */
const fileProblem = (message: string): PackItemReport => ({
  kind: null,
  itemId: null,
  action: null,
  conflict: null,
  issues: [{ rule: 'yaml', severity: 'error', message, path: '(top level)', at: [] }],
  ok: false,
})

/**
 * Imports a pack as drafts, all or nothing: every item is checked first (the validator, the
 * manifest's hash, duplicates, a draft already open); only if all pass are the drafts written,
 * in one batch, each with an import audit row.
 */
export async function importPack(actor: Actor, text: string, now = clock.now()): Promise<ImportResult> {
  if (!canAuthor(actor))
    return { ok: false, status: 403, message: 'Only clinicians can import content.', items: [], created: [] }
  const failed = (items: PackItemReport[], message: string) => ({
    ok: false as const,
    status: 400 as const,
    message,
    items,
    created: [],
  })
  const documents = parseAllDocuments(text)
  if (!Array.isArray(documents) || documents.length === 0)
    return failed([fileProblem('The file is empty.')], 'The file is empty.')
  const broken = documents.flatMap((d, index) => d.errors.map((e) => `document ${index + 1}: ${e.message}`))
  if (broken.length > 0) return failed(broken.map(fileProblem), 'The file is not valid YAML.')
  const manifest = ManifestSchema.safeParse(documents[0]?.toJS())
  if (!manifest.success)
    return failed(
      [fileProblem('The first document must be a Foothold content pack manifest.')],
      'This is not a content pack.',
    )
  const items = documents.slice(1).map((d) => ItemSchema.safeParse(d.toJS()))
  if (items.length !== manifest.data.items.length)
    return failed(
      [fileProblem(`The manifest lists ${manifest.data.items.length} items but the file has ${items.length}.`)],
      'The pack is incomplete.',
    )

  // The pack's own exercises count as published for its modules.
  const packExercises: Record<string, Exercise> = {}
  for (const item of items)
    if (item.success && item.data.kind === 'exercise' && typeof item.data.document.id === 'string')
      packExercises[item.data.document.id] = item.data.document as unknown as Exercise

  const reports: PackItemReport[] = []
  const accepted: Array<{
    kind: StudioKind
    itemId: string
    document: Record<string, unknown>
    hash: string
    basedOn: string | null
    basedOnHash: string | null
  }> = []
  const seen = new Set<string>()
  for (const [index, parsed] of items.entries()) {
    const listed = manifest.data.items[index]
    if (!parsed.success || !listed) {
      reports.push(fileProblem(`document ${index + 2}: each item needs a kind and a document`))
      continue
    }
    const { kind, document } = parsed.data
    const itemId = listed.id
    const report: PackItemReport = { kind, itemId, action: null, conflict: null, issues: [], ok: false }
    reports.push(report)
    // A list or text of the programme has no id of its own: its item id is its kind.
    if (kind !== listed.kind || (isTextKind(kind) ? itemId !== kind : document.id !== itemId)) {
      report.issues.push({
        rule: 'reference',
        severity: 'error',
        message: 'the item does not match the manifest',
        path: 'id',
        at: ['id'],
      })
      continue
    }
    if (documentHash(document) !== listed.hash)
      report.issues.push({
        rule: 'reference',
        severity: 'error',
        message: 'the document has changed since the pack was made (its hash does not match the manifest)',
        path: '(top level)',
        at: [],
      })
    if (seen.has(key(kind, itemId))) report.conflict = 'this item is in the pack twice'
    seen.add(key(kind, itemId))
    const ctx = await validationContext(kind, itemId)
    const checked = checkDraft(
      kind,
      itemId,
      { document },
      { ...ctx, exercises: { ...ctx.exercises, ...packExercises } },
    )
    report.issues.push(...checked.issues)
    const published = await publishedDocument(kind, itemId)
    const stored = (checked.document ?? document) as Record<string, unknown>
    const hash = documentHash(stored)
    report.action = !published ? 'new' : published.hash === hash ? 'unchanged' : 'change'
    if (kind === 'instrument' && !published)
      report.issues.push({
        rule: 'instrument-locked',
        severity: 'error',
        message: 'new instruments cannot be imported',
        path: 'id',
        at: ['id'],
      })
    const open = await getDb()
      .select({ id: studioVersions.id })
      .from(studioVersions)
      .where(
        and(
          eq(studioVersions.kind, kind),
          eq(studioVersions.itemId, itemId),
          inArray(studioVersions.status, [...OPEN_STATUSES]),
        ),
      )
      .get()
    if (open && report.action !== 'unchanged') report.conflict ??= 'a draft of this item is already being worked on'
    report.ok = !report.conflict && report.issues.every((issue) => issue.severity !== 'error')
    if (report.ok && report.action !== 'unchanged')
      accepted.push({
        kind,
        itemId,
        document: stored,
        hash,
        basedOn: published ? (published.versionId ?? 'base') : null,
        basedOnHash: published?.hash ?? null,
      })
  }
  if (reports.some((r) => !r.ok)) return failed(reports, 'Nothing was imported: fix the items listed and try again.')

  const numbers = new Map<string, number>()
  for (const a of accepted) {
    const row = await getDb()
      .select({ last: max(studioVersions.number) })
      .from(studioVersions)
      .where(and(eq(studioVersions.kind, a.kind), eq(studioVersions.itemId, a.itemId)))
      .get()
    numbers.set(key(a.kind, a.itemId), (row?.last ?? 0) + 1)
  }
  const created = accepted.map((a) => ({ kind: a.kind, itemId: a.itemId, versionId: crypto.randomUUID() }))
  try {
    getDb().transaction((tx) => {
      accepted.forEach((a, i) => {
        const versionId = (created[i] as { versionId: string }).versionId
        tx.insert(studioVersions)
          .values({
            id: versionId,
            kind: a.kind,
            itemId: a.itemId,
            number: numbers.get(key(a.kind, a.itemId)) as number,
            document: a.document,
            hash: a.hash,
            status: 'draft',
            basedOn: a.basedOn,
            basedOnHash: a.basedOnHash,
            authorId: actor.id,
            createdAt: now,
            updatedAt: now,
          })
          .run()
        tx.insert(studioAudit)
          .values(
            auditValues(actor, 'import', a, now, {
              versionId,
              hashBefore: a.basedOnHash,
              hashAfter: a.hash,
              note: `from a ${manifest.data.edition} pack of ${manifest.data.exportedAt.slice(0, 10)}`,
            }),
          )
          .run()
      })
    })
  } catch (error) {
    if (error instanceof Error && /UNIQUE constraint failed/.test(error.message))
      return failed(reports, 'Someone started a draft of one of these items a moment ago. Nothing was imported.')
    throw error
  }
  return { ok: true, items: reports, created }
}
