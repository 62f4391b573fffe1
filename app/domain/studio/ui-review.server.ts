// What the studio's review and versions pages show (issue 14, H-033): a version side by side
// with what clients get now, changes grouped by step, the reviewer's comments, and who may do
// what; an item's history with a diff between any two versions. Built from the studio domain's
// own functions for the routes.
import type { User } from '#db/schema/index.ts'
import { type Change, diffDocuments } from '#programme/studio/diff.ts'
import { canAuthor } from './guards.server.ts'
import { itemHistory, versionDetail } from './library.server.ts'
import { studioItem } from './ui-pages.server.ts'
import { getVersionRow } from './workflow.server.ts'

const OPEN = ['draft', 'in-review', 'changes-requested', 'approved']

/** "Step 3: Your urges" for each step's section of a diff, from either document. */
function sectionTitles(...documents: unknown[]): Record<string, string> {
  const titles: Record<string, string> = {
    title: 'Title',
    summary: 'Summary',
    texts: 'Texts',
    sources: 'Sources',
    areas: 'Life areas',
    notices: 'Safety notices',
  }
  for (const doc of documents) {
    const steps = (doc as { steps?: Array<{ id?: unknown; title?: unknown }> } | null)?.steps
    if (!Array.isArray(steps)) continue
    steps.forEach((s, i) => {
      const key = `steps[${String(s.id)}]`
      titles[key] ??= `Step ${i + 1}: ${typeof s.title === 'string' && s.title ? s.title : String(s.id)}`
    })
  }
  return titles
}

/** Markdown files count as part of the step that shows them, so comments on them land there. */
function foldTexts(changes: Change[], document: unknown): Change[] {
  const steps = (document as { steps?: Array<{ id?: unknown; file?: unknown }> } | null)?.steps ?? []
  return changes.map((c) => {
    const file = /^texts\.(.+)$/.exec(c.path)?.[1]
    const step = file ? steps.find((s) => s.file === file) : undefined
    return step ? { ...c, path: `steps[${String(step.id)}].text` } : c
  })
}

export async function reviewPage(user: Pick<User, 'id' | 'role'>, kind?: string, itemParam?: string) {
  const item = studioItem(kind, itemParam)
  if (!item) return null
  const history = await itemHistory(item.kind, item.itemId)
  if (!history) return null
  const open = history.versions.find((v) => OPEN.includes(v.status))
  const detail = open ? await versionDetail(open.id) : null
  const base = { kind: item.kind, itemId: item.itemId, title: history.title, canAuthor: canAuthor(user) }
  if (!detail) return { ...base, version: null }
  const before = detail.published?.document ?? null
  const changes = foldTexts(diffDocuments(before, detail.document), detail.document)
  const steps = (detail.document as { steps?: Array<{ id: string; title?: string }> }).steps ?? []
  const mine = detail.authorId === user.id
  return {
    ...base,
    version: {
      id: detail.id,
      number: detail.number,
      status: detail.status,
      hash: detail.hash,
      author: detail.author,
      reviewer: detail.reviewer,
      changeNote: detail.changeNote,
      valid: detail.valid,
      errors: detail.issues.filter((i) => i.severity === 'error').map((i) => `${i.path}: ${i.message}`),
      comments: detail.comments,
      beforeLabel: detail.published
        ? detail.published.layer === 'base'
          ? 'what clients get now (the base edition)'
          : 'what clients get now (the service’s published version)'
        : 'nothing (a new item)',
      changes,
      titles: sectionTitles(detail.document, before),
      steps: steps.map((s, i) => ({ id: s.id, title: `Step ${i + 1}: ${s.title ?? s.id}` })),
      mine,
      canReview: canAuthor(user) && !mine && detail.status === 'in-review',
      canPublish:
        canAuthor(user) && detail.status === 'approved' && (mine || detail.reviewerId === user.id) && detail.valid,
    },
  }
}

async function documentOf(
  history: NonNullable<Awaited<ReturnType<typeof itemHistory>>>,
  which: string | null,
): Promise<{ label: string; document: unknown } | null> {
  if (which === 'base') return history.base ? { label: 'the base edition', document: history.base.document } : null
  const summary = history.versions.find((v) => v.id === which)
  if (!summary) return null
  const row = await getVersionRow(summary.id)
  return row ? { label: `version ${summary.number}`, document: row.document } : null
}

export async function versionsPage(
  user: Pick<User, 'role'>,
  kind: string | undefined,
  itemParam: string | undefined,
  query: URLSearchParams,
) {
  const item = studioItem(kind, itemParam)
  if (!item) return null
  const history = await itemHistory(item.kind, item.itemId)
  if (!history) return null
  const choices = [
    ...history.versions.map((v) => ({ value: v.id, label: `Version ${v.number} (${v.status.replace('-', ' ')})` })),
    ...(history.base ? [{ value: 'base', label: 'The base edition' }] : []),
  ]
  const a = query.get('a')
  const b = query.get('b')
  let compared = null
  if (a && b) {
    const [older, newer] = [await documentOf(history, a), await documentOf(history, b)]
    if (!older || !newer) throw new Response('Choose two versions from the lists.', { status: 400 })
    compared = {
      a,
      b,
      beforeLabel: older.label,
      afterLabel: newer.label,
      changes: foldTexts(diffDocuments(older.document, newer.document), newer.document),
      titles: sectionTitles(newer.document, older.document),
    }
  }
  const open = history.versions.some((v) => OPEN.includes(v.status))
  return {
    kind: item.kind,
    itemId: item.itemId,
    title: history.title,
    live: history.live,
    versions: history.versions,
    hasBase: history.base !== null,
    choices,
    compared,
    canAuthor: canAuthor(user),
    /** A roll back starts a draft, so not while another is open. */
    canRollBack: canAuthor(user) && !open,
  }
}
