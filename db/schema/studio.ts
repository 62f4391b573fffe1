// The clinician studio (issue 14, ADR 0019): the service's own versions of programme content,
// layered over the base edition shipped in programme/content/. A version is a whole document
// (a module with its Markdown, an exercise, an instrument's plain-language texts); once submitted
// for review it never changes again. The audit table is append-only: the studio's code only
// inserts into it. None of these tables holds anything about a client.
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, id, timestamp } from './columns.ts'

/**
 * The kinds of content the studio versions: the programme's items, and its lists and texts (one
 * document each, whose item id is the kind: programme/engine/text-documents.ts).
 */
export const STUDIO_KINDS = [
  'module',
  'exercise',
  'instrument',
  'life-areas',
  'pick-lists',
  'safety-phrases',
  'help',
] as const
export type StudioKind = (typeof STUDIO_KINDS)[number]

/**
 * draft → in-review → approved → published → superseded (a newer one published) or
 * unpublished; in-review → changes-requested → (edited) → in-review again.
 */
export const VERSION_STATUSES = [
  'draft',
  'in-review',
  'changes-requested',
  'approved',
  'published',
  'superseded',
  'unpublished',
] as const
export type VersionStatus = (typeof VERSION_STATUSES)[number]

/** Statuses of a version still being worked on: an item has at most one at a time. */
export const OPEN_STATUSES = ['draft', 'in-review', 'changes-requested', 'approved'] as const

export const studioVersions = sqliteTable(
  'studio_versions',
  {
    id: id(),
    kind: text('kind', { enum: STUDIO_KINDS }).notNull(),
    itemId: text('item_id').notNull(),
    /** 1, 2, 3 … per item, in the order versions were created. */
    number: integer('number').notNull(),
    /** The whole document (for a module: module.yaml's fields plus `texts`, its Markdown by file). */
    document: text('document', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** SHA-256 of the document's canonical JSON. */
    hash: text('hash').notNull(),
    /**
     * The YAML as last saved from the source view (null when saved from the form). A draft
     * saves even when its YAML does not parse: then this holds it and `document` stays as it was.
     */
    source: text('source'),
    status: text('status', { enum: VERSION_STATUSES }).notNull(),
    /** What it was made from: "base", or the id of an earlier service version. */
    basedOn: text('based_on'),
    /** The hash of what it was made from (base or version), to show what changed since. */
    basedOnHash: text('based_on_hash'),
    /** Set when this version is a roll back to an earlier one. */
    rollBackOf: text('roll_back_of'),
    changeNote: text('change_note'),
    /** Staff ids (no foreign key: a version outlives a staff account's changes). */
    authorId: text('author_id').notNull(),
    reviewerId: text('reviewer_id'),
    publishedBy: text('published_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
    submittedAt: timestamp('submitted_at'),
    reviewedAt: timestamp('reviewed_at'),
    publishedAt: timestamp('published_at'),
    /** When it stopped being the published version (superseded or unpublished). */
    retiredAt: timestamp('retired_at'),
  },
  (t) => [
    uniqueIndex('studio_versions_item_number_unique').on(t.kind, t.itemId, t.number),
    // One version being worked on per item, and one published per item: two clinicians racing
    // cannot make a second.
    uniqueIndex('studio_versions_one_open')
      .on(t.kind, t.itemId)
      .where(sql`status in ('draft', 'in-review', 'changes-requested', 'approved')`),
    uniqueIndex('studio_versions_one_published').on(t.kind, t.itemId).where(sql`status = 'published'`),
    index('studio_versions_status_idx').on(t.status),
  ],
)

/** A reviewer's comment on a version: on one step (module) or on the whole document. */
export const studioComments = sqliteTable(
  'studio_comments',
  {
    id: id(),
    versionId: text('version_id')
      .notNull()
      .references(() => studioVersions.id, { onDelete: 'cascade' }),
    authorId: text('author_id').notNull(),
    /** A step id, or null for the document as a whole. */
    stepId: text('step_id'),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('studio_comments_version_idx').on(t.versionId, t.createdAt)],
)

export const AUDIT_ACTIONS = [
  'create',
  'edit',
  'submit',
  'approve',
  'request-changes',
  'publish',
  'roll-back',
  'unpublish',
  'import',
  'instrument-switch',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** Append-only: who did what to which item, when, with the document hashes before and after. */
export const studioAudit = sqliteTable(
  'studio_audit',
  {
    id: id(),
    at: timestamp('at').notNull(),
    actorId: text('actor_id').notNull(),
    /** Kept as it was at the time, so the log reads the same after a rename or deletion. */
    actorName: text('actor_name').notNull(),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    kind: text('kind', { enum: STUDIO_KINDS }).notNull(),
    itemId: text('item_id').notNull(),
    versionId: text('version_id'),
    hashBefore: text('hash_before'),
    hashAfter: text('hash_after'),
    note: text('note'),
  },
  (t) => [index('studio_audit_at_idx').on(t.at), index('studio_audit_item_idx').on(t.kind, t.itemId, t.at)],
)

/**
 * Every time an admin switches an instrument off or on, in order: the latest row at or before a
 * time says whether it was on then (no row: on). A check-in asks what was on when it started,
 * so its pages never change under a client part-way through.
 */
export const instrumentSwitchEvents = sqliteTable(
  'instrument_switch_events',
  {
    id: id(),
    instrumentId: text('instrument_id').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at').notNull(),
  },
  (t) => [index('instrument_switch_events_idx').on(t.instrumentId, t.changedAt)],
)

export type StudioVersion = typeof studioVersions.$inferSelect
export type StudioComment = typeof studioComments.$inferSelect
export type StudioAuditRow = typeof studioAudit.$inferSelect
