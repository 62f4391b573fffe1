// What the studio's item pages show, put together from the studio domain's functions (library,
// workflow, content) for the routes: the editor's page (the draft as form values, the checks'
// findings by field, the lists the selects offer, Markdown previews, reading ages), and an item's
// open draft for the editor's action. Written by the studio UI (issue 14); it reads only
// through the domain's own functions.

import { stringify as yamlOf } from 'yaml'
import type { User } from '#db/schema/index.ts'
import { OPEN_STATUSES, STUDIO_KINDS, type StudioKind } from '#db/schema/studio.ts'
import {
  type DocumentIssue,
  isTextKind,
  loadProgramme,
  NOTICE_IDS,
  SUBSTANCE_IDS,
  TEXT_SPECS,
} from '#programme/engine/index.ts'
import { type DraftExercise, exerciseFormOf } from '#programme/studio/exercise-form.ts'
import { bandRanges, type DraftInstrument, instrumentFormOf } from '#programme/studio/instrument-form.ts'
import { draftMarkdownHtml } from '#programme/studio/markdown.ts'
import { type DraftModule, fieldOfIssue, moduleFormOf } from '#programme/studio/module-form.ts'
import { readingOf } from '#programme/studio/reading.ts'
import { textFormOf } from '#programme/studio/text-form.ts'
import { publishedDocument, publishedExercises, publishedInstruments } from './content.server.ts'
import { canAuthor } from './guards.server.ts'
import { itemHistory, versionDetail } from './library.server.ts'
import { createDraft, versionsOf } from './workflow.server.ts'

export const KIND_WORDS: Record<StudioKind, string> = {
  module: 'Module',
  exercise: 'Exercise',
  instrument: 'Instrument',
  'life-areas': 'Life areas',
  'pick-lists': 'Pick lists',
  'safety-phrases': 'Safety phrases',
  help: 'Help page',
}

const NOTICE_WORDS: Record<string, string> = {
  'overdose-after-a-break': 'Overdose risk after a break (opioids)',
  'alcohol-withdrawal': 'Alcohol withdrawal: do not stop suddenly',
  'sedative-taper': 'Sedatives: do not stop suddenly, taper with advice',
}

/** A kind and id from the URL, or null when they cannot name an item. */
export function studioItem(kind: string | undefined, itemId: string | undefined) {
  if (!kind || !(STUDIO_KINDS as readonly string[]).includes(kind)) return null
  if (!itemId || !/^[a-z0-9][a-z0-9-]{0,59}$/.test(itemId)) return null
  return { kind: kind as StudioKind, itemId }
}

/** The item's version being edited (draft or changes asked for), with the exercises it may use. */
export async function openDraftOf(item: { kind: StudioKind; itemId: string }) {
  const row = (await versionsOf(item.kind, item.itemId)).find(
    (v) => v.status === 'draft' || v.status === 'changes-requested',
  )
  if (!row) return null
  return {
    id: row.id,
    hash: row.hash,
    document: row.document,
    exerciseIds: Object.keys(await publishedExercises()),
  }
}

const fieldId = (name: string) => `editor-${name.replace(/[^a-zA-Z0-9_-]+/g, '-')}`

/** The checks' findings as the editor shows them: by field, and as a summary with links. */
/** A validator path as a conform field name: ['parts', 2, 'label'] → parts[2].label. */
function conformName(at: ReadonlyArray<string | number>): string {
  return at.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${key}` : key),
    '',
  )
}

export function issuesByField(doc: DraftModule | null, issues: DocumentIssue[]) {
  const errors: Record<string, string[]> = {}
  const summary: Array<{ message: string; href: string | null }> = []
  for (const issue of issues.filter((i) => i.severity === 'error')) {
    const name = doc ? fieldOfIssue(doc, issue.at) : conformName(issue.at)
    if (name) errors[name] = [...(errors[name] ?? []), issue.message]
    const step = /^steps\[(\d+)\]$/.exec(name)
    summary.push({
      message: `${issue.path}: ${issue.message}`,
      href: step ? `#step-${Number(step[1]) + 1}` : name ? `#${fieldId(name)}` : null,
    })
  }
  return { errors, summary }
}

async function editorLists() {
  const programme = loadProgramme()
  return {
    areas: programme.lifeAreas.areas.map((a) => [a.id, a.name] as const),
    notices: NOTICE_IDS.map((id) => [id, NOTICE_WORDS[id] ?? id] as const),
    exercises: Object.values(await publishedExercises()).map((e) => [e.id, e.title] as const),
    instruments: Object.values(await publishedInstruments())
      .filter((i) => i.scoring.method !== 'none')
      .map((i) => [i.id, i.title] as const),
    substances: [...SUBSTANCE_IDS],
  }
}

/** The item page: the editor when this clinician wrote the open draft, else where the item stands. */
export async function editorPage(user: Pick<User, 'id' | 'role'>, kindParam?: string, itemParam?: string) {
  const item = studioItem(kindParam, itemParam)
  if (!item) return null
  const history = await itemHistory(item.kind, item.itemId)
  if (!history) return null
  const open = history.versions.find((v) => (OPEN_STATUSES as readonly string[]).includes(v.status))
  const detail = open ? await versionDetail(open.id) : null
  const editable =
    detail !== null &&
    (detail.status === 'draft' || detail.status === 'changes-requested') &&
    detail.authorId === user.id
  let editor = null
  if (detail && editable) {
    const doc = item.kind === 'module' ? (detail.document as DraftModule) : null
    const { errors, summary } = issuesByField(doc, detail.issues)
    editor = {
      hash: detail.hash,
      doc: doc as DraftModule,
      values: doc ? moduleFormOf(doc) : { intent: 'save' as const },
      exercise:
        item.kind === 'exercise'
          ? {
              values: exerciseFormOf(detail.document as DraftExercise),
              kinds: ((detail.document as DraftExercise).parts ?? []).map((p) => String(p.kind)),
              hasTimer: Boolean((detail.document as { timer?: unknown }).timer),
            }
          : null,
      text: isTextKind(item.kind)
        ? textFormOf(
            item.kind,
            detail.document as Record<string, unknown>,
            TEXT_SPECS[item.kind].fromProgramme(loadProgramme()) as unknown as Record<string, unknown>,
          )
        : null,
      instrument:
        item.kind === 'instrument'
          ? {
              values: instrumentFormOf(detail.document as DraftInstrument),
              bands: bandRanges(detail.document as DraftInstrument),
            }
          : null,
      errors,
      summary,
      issues: detail.issues.map(({ at: _at, ...rest }) => rest),
      valid: detail.valid,
      readings: readingOf(detail.document),
      lists: await editorLists(),
      previews: doc
        ? Object.fromEntries(Object.entries(doc.texts ?? {}).map(([file, md]) => [file, draftMarkdownHtml(md)]))
        : {},
    }
  }
  return {
    kind: item.kind,
    itemId: item.itemId,
    kindName: KIND_WORDS[item.kind],
    title: history.title,
    live: history.live,
    canAuthor: canAuthor(user),
    open: detail
      ? {
          id: detail.id,
          number: detail.number,
          status: detail.status,
          author: detail.author,
          editableBy: detail.authorId !== user.id,
          comments: detail.comments,
        }
      : null,
    editor,
  }
}

/** The source view: the draft as YAML (as last saved from here, else made from the document). */
export async function sourcePage(user: Pick<User, 'id' | 'role'>, kindParam?: string, itemParam?: string) {
  const item = studioItem(kindParam, itemParam)
  if (!item) return null
  const history = await itemHistory(item.kind, item.itemId)
  if (!history) return null
  const open = history.versions.find((v) => (OPEN_STATUSES as readonly string[]).includes(v.status))
  const detail = open ? await versionDetail(open.id) : null
  const editable =
    detail !== null &&
    (detail.status === 'draft' || detail.status === 'changes-requested') &&
    detail.authorId === user.id
  const published = detail ? null : await publishedYaml(item)
  return {
    kind: item.kind,
    itemId: item.itemId,
    title: history.title,
    editable,
    canAuthor: canAuthor(user),
    hash: detail?.hash ?? null,
    yaml: detail ? (detail.source ?? yamlOf(detail.document, { lineWidth: 0 })) : (published ?? ''),
    issues: detail ? detail.issues.map(({ at: _at, ...rest }) => rest) : [],
    valid: detail?.valid ?? true,
    label: detail ? `version ${detail.number}` : 'what clients get now',
  }
}

async function publishedYaml(item: { kind: StudioKind; itemId: string }) {
  const published = await publishedDocument(item.kind, item.itemId)
  return published ? yamlOf(published.document, { lineWidth: 0 }) : null
}

/**
 * "Start a draft", posted to any of an item's pages: the draft starts from what clients get now
 * and the page shows it. A refusal (one is open already) comes back with its status and message.
 */
export async function startDraftOn(
  actor: Pick<User, 'id' | 'username' | 'role'>,
  item: { kind: StudioKind; itemId: string },
) {
  return createDraft(actor, { kind: item.kind, itemId: item.itemId })
}
