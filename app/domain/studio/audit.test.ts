// The studio audit is append-only (H-031): the database refuses to change or delete a row.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.ts'
import { studioAudit } from '#db/schema/index.ts'
import { makeUser } from '#tests/setup/requests.ts'
import { auditLog } from './library.server.ts'
import { createDraft } from './workflow.server.ts'

describe('the studio audit', () => {
  it('cannot be changed or deleted, only added to', async () => {
    const author = await makeUser('clinician')
    expect(await createDraft(author, { kind: 'module', itemId: 'saying-no' })).toMatchObject({ ok: true })
    const [row] = await auditLog({ itemId: 'saying-no' })
    expect(row).toMatchObject({ action: 'create', actorId: author.id })
    const id = row?.id ?? ''
    expect(() => getDb().update(studioAudit).set({ note: 'changed' }).where(eq(studioAudit.id, id)).run()).toThrow(
      /append-only/,
    )
    expect(() => getDb().delete(studioAudit).where(eq(studioAudit.id, id)).run()).toThrow(/append-only/)
    expect((await auditLog({ itemId: 'saying-no' }))[0]).toEqual(row)
  })
})

describe("a clinician's own studio data", () => {
  it('is in their export: versions with their part in each, comments and audit rows', async () => {
    const { exportStudio } = await import('./export.server.ts')
    const { review, submitForReview } = await import('./workflow.server.ts')
    const author = await makeUser('clinician')
    const reviewer = await makeUser('clinician')
    const made = await createDraft(author, { kind: 'exercise', itemId: 'smart-goal' })
    const versionId = made.ok ? made.versionId : ''
    await submitForReview(author, versionId, 'Checking')
    await review(reviewer, versionId, { decision: 'request-changes', comments: [{ body: 'Say more' }] })
    const mine = (await exportStudio(reviewer.id)).studio as Record<string, Array<Record<string, unknown>>>
    expect(mine.versions).toMatchObject([{ item: 'smart-goal', roles: ['reviewer'], status: 'changes-requested' }])
    expect(mine.comments).toMatchObject([{ item: 'smart-goal', body: 'Say more' }])
    expect(mine.audit?.map((a) => a.action)).toEqual(['request-changes'])
    expect(await exportStudio((await makeUser('clinician')).id)).toEqual({})
    const { exportUserData } = await import('#app/domain/privacy/export.server.ts')
    expect((await exportUserData(reviewer.id)).studio).toEqual({ ...mine })
  })
})
