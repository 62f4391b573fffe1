// The studio's workflow (issue 14, ADR 0019): a clinician makes a draft of an item (from what is
// published, from an earlier version, or new), saves it as often as they like (even when it is
// invalid: the issues come back), submits it with a change note, a different clinician approves
// it or asks for changes (comments per step), and the author or the reviewer publishes it, which
// the validator can still refuse (H-030: nothing invalid is ever published; H-031: nobody
// approves their own change). Every step writes an append-only audit row.
// Each function reads and decides first, then writes one batch; the batch's UPDATEs repeat the
// status they expect in their WHERE clause, and unique indexes allow one open and one published
// version per item, so two clinicians acting at once cannot both win.
import { and, desc, eq, inArray, max } from 'drizzle-orm'
import { parse as parseYaml } from 'yaml'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import {
  type AuditAction,
  OPEN_STATUSES,
  STUDIO_KINDS,
  type StudioKind,
  type StudioVersion,
  studioAudit,
  studioComments,
  studioVersions,
  type VersionStatus,
} from '#db/schema/index.ts'
import {
  type DocumentIssue,
  type DocumentReport,
  IdSchema,
  isTextKind,
  type ValidationContext,
  validateDocument,
  validateYamlDocument,
} from '#programme/engine/index.ts'
import {
  baseDocument,
  documentHash,
  publishedDocument,
  publishedModules,
  publishedRows,
  validationContext,
} from './content.server.ts'
import { type Actor, canAuthor } from './guards.server.ts'

export type StudioRefusal = {
  ok: false
  status: 400 | 403 | 404 | 409
  message: string
  /** The validator's findings, when that is why. */
  issues?: DocumentIssue[]
}
export type StudioResult<T extends object = object> = ({ ok: true } & T) | StudioRefusal

const refuse = (status: StudioRefusal['status'], message: string, issues?: DocumentIssue[]): StudioRefusal =>
  issues ? { ok: false, status, message, issues } : { ok: false, status, message }

const NOT_AUTHOR = refuse(403, 'Only clinicians can change programme content.')
export const CHANGE_NOTE_MAX = 1000
export const COMMENT_MAX = 2000

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0]

/** One audit row's values (the caller inserts it in its batch). */
export function auditValues(
  actor: Actor,
  action: AuditAction,
  item: { kind: StudioKind; itemId: string },
  now: Date,
  extra: {
    versionId?: string | null
    hashBefore?: string | null
    hashAfter?: string | null
    note?: string | null
  } = {},
): typeof studioAudit.$inferInsert {
  return {
    at: now,
    actorId: actor.id,
    actorName: actor.username,
    action,
    kind: item.kind,
    itemId: item.itemId,
    versionId: extra.versionId ?? null,
    hashBefore: extra.hashBefore ?? null,
    hashAfter: extra.hashAfter ?? null,
    note: extra.note ?? null,
  }
}

function writeAudit(tx: Tx, values: typeof studioAudit.$inferInsert): void {
  tx.insert(studioAudit).values(values).run()
}

export async function getVersionRow(versionId: string): Promise<StudioVersion | undefined> {
  return getDb().select().from(studioVersions).where(eq(studioVersions.id, versionId)).get()
}

async function openVersion(kind: StudioKind, itemId: string): Promise<StudioVersion | undefined> {
  return getDb()
    .select()
    .from(studioVersions)
    .where(
      and(
        eq(studioVersions.kind, kind),
        eq(studioVersions.itemId, itemId),
        inArray(studioVersions.status, [...OPEN_STATUSES]),
      ),
    )
    .get()
}

async function nextNumber(kind: StudioKind, itemId: string): Promise<number> {
  const row = await getDb()
    .select({ last: max(studioVersions.number) })
    .from(studioVersions)
    .where(and(eq(studioVersions.kind, kind), eq(studioVersions.itemId, itemId)))
    .get()
  return (row?.last ?? 0) + 1
}

const STATUS_WORDS: Record<VersionStatus, string> = {
  draft: 'a draft',
  'in-review': 'a draft in review',
  'changes-requested': 'a draft with changes asked for',
  approved: 'an approved draft',
  published: 'the published version',
  superseded: 'an earlier version',
  unpublished: 'an unpublished version',
}

/** A unique index refused the write: someone else got there first. */
function isConflict(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed/.test(error.message)
}

/** The validator's report on a document, plus the studio's own rule that its id stays the item's. */
export function checkDraft(
  kind: StudioKind,
  itemId: string,
  input: { document: unknown } | { yaml: string },
  ctx: ValidationContext,
): DocumentReport {
  const report =
    'yaml' in input ? validateYamlDocument(kind, input.yaml, ctx) : validateDocument(kind, input.document, ctx)
  // A list or text of the programme has no id of its own: its item id is its kind.
  const id = isTextKind(kind) ? kind : (report.document as { id?: unknown } | null)?.id
  if (report.document && id !== itemId) {
    report.issues.push({
      rule: 'reference',
      severity: 'error',
      message: `the id must stay ${itemId} (make a new item for a new id)`,
      path: 'id',
      at: ['id'],
    })
    report.ok = false
  }
  return report
}

/** A draft as last saved: its YAML source when it was saved from the source view. */
function savedInput(row: StudioVersion): { document: unknown } | { yaml: string } {
  return row.source !== null ? { yaml: row.source } : { document: row.document }
}

/** Validates a saved version against the programme as published now. */
export async function validateVersion(row: StudioVersion): Promise<DocumentReport> {
  return checkDraft(row.kind, row.itemId, savedInput(row), await validationContext(row.kind, row.itemId))
}

export type NewDraftInput = {
  kind: StudioKind
  itemId: string
  /** A new item's first document; without it the draft starts from what is published now. */
  document?: unknown
}

/** Starts a draft of an item: from what clients get now, or (a new item) from `document`. */
export async function createDraft(
  actor: Actor,
  input: NewDraftInput,
  now = clock.now(),
): Promise<StudioResult<{ versionId: string; number: number }>> {
  if (!canAuthor(actor)) return NOT_AUTHOR
  if (!STUDIO_KINDS.includes(input.kind)) return refuse(400, 'Choose what kind of content this is.')
  if (!IdSchema.safeParse(input.itemId).success)
    return refuse(400, 'Use lower-case letters, numbers and hyphens for the id, such as "my-module".')
  const open = await openVersion(input.kind, input.itemId)
  if (open) return refuse(409, `${input.itemId} already has ${STATUS_WORDS[open.status]}. Carry on with that one.`)
  const published = await publishedDocument(input.kind, input.itemId)
  if (published && input.document !== undefined)
    return refuse(409, `There is already an item called ${input.itemId}. Choose another id, or edit that one.`)
  if (!published && input.document === undefined)
    return refuse(404, `There is no ${input.kind} called ${input.itemId}.`)
  if (!published && input.kind === 'instrument')
    return refuse(400, 'New instruments cannot be added in the studio: only published ones, as published.')
  if (!published && isTextKind(input.kind))
    return refuse(400, 'The programme has one of each list and text: change that one.')
  const document = published
    ? published.document
    : input.document && typeof input.document === 'object'
      ? { ...(input.document as object), id: input.itemId }
      : input.document
  const hash = documentHash(document)
  return writeNewDraft(
    actor,
    input,
    { document, hash, published },
    'create',
    {
      hashBefore: published?.hash ?? null,
      hashAfter: hash,
    },
    now,
  )
}

/**
 * A new draft of an item and its audit row, in one write batch; a draft someone else opened a
 * moment before is refused by the one-open-draft index (409).
 */
async function writeNewDraft(
  actor: Actor,
  item: { kind: StudioKind; itemId: string },
  draft: {
    document: unknown
    hash: string
    published: { versionId?: string | null; hash: string } | null | undefined
    rollBackOf?: string
  },
  action: 'create' | 'roll-back',
  audit: { hashBefore: string | null; hashAfter: string; note?: string },
  now: Date,
): Promise<StudioResult<{ versionId: string; number: number }>> {
  const { published } = draft
  const number = await nextNumber(item.kind, item.itemId)
  const versionId = crypto.randomUUID()
  try {
    getDb().transaction((tx) => {
      tx.insert(studioVersions)
        .values({
          id: versionId,
          kind: item.kind,
          itemId: item.itemId,
          number,
          document: draft.document as Record<string, unknown>,
          hash: draft.hash,
          status: 'draft',
          basedOn: published ? (published.versionId ?? 'base') : null,
          basedOnHash: published?.hash ?? null,
          rollBackOf: draft.rollBackOf ?? null,
          authorId: actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .run()
      writeAudit(tx, auditValues(actor, action, item, now, { versionId, ...audit }))
    })
  } catch (error) {
    if (isConflict(error)) return refuse(409, `Someone else has just started a draft of ${item.itemId}.`)
    throw error
  }
  return { ok: true, versionId, number }
}

/** What saving found: the draft is saved either way; `valid` says whether it could be published. */
export type SaveOutcome = { versionId: string; hash: string; valid: boolean; issues: DocumentIssue[]; changed: boolean }

/** The raw data of YAML that parses but may not pass the schema (null when it does not parse). */
function rawYaml(source: string): unknown {
  try {
    return parseYaml(source)
  } catch {
    return null
  }
}

/**
 * Saves a draft's document, from the form (`document`) or the source view (`yaml`). It saves even
 * when the document has errors, and returns them. Only the author edits, and only while it is a
 * draft or has changes asked for.
 */
export async function saveDraft(
  actor: Actor,
  versionId: string,
  input: { document: unknown } | { yaml: string },
  now = clock.now(),
): Promise<StudioResult<SaveOutcome>> {
  if (!canAuthor(actor)) return NOT_AUTHOR
  const row = await getVersionRow(versionId)
  if (!row) return refuse(404, 'There is no draft like that.')
  if (row.authorId !== actor.id)
    return refuse(
      403,
      'Only the author edits a draft. Comment on it in review, or start your own once it is published.',
    )
  if (row.status !== 'draft' && row.status !== 'changes-requested')
    return refuse(409, `This is ${STATUS_WORDS[row.status]}, so it can no longer be edited.`)
  const report = checkDraft(row.kind, row.itemId, input, await validationContext(row.kind, row.itemId))
  const raw = 'yaml' in input ? rawYaml(input.yaml) : input.document
  // The schema's output (defaults filled in) when it passed; else what was sent; YAML that does
  // not parse keeps the document as it was, with the source saved beside it.
  const document = (report.document ?? (raw && typeof raw === 'object' ? raw : row.document)) as Record<string, unknown>
  const source = 'yaml' in input ? input.yaml : null
  const hash = documentHash(document)
  const outcome = { versionId, valid: report.ok, issues: report.issues }
  if (hash === row.hash && source === row.source) return { ok: true, ...outcome, hash, changed: false }
  const written = getDb().transaction((tx) => {
    const result = tx
      .update(studioVersions)
      .set({ document, hash, source, updatedAt: now })
      .where(and(eq(studioVersions.id, versionId), inArray(studioVersions.status, ['draft', 'changes-requested'])))
      .run()
    if (result.changes === 0) return false
    writeAudit(tx, auditValues(actor, 'edit', row, now, { versionId, hashBefore: row.hash, hashAfter: hash }))
    return true
  })
  if (!written) return refuse(409, 'This draft was submitted a moment ago, so it can no longer be edited.')
  return { ok: true, ...outcome, hash, changed: true }
}

/** The author sends a valid draft for review, saying what changed and why. */
export async function submitForReview(
  actor: Actor,
  versionId: string,
  changeNote: string,
  now = clock.now(),
): Promise<StudioResult> {
  if (!canAuthor(actor)) return NOT_AUTHOR
  const row = await getVersionRow(versionId)
  if (!row) return refuse(404, 'There is no draft like that.')
  if (row.authorId !== actor.id) return refuse(403, 'Only the author can submit this draft.')
  if (row.status !== 'draft' && row.status !== 'changes-requested')
    return refuse(409, `This is ${STATUS_WORDS[row.status]}, so it cannot be submitted.`)
  const note = changeNote.trim()
  if (!note) return refuse(400, 'Say what you changed and why, so the reviewer knows what to look for.')
  if (note.length > CHANGE_NOTE_MAX) return refuse(400, `Keep the change note under ${CHANGE_NOTE_MAX} characters.`)
  const report = await validateVersion(row)
  if (!report.ok) return refuse(400, 'Fix the errors in this draft before you submit it.', report.issues)
  const done = getDb().transaction((tx) => {
    const result = tx
      .update(studioVersions)
      .set({
        status: 'in-review',
        changeNote: note,
        submittedAt: now,
        reviewerId: null,
        reviewedAt: null,
        updatedAt: now,
      })
      .where(and(eq(studioVersions.id, versionId), eq(studioVersions.status, row.status)))
      .run()
    if (result.changes === 0) return false
    writeAudit(tx, auditValues(actor, 'submit', row, now, { versionId, hashAfter: row.hash, note }))
    return true
  })
  return done ? { ok: true } : refuse(409, 'This draft changed a moment ago. Look at it again.')
}

/** What a comment can be about: a module's steps, an exercise's parts, an instrument's bands (by id). */
export function commentTargets(document: Record<string, unknown>): Set<string> {
  const ids = new Set<string>()
  for (const key of ['steps', 'parts', 'bands']) {
    const list = document[key]
    if (Array.isArray(list))
      for (const element of list) {
        const id = (element as { id?: unknown } | null)?.id
        if (typeof id === 'string') ids.add(id)
      }
  }
  return ids
}

/** `stepId`: a step (module), part (exercise) or band (instrument) id; none for the whole. */
export type ReviewComment = { stepId?: string | null; body: string }
export type ReviewInput = { decision: 'approve' | 'request-changes'; comments?: ReviewComment[] }

/**
 * A clinician other than the author approves a draft in review or asks for changes, with
 * comments on steps or on the whole. Nobody approves their own draft (H-031).
 */
export async function review(
  actor: Actor,
  versionId: string,
  input: ReviewInput,
  now = clock.now(),
): Promise<StudioResult> {
  if (!canAuthor(actor)) return NOT_AUTHOR
  const row = await getVersionRow(versionId)
  if (!row) return refuse(404, 'There is no draft like that.')
  if (row.authorId === actor.id)
    return refuse(403, 'You cannot review your own draft. Another clinician must check it.')
  if (row.status !== 'in-review') return refuse(409, `This is ${STATUS_WORDS[row.status]}, not a draft in review.`)
  const comments = (input.comments ?? [])
    .map((c) => ({ stepId: c.stepId || null, body: c.body.trim() }))
    .filter((c) => c.body.length > 0)
  if (comments.some((c) => c.body.length > COMMENT_MAX))
    return refuse(400, `Keep each comment under ${COMMENT_MAX} characters.`)
  if (input.decision === 'request-changes' && comments.length === 0)
    return refuse(400, 'Say what should change: add at least one comment.')
  const unknown = comments.find((c) => c.stepId !== null && !commentTargets(row.document).has(c.stepId))
  if (unknown) return refuse(400, `There is no step ${unknown.stepId} in this draft.`)
  const approve = input.decision === 'approve'
  const done = getDb().transaction((tx) => {
    const result = tx
      .update(studioVersions)
      .set({
        status: approve ? 'approved' : 'changes-requested',
        reviewerId: actor.id,
        reviewedAt: now,
        updatedAt: now,
      })
      .where(and(eq(studioVersions.id, versionId), eq(studioVersions.status, 'in-review')))
      .run()
    if (result.changes === 0) return false
    for (const c of comments)
      tx.insert(studioComments)
        .values({ versionId, authorId: actor.id, stepId: c.stepId, body: c.body, createdAt: now })
        .run()
    writeAudit(
      tx,
      auditValues(actor, approve ? 'approve' : 'request-changes', row, now, {
        versionId,
        hashAfter: row.hash,
        note: comments.length > 0 ? `${comments.length} comment(s)` : null,
      }),
    )
    return true
  })
  return done ? { ok: true } : refuse(409, 'Someone else has just reviewed this draft.')
}

/**
 * Publishes an approved version (by its author or its reviewer): new starts get it from now on,
 * clients part-way keep the version they began. Refused when the validator finds any error
 * against the programme as published now (H-030).
 */
export async function publish(actor: Actor, versionId: string, now = clock.now()): Promise<StudioResult> {
  if (!canAuthor(actor)) return NOT_AUTHOR
  const row = await getVersionRow(versionId)
  if (!row) return refuse(404, 'There is no version like that.')
  if (row.status !== 'approved')
    return refuse(409, `This is ${STATUS_WORDS[row.status]}. Only an approved draft can be published.`)
  if (actor.id !== row.authorId && actor.id !== row.reviewerId)
    return refuse(403, 'Only the author or the reviewer can publish this version.')
  const report = await validateVersion(row)
  if (!report.ok) return refuse(409, 'This version has errors now, so it cannot be published.', report.issues)
  const [current] = await publishedRows([], { kind: row.kind, itemId: row.itemId })
  const before = current?.hash ?? (await publishedDocument(row.kind, row.itemId))?.hash ?? null
  try {
    getDb().transaction((tx) => {
      if (current) {
        const retired = tx
          .update(studioVersions)
          .set({ status: 'superseded', retiredAt: now, updatedAt: now })
          .where(and(eq(studioVersions.id, current.id), eq(studioVersions.status, 'published')))
          .run()
        if (retired.changes === 0) throw new PublishRace()
      }
      const result = tx
        .update(studioVersions)
        .set({ status: 'published', publishedBy: actor.id, publishedAt: now, updatedAt: now })
        .where(and(eq(studioVersions.id, versionId), eq(studioVersions.status, 'approved')))
        .run()
      if (result.changes === 0) throw new PublishRace()
      writeAudit(tx, auditValues(actor, 'publish', row, now, { versionId, hashBefore: before, hashAfter: row.hash }))
    })
  } catch (error) {
    if (error instanceof PublishRace || isConflict(error))
      return refuse(409, 'Something changed a moment ago. Look again.')
    throw error
  }
  return { ok: true }
}

class PublishRace extends Error {}

/**
 * Starts a draft whose document is an earlier version's (or the base edition's, `toVersionId:
 * 'base'`); it then goes through review like any draft.
 */
export async function rollBack(
  actor: Actor,
  input: { kind: StudioKind; itemId: string; toVersionId: string },
  now = clock.now(),
): Promise<StudioResult<{ versionId: string; number: number }>> {
  if (!canAuthor(actor)) return NOT_AUTHOR
  const target =
    input.toVersionId === 'base'
      ? (() => {
          const base = baseDocument(input.kind, input.itemId)
          return base ? { id: 'base', number: 0, document: base, hash: documentHash(base) } : undefined
        })()
      : await getVersionRow(input.toVersionId)
  if (!target || ('kind' in target && (target.kind !== input.kind || target.itemId !== input.itemId)))
    return refuse(404, 'There is no earlier version like that.')
  if ('status' in target && !['published', 'superseded', 'unpublished'].includes(target.status))
    return refuse(409, 'Only a version that was published can be brought back.')
  const open = await openVersion(input.kind, input.itemId)
  if (open)
    return refuse(409, `${input.itemId} already has ${STATUS_WORDS[open.status]}. Finish or wait for that one first.`)
  const published = await publishedDocument(input.kind, input.itemId)
  if (published && published.hash === target.hash) return refuse(409, 'That is what clients get already.')
  const label = target.id === 'base' ? 'the base edition' : `version ${target.number}`
  return writeNewDraft(
    actor,
    input,
    { document: target.document, hash: target.hash, published, rollBackOf: target.id },
    'roll-back',
    { hashBefore: published?.hash ?? null, hashAfter: target.hash, note: `back to ${label}` },
    now,
  )
}

/**
 * Takes the service's published version of an item away: clients get the base edition again
 * (a new item leaves the programme). Clients part-way through keep their pinned version.
 */
export async function unpublish(
  actor: Actor,
  input: { kind: StudioKind; itemId: string; note?: string },
  now = clock.now(),
): Promise<StudioResult> {
  if (!canAuthor(actor)) return NOT_AUTHOR
  const [current] = await publishedRows([], { kind: input.kind, itemId: input.itemId })
  if (!current) return refuse(404, 'The service has not published its own version of this item.')
  const base = baseDocument(input.kind, input.itemId)
  if (input.kind === 'exercise' && !base) {
    const users = Object.values(await publishedModules()).filter((m) =>
      m.steps.some((s) => s.type === 'exercise' && s.exercise === input.itemId),
    )
    if (users.length > 0)
      return refuse(
        409,
        `Published modules use this exercise (${users.map((m) => m.title).join(', ')}). Change them first.`,
      )
  }
  const note = input.note?.trim().slice(0, CHANGE_NOTE_MAX) || null
  const done = getDb().transaction((tx) => {
    const result = tx
      .update(studioVersions)
      .set({ status: 'unpublished', retiredAt: now, updatedAt: now })
      .where(and(eq(studioVersions.id, current.id), eq(studioVersions.status, 'published')))
      .run()
    if (result.changes === 0) return false
    writeAudit(
      tx,
      auditValues(actor, 'unpublish', input, now, {
        versionId: current.id,
        hashBefore: current.hash,
        hashAfter: base ? documentHash(base) : null,
        note,
      }),
    )
    return true
  })
  return done ? { ok: true } : refuse(409, 'Someone else has just changed this item.')
}

/** The newest versions of an item first (for the rest of the history, see library.server.ts). */
export async function versionsOf(kind: StudioKind, itemId: string): Promise<StudioVersion[]> {
  return getDb()
    .select()
    .from(studioVersions)
    .where(and(eq(studioVersions.kind, kind), eq(studioVersions.itemId, itemId)))
    .orderBy(desc(studioVersions.number))
    .all()
}
