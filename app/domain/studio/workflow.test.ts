// The studio's workflow end to end against the database (issue 14; hazards H-030, H-031):
// draft → submit → approve by another clinician → publish → a new client gets the new wording
// while a client part-way keeps the version they began; nobody approves their own draft; only
// valid, approved drafts are published; roll back and unpublish; an audit row for every step.
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { beginModule, postStep } from '#app/domain/modules/stepping.server.ts'
import { moduleList, moduleToContinue, moduleView } from '#app/domain/modules/view.server.ts'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { studioAudit, studioVersions } from '#db/schema/index.ts'
import { loadProgramme, type ModuleDocument } from '#programme/engine/index.ts'
import { makeUser } from '#tests/setup/requests.ts'
import { newDocument, publishedDocument, publishedModule } from './content.server.ts'
import { itemHistory, library, versionDetail } from './library.server.ts'
import { createDraft, publish, review, rollBack, saveDraft, submitForReview, unpublish } from './workflow.server.ts'

const NOW = new Date('2026-12-05T10:00:00Z')
beforeEach(() => pinClock(NOW))
afterEach(() => unpinClock())

const MODULE = 'saying-no'
const NEW_TITLE = 'Saying no, your way'

async function clinicians() {
  return { author: await makeUser('clinician'), reviewer: await makeUser('clinician') }
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  expect(result).toMatchObject({ ok: true })
  return result as Extract<T, { ok: true }>
}

async function auditActions(itemId: string) {
  const rows = await getDb()
    .select()
    .from(studioAudit)
    .where(eq(studioAudit.itemId, itemId))
    .orderBy(studioAudit.at)
    .all()
  return rows.map((row) => row.action)
}

/** A draft of saying-no with a new title, through review, published. */
async function publishNewTitle(title = NEW_TITLE, itemId = MODULE) {
  const { author, reviewer } = await clinicians()
  const { versionId } = ok(await createDraft(author, { kind: 'module', itemId }))
  const detail = await versionDetail(versionId)
  const document = { ...(detail?.document as ModuleDocument), title }
  const saved = ok(await saveDraft(author, versionId, { document }))
  expect(saved.valid).toBe(true)
  ok(await submitForReview(author, versionId, 'A warmer title'))
  ok(await review(reviewer, versionId, { decision: 'approve' }))
  ok(await publish(reviewer, versionId))
  return { author, reviewer, versionId }
}

describe('draft → review → publish (H-030, H-031)', () => {
  it('a new client gets the published version; a client part-way keeps the one they began', async () => {
    const partWay = await makeUser()
    await beginModule(partWay.id, MODULE)
    ok(await postStep(partWay.id, MODULE, { stepId: 'intro', intent: 'next', formData: new FormData() }))

    const { versionId, author, reviewer } = await publishNewTitle()

    expect((await publishedModule(MODULE))?.title).toBe(NEW_TITLE)
    const newcomer = await makeUser()
    await beginModule(newcomer.id, MODULE)
    expect((await moduleView(newcomer.id, MODULE))?.module.title).toBe(NEW_TITLE)
    expect((await moduleList(newcomer.id)).find((m) => m.id === MODULE)?.title).toBe(NEW_TITLE)
    expect((await moduleView(partWay.id, MODULE))?.module.title).toBe(loadProgramme().modules[MODULE]?.title)

    expect(await auditActions(MODULE)).toEqual(['create', 'edit', 'submit', 'approve', 'publish'])
    const audit = await getDb().select().from(studioAudit).where(eq(studioAudit.versionId, versionId)).all()
    const publishRow = audit.find((row) => row.action === 'publish')
    expect(publishRow).toMatchObject({ actorId: reviewer.id, actorName: reviewer.username })
    expect(publishRow?.hashBefore).toBe((await itemHistory('module', MODULE))?.base?.hash)
    expect(publishRow?.hashAfter).toBe((await publishedDocument('module', MODULE))?.hash)
    expect(audit.find((row) => row.action === 'create')?.actorId).toBe(author.id)

    const item = (await library('module')).find((i) => i.itemId === MODULE)
    expect(item).toMatchObject({ layer: 'service', publishedNumber: 1, open: null, title: NEW_TITLE })
    expect(item?.lastChange).toMatchObject({ action: 'publish', by: reviewer.username })
    const labels = item?.clients.map((c) => `${c.label}: ${c.inProgress}`).sort()
    expect(labels).toEqual(['Base edition: 1', 'Service version 1: 1'])
  })

  it('nobody approves their own draft', async () => {
    const { author, reviewer } = await clinicians()
    const { versionId } = ok(await createDraft(author, { kind: 'exercise', itemId: 'smart-goal' }))
    ok(await submitForReview(author, versionId, 'No change, just checking'))
    const own = await review(author, versionId, { decision: 'approve' })
    expect(own).toMatchObject({ ok: false, status: 403 })
    expect((await versionDetail(versionId))?.status).toBe('in-review')
    expect(await auditActions('smart-goal')).toEqual(['create', 'submit'])
    // Nor publish a draft nobody approved.
    expect(await publish(author, versionId)).toMatchObject({ ok: false, status: 409 })
    // Another clinician can; then the author may publish.
    // A comment can name one of the exercise's parts.
    expect(
      await review(reviewer, versionId, { decision: 'approve', comments: [{ stepId: 'no-such-part', body: 'x' }] }),
    ).toMatchObject({ status: 400 })
    const part = ((await versionDetail(versionId))?.document.parts as Array<{ id: string }>)[0]?.id
    ok(await review(reviewer, versionId, { decision: 'approve', comments: [{ stepId: part, body: 'Clear' }] }))
    ok(await publish(author, versionId))
  })

  it('asking for changes needs a comment, sends the draft back to its author, and keeps comments per step', async () => {
    const { author, reviewer } = await clinicians()
    const { versionId } = ok(await createDraft(author, { kind: 'module', itemId: 'life-area-map' }))
    ok(await submitForReview(author, versionId, 'Tidy up'))
    expect(await review(reviewer, versionId, { decision: 'request-changes' })).toMatchObject({ ok: false, status: 400 })
    expect(
      await review(reviewer, versionId, { decision: 'request-changes', comments: [{ stepId: 'nope', body: 'x' }] }),
    ).toMatchObject({ ok: false, status: 400 })
    const stepId = (await versionDetail(versionId))?.document.steps as Array<{ id: string }>
    ok(
      await review(reviewer, versionId, {
        decision: 'request-changes',
        comments: [{ stepId: stepId[0]?.id, body: 'Shorter, please' }, { body: 'Otherwise good' }],
      }),
    )
    const detail = await versionDetail(versionId)
    expect(detail?.status).toBe('changes-requested')
    expect(detail?.comments.map((c) => [c.stepId, c.body, c.author])).toEqual([
      [stepId[0]?.id, 'Shorter, please', reviewer.username],
      [null, 'Otherwise good', reviewer.username],
    ])
    // Only the author edits; then it goes round again.
    expect(await saveDraft(reviewer, versionId, { document: detail?.document })).toMatchObject({ status: 403 })
    ok(await submitForReview(author, versionId, 'Shorter now'))
    expect(await auditActions('life-area-map')).toEqual(['create', 'submit', 'request-changes', 'submit'])
  })

  it('an invalid draft saves with its issues, but cannot be submitted; publish re-checks', async () => {
    const { author } = await clinicians()
    const { versionId } = ok(await createDraft(author, { kind: 'module', itemId: 'solving-problems' }))
    const detail = await versionDetail(versionId)
    const document = { ...(detail?.document as ModuleDocument), sources: [] }
    const saved = ok(await saveDraft(author, versionId, { document }))
    expect(saved.valid).toBe(false)
    expect(saved.issues.map((i) => i.rule)).toContain('sources')
    expect((await versionDetail(versionId))?.document.sources).toEqual([])
    const submitted = await submitForReview(author, versionId, 'No sources')
    expect(submitted).toMatchObject({ ok: false, status: 400 })
    expect(submitted.ok === false && submitted.issues?.some((i) => i.rule === 'sources')).toBe(true)
    expect((await versionDetail(versionId))?.status).toBe('draft')
  })

  it('YAML from the source view saves even when it does not parse, and its errors name the line', async () => {
    const { author } = await clinicians()
    const { versionId } = ok(await createDraft(author, { kind: 'exercise', itemId: 'urge-surfing' }))
    const saved = ok(await saveDraft(author, versionId, { yaml: 'id: urge-surfing\ntitle: [unclosed\n' }))
    expect(saved.valid).toBe(false)
    expect(saved.issues[0]).toMatchObject({ rule: 'yaml' })
    expect(saved.issues[0]?.line).toBeGreaterThan(0)
    expect((await versionDetail(versionId))?.source).toContain('[unclosed')
    const wrong = ok(await saveDraft(author, versionId, { yaml: 'id: urge-surfing\nversion: "2"\ntitle: Urges\n' }))
    expect(wrong.issues.find((i) => i.path === 'intro')).toMatchObject({ rule: 'schema', line: 1 })
  })

  it('clients cannot author, admins can read but not author, and the id of an item never changes', async () => {
    const client = await makeUser()
    const admin = await makeUser('admin')
    expect(await createDraft(client, { kind: 'module', itemId: MODULE })).toMatchObject({ status: 403 })
    expect(await createDraft(admin, { kind: 'module', itemId: MODULE })).toMatchObject({ status: 403 })
    const { author } = await clinicians()
    const { versionId } = ok(await createDraft(author, { kind: 'module', itemId: 'building-a-week' }))
    expect(await createDraft(author, { kind: 'module', itemId: 'building-a-week' })).toMatchObject({ status: 409 })
    const doc = (await versionDetail(versionId))?.document as ModuleDocument
    const saved = ok(await saveDraft(author, versionId, { document: { ...doc, id: 'another-id' } }))
    expect(saved.issues.some((i) => i.message.includes('the id must stay building-a-week'))).toBe(true)
  })
})

describe('roll back and unpublish', () => {
  const ROLLED = 'catching-thoughts'

  it('rolls back to an earlier version through review, and unpublish falls back to the base edition', async () => {
    const { author, reviewer } = await publishNewTitle('First service title', ROLLED)
    // A second version, so there is something to roll back from.
    const { versionId: second } = ok(await createDraft(author, { kind: 'module', itemId: ROLLED }))
    const doc = (await versionDetail(second))?.document as ModuleDocument
    ok(await saveDraft(author, second, { document: { ...doc, title: 'Second service title' } }))
    ok(await submitForReview(author, second, 'Second try'))
    ok(await review(reviewer, second, { decision: 'approve' }))
    ok(await publish(author, second))
    expect((await publishedModule(ROLLED))?.title).toBe('Second service title')

    const history = await itemHistory('module', ROLLED)
    const first = history?.versions.find((v) => v.number === 1)
    expect(first?.status).toBe('superseded')
    const back = ok(await rollBack(reviewer, { kind: 'module', itemId: ROLLED, toVersionId: first?.id ?? '' }))
    // Not live until reviewed and published.
    expect((await publishedModule(ROLLED))?.title).toBe('Second service title')
    expect((await versionDetail(back.versionId))?.rollBackOf).toBe(first?.id)
    ok(await submitForReview(reviewer, back.versionId, 'Back to the first title'))
    expect(await review(reviewer, back.versionId, { decision: 'approve' })).toMatchObject({ status: 403 })
    ok(await review(author, back.versionId, { decision: 'approve' }))
    ok(await publish(author, back.versionId))
    expect((await publishedModule(ROLLED))?.title).toBe('First service title')

    ok(await unpublish(author, { kind: 'module', itemId: ROLLED, note: 'Back to the shipped text' }))
    expect((await publishedModule(ROLLED))?.title).toBe(loadProgramme().modules[ROLLED]?.title)
    expect((await publishedDocument('module', ROLLED))?.layer).toBe('base')
    expect(await unpublish(author, { kind: 'module', itemId: ROLLED })).toMatchObject({ status: 404 })
    const statuses = (await getDb().select().from(studioVersions).where(eq(studioVersions.itemId, ROLLED)).all())
      .map((v) => `${v.number}:${v.status}`)
      .sort()
    expect(statuses).toEqual(['1:superseded', '2:superseded', '3:unpublished'])
    expect(await auditActions(ROLLED)).toEqual([
      ...['create', 'edit', 'submit', 'approve', 'publish'],
      ...['create', 'edit', 'submit', 'approve', 'publish'],
      ...['roll-back', 'submit', 'approve', 'publish'],
      'unpublish',
    ])
  })

  it('a new module only the service has: published, listed for clients, withdrawn by unpublishing', async () => {
    const { author, reviewer } = await clinicians()
    const base = loadProgramme().modules['life-area-map']
    const { exercises: _e, ...copy } = base as NonNullable<typeof base>
    const document = { ...structuredClone(copy), id: 'local-support', title: 'Support near you' }
    const { versionId } = ok(await createDraft(author, { kind: 'module', itemId: 'local-support', document }))
    ok(await submitForReview(author, versionId, 'A local module'))
    ok(await review(reviewer, versionId, { decision: 'approve' }))
    ok(await publish(author, versionId))
    const client = await makeUser()
    expect((await moduleList(client.id)).map((m) => m.id)).toContain('local-support')
    expect((await library('module')).find((i) => i.itemId === 'local-support')?.layer).toBe('service')
    const started = await makeUser()
    await beginModule(started.id, 'local-support')
    ok(await unpublish(reviewer, { kind: 'module', itemId: 'local-support' }))
    expect((await moduleList(client.id)).map((m) => m.id)).not.toContain('local-support')
    expect(await beginModule(client.id, 'local-support')).toBeNull()
    // A client who began it keeps it, as they began it: listed, and offered to carry on.
    expect((await moduleList(started.id)).find((m) => m.id === 'local-support')).toMatchObject({
      title: 'Support near you',
      status: 'in-progress',
    })
    expect((await moduleToContinue(started.id))?.id).toBe('local-support')
    expect((await moduleView(started.id, 'local-support'))?.module.title).toBe('Support near you')
    expect((await library('module')).find((i) => i.itemId === 'local-support')?.layer).toBe('none')
  })

  it('a new item starts from a template whose only error is the missing sources', async () => {
    const { author } = await clinicians()
    for (const kind of ['module', 'exercise'] as const) {
      const document = newDocument(kind, `my-${kind}`, 'My own')
      const { versionId } = ok(await createDraft(author, { kind, itemId: `my-${kind}`, document }))
      const detail = await versionDetail(versionId)
      expect(detail?.issues.filter((i) => i.severity === 'error').map((i) => i.rule)).toEqual(['sources'])
      const taken = kind === 'module' ? 'recognise-avoid-cope' : 'refusal-script'
      expect(await createDraft(author, { kind, itemId: taken, document })).toMatchObject({
        status: 409,
        message: expect.stringContaining('There is already an item'),
      })
    }
    expect(await createDraft(author, { kind: 'instrument', itemId: 'my-scale', document: {} })).toMatchObject({
      status: 400,
    })
  })
})
