// The studio's routes as a person reaches them (issue 14): every studio page and download for
// every role (signed out → sign in; clients and key workers → 403; clinicians and admins read),
// every studio form refused to anyone but a clinician with nothing written, and the editor's
// posts: wording saved, a step with a branch added (the preview lists both routes), bad or stale
// posts refused with nothing saved, and the author refused when approving their own draft.
import { beforeAll, describe, expect, it } from 'vitest'
import * as library from '#app/routes/studio._index.tsx'
import * as item from '#app/routes/studio.$kind.$itemId._index.tsx'
import * as preview from '#app/routes/studio.$kind.$itemId.preview.tsx'
import * as review from '#app/routes/studio.$kind.$itemId.review.tsx'
import * as source from '#app/routes/studio.$kind.$itemId.source.tsx'
import * as versions from '#app/routes/studio.$kind.$itemId.versions.tsx'
import * as worksheet from '#app/routes/studio.$kind.$itemId.worksheet.$stepId.$file.ts'
import * as audit from '#app/routes/studio.audit.tsx'
import * as outcomes from '#app/routes/studio.outcomes.tsx'
import * as packsExport from '#app/routes/studio.packs.export.ts'
import * as packs from '#app/routes/studio.packs.tsx'
import * as layout from '#app/routes/studio.tsx'
import type { ModuleDocument } from '#programme/engine/index.ts'
import { type DraftExercise, exerciseFormOf } from '#programme/studio/exercise-form.ts'
import { type DraftModule, moduleFormOf } from '#programme/studio/module-form.ts'
import { dataOf, statusOf } from '#tests/setup/outcome.ts'
import { makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { auditLog, versionDetail } from './library.server.ts'
import { createDraft, submitForReview, versionsOf } from './workflow.server.ts'

type Who = 'anonymous' | 'client' | 'keyworker' | 'clinician' | 'reviewer' | 'admin'
const WHO: Who[] = ['anonymous', 'client', 'keyworker', 'clinician', 'reviewer', 'admin']
const cookies = new Map<Who, string | undefined>()
const users = new Map<Who, Awaited<ReturnType<typeof makeUser>>>()
const MODULE = 'riding-out-urges'
const params = { kind: 'module', itemId: MODULE }

beforeAll(async () => {
  cookies.set('anonymous', undefined)
  for (const who of WHO.slice(1)) {
    const user = await makeUser(who === 'reviewer' ? 'clinician' : (who as Exclude<Who, 'anonymous' | 'reviewer'>))
    users.set(who, user)
    cookies.set(who, await signedInCookie(user))
  }
  // The clinician has a draft of the module: the editor, source and review pages have something to show.
  const draft = await createDraft(users.get('clinician') as never, { kind: 'module', itemId: MODULE })
  if (!draft.ok) throw new Error(draft.message)
})

type Handler = Parameters<typeof statusOf>[0]
const base = `/studio/module/${MODULE}`

const PAGES: Array<{ name: string; path: string; handler: Handler; params?: Record<string, string> }> = [
  { name: 'studio frame', path: '/studio', handler: layout.loader },
  { name: 'library', path: '/studio', handler: library.loader },
  { name: 'editor', path: base, handler: item.loader, params },
  { name: 'source', path: `${base}/source`, handler: source.loader, params },
  { name: 'preview', path: `${base}/preview`, handler: preview.loader, params },
  {
    name: 'worksheet PDF',
    path: `${base}/worksheet/surf/blank.pdf`,
    handler: worksheet.loader,
    params: { ...params, stepId: 'surf', file: 'blank.pdf' },
  },
  { name: 'review', path: `${base}/review`, handler: review.loader, params },
  { name: 'versions', path: `${base}/versions`, handler: versions.loader, params },
  { name: 'audit', path: '/studio/audit', handler: audit.loader },
  { name: 'outcomes', path: '/studio/outcomes', handler: outcomes.loader },
  { name: 'packs', path: '/studio/packs', handler: packs.loader },
  { name: 'pack download', path: '/studio/packs/export?edition=base', handler: packsExport.loader },
]

describe.each(PAGES)('$name page', ({ path, handler, params: p }) => {
  const expected: Record<Who, number> = {
    anonymous: 302,
    client: 403,
    keyworker: 403,
    clinician: 200,
    reviewer: 200,
    admin: 200,
  }
  it.each(WHO.map((who) => [who, expected[who]] as const))('%s → %i', async (who, status) => {
    expect(await statusOf(handler, makeRequest(path, { cookie: cookies.get(who) }), p)).toBe(status)
  })
})

const FORMS: Array<{
  name: string
  path: string
  handler: Handler
  form: Record<string, string>
  params?: Record<string, string>
}> = [
  {
    name: 'start a draft',
    path: '/studio',
    handler: library.action,
    form: { intent: 'start-draft', kind: 'module', itemId: 'saying-no' },
  },
  { name: 'save the editor', path: base, handler: item.action, form: { intent: 'save' }, params },
  {
    name: 'save the source',
    path: `${base}/source`,
    handler: source.action,
    form: { intent: 'save-source', hash: 'x', yaml: 'id: x' },
    params,
  },
  {
    name: 'review',
    path: `${base}/review`,
    handler: review.action,
    form: { intent: 'approve', versionId: crypto.randomUUID() },
    params,
  },
  {
    name: 'roll back',
    path: `${base}/versions`,
    handler: versions.action,
    form: { intent: 'roll-back', to: 'base' },
    params,
  },
  { name: 'import a pack', path: '/studio/packs', handler: packs.action, form: { intent: 'import', pack: 'x: 1' } },
]

describe.each(FORMS)('$name form', ({ path, handler, form, params: p }) => {
  it.each([
    ['anonymous', 302],
    ['client', 403],
    ['keyworker', 403],
    ['admin', 403],
  ] as const)('%s → %i, nothing written', async (who, status) => {
    const before = (await auditLog({ limit: 1000 })).length
    expect(await statusOf(handler, makeRequest(path, { cookie: cookies.get(who), form }), p)).toBe(status)
    expect((await auditLog({ limit: 1000 })).length).toBe(before)
  })
})

/** A form post with repeated names, as a browser sends checkboxes. */
function post(path: string, cookie: string | undefined, entries: Array<[string, string]>) {
  const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded' })
  if (cookie) headers.set('Cookie', cookie)
  return new Request(`http://localhost${path}`, { method: 'POST', headers, body: new URLSearchParams(entries) })
}

/** The editor's fields as the page fills them (conform names), for a post. */
function fieldsOf(value: unknown, name = ''): Array<[string, string]> {
  if (value === undefined || value === null) return []
  if (Array.isArray(value))
    return value.flatMap((v, i) =>
      typeof v === 'string' ? [[name, v] as [string, string]] : fieldsOf(v, `${name}[${i}]`),
    )
  if (typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => fieldsOf(v, name ? `${name}.${k}` : k))
  return [[name, String(value)]]
}

async function openDraft() {
  const row = (await versionsOf('module', MODULE)).find((v) => v.status === 'draft')
  if (!row) throw new Error('no draft')
  return row
}

describe('the editor', () => {
  const editorPost = async (
    change: (form: ReturnType<typeof moduleFormOf>) => void,
    intent = 'save',
    hash?: string,
  ) => {
    const row = await openDraft()
    const form = moduleFormOf(row.document as DraftModule)
    change(form)
    const entries = fieldsOf({ ...form, intent, hash: hash ?? row.hash })
    return item.action({
      request: post(base, cookies.get('clinician'), entries),
      params,
      context: { clientIp: '', cspNonce: '' },
    })
  }

  it('saves new wording on a post, and the page shows it', async () => {
    const result = await editorPost((form) => {
      const first = form.steps?.[0]
      if (first) first.title = 'Urges come and go'
    })
    expect(await statusOf(() => result, makeRequest(base))).toBe(302)
    expect(((await openDraft()).document as ModuleDocument).steps[0]?.title).toBe('Urges come and go')
  })

  it('adds a step, then a branch to it, and the preview lists a route with it and one without', async () => {
    await editorPost((form) => {
      form.newStepType = 'read'
      form.newStepAt = '1'
    }, 'add-step')
    const added = ((await openDraft()).document as DraftModule).steps[2]
    expect(added?.type).toBe('read')
    await editorPost((form) => {
      const s = form.steps?.[2]
      if (s) {
        s.title = 'A very strong urge'
        s.markdown = 'Stop and take three slow breaths. It will pass.'
      }
      const rating = form.steps?.[1]
      if (rating) {
        rating.next = form.steps?.[3]?.id
        rating.goto = [{ if: `min:${rating.id}`, value: '8', step: added?.id }]
      }
    })
    const doc = (await openDraft()).document as DraftModule
    expect(doc.steps[1]?.goto).toEqual([{ if: { answer: doc.steps[1]?.id, atLeast: 8 }, step: added?.id }])
    const page = dataOf<{ preview: { routes: Array<{ steps: Array<{ stepId: string }> }> } }>(
      await preview.loader({
        request: makeRequest(`${base}/preview`, { cookie: cookies.get('clinician') }),
        params,
        context: { clientIp: '', cspNonce: '' },
      }),
    )
    const visits = page.preview.routes.map((r) => r.steps.some((s) => s.stepId === added?.id))
    expect(visits).toContain(true)
    expect(visits).toContain(false)
    const detail = await versionDetail((await openDraft()).id)
    expect(detail?.issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it('refuses a post with a field of the wrong kind or a made-up button, and saves nothing', async () => {
    const before = (await openDraft()).hash
    const bad = await editorPost((form) => {
      form.minutes = 'ten'
    })
    expect(await statusOf(() => bad, makeRequest(base))).toBe(400)
    const made = await editorPost(() => {}, 'drop-everything')
    expect(await statusOf(() => made, makeRequest(base))).toBe(400)
    expect((await openDraft()).hash).toBe(before)
  })

  it('refuses a save over a draft that changed since the page was drawn (409)', async () => {
    const before = (await openDraft()).hash
    const stale = await editorPost(
      (form) => {
        form.title = 'Changed in another tab'
      },
      'save',
      '0'.repeat(64),
    )
    expect(await statusOf(() => stale, makeRequest(base))).toBe(409)
    expect((await openDraft()).hash).toBe(before)
  })
})

describe('the exercise editor', () => {
  it("saves an exercise's new wording, and refuses a post whose parts are not the draft's", async () => {
    const clinician = users.get('clinician') as never
    const started = await createDraft(clinician, { kind: 'exercise', itemId: 'urge-surfing' })
    expect(started.ok).toBe(true)
    const row = (await versionsOf('exercise', 'urge-surfing'))[0]
    if (!row) throw new Error('no draft')
    const form = exerciseFormOf(row.document as DraftExercise)
    const exerciseParams = { kind: 'exercise', itemId: 'urge-surfing' }
    const send = (value: object) =>
      statusOf(
        item.action,
        post('/studio/exercise/urge-surfing', cookies.get('clinician'), fieldsOf({ ...value, hash: row.hash })),
        exerciseParams,
      )
    expect(await send({ ...form, parts: form.parts?.slice(1) })).toBe(409)
    expect(await send({ ...form, title: 'Surf the urge' })).toBe(302)
    const saved = (await versionsOf('exercise', 'urge-surfing'))[0]?.document as { title: string }
    expect(saved.title).toBe('Surf the urge')
  })
})

describe("starting a draft from any of an item's pages", () => {
  it('starts one from the source page and shows it there; a second start is refused (409)', async () => {
    const path = '/studio/module/saying-no/source'
    const start = () =>
      statusOf(source.action, makeRequest(path, { cookie: cookies.get('reviewer'), form: { intent: 'start-draft' } }), {
        kind: 'module',
        itemId: 'solving-problems',
      })
    expect(await start()).toBe(302)
    expect((await versionsOf('module', 'solving-problems'))[0]?.status).toBe('draft')
    expect(await start()).toBe(409)
  })
})

describe('review through the page', () => {
  it('refuses the author approving their own draft, and lets another clinician approve it', async () => {
    const row = await openDraft()
    const submitted = await submitForReview(
      users.get('clinician') as never,
      row.id,
      'Plainer wording; a step for strong urges.',
    )
    expect(submitted.ok).toBe(true)
    const approve = (who: Who) =>
      statusOf(
        review.action,
        makeRequest(`${base}/review`, { cookie: cookies.get(who), form: { intent: 'approve', versionId: row.id } }),
        params,
      )
    expect(await approve('clinician')).toBe(403)
    expect((await versionDetail(row.id))?.status).toBe('in-review')
    expect(await approve('reviewer')).toBe(302)
    expect((await versionDetail(row.id))?.status).toBe('approved')
  })
})
