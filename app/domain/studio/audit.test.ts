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
