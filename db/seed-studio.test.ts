// The demo's draft in review (issue 14): valid, waiting for a second clinician, with its audit rows.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { publish, review, versionDetail } from '#app/domain/studio/index.server.ts'
import { makeUser } from '#tests/setup/requests.ts'
import { getDb } from './client.ts'
import { studioAudit, studioVersions } from './schema/index.ts'
import { DEMO_DRAFT_MODULE, seedStudioDemo } from './seed-studio.ts'

describe('the studio demo', () => {
  it('seeds a valid draft in review that another clinician can approve and publish', async () => {
    const author = await makeUser('clinician')
    const reviewer = await makeUser('clinician')
    seedStudioDemo(getDb(), author.username, new Date('2026-12-05T10:00:00Z'))
    const row = getDb().select().from(studioVersions).where(eq(studioVersions.itemId, DEMO_DRAFT_MODULE)).get()
    const detail = await versionDetail(row?.id ?? '')
    expect(detail).toMatchObject({ status: 'in-review', author: author.username, valid: true })
    expect(detail?.issues.filter((i) => i.severity === 'error')).toEqual([])
    const actions = getDb()
      .select()
      .from(studioAudit)
      .where(eq(studioAudit.versionId, row?.id ?? ''))
      .all()
    expect(actions.map((a) => a.action)).toEqual(['create', 'edit', 'submit'])
    expect(await review(author, row?.id ?? '', { decision: 'approve' })).toMatchObject({ status: 403 })
    expect(await review(reviewer, row?.id ?? '', { decision: 'approve' })).toMatchObject({ ok: true })
    expect(await publish(reviewer, row?.id ?? '')).toMatchObject({ ok: true })
  })
})
