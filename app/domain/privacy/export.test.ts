// "Download my data" for each staff role, through the real route: their account and record, the
// work they did (caseload, studio, staff admin), and nothing about a client beyond the link id
// the worker already sees in their caseload's addresses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createInvite } from '#app/domain/accounts/staff.server.ts'
import { createPassphraseReset } from '#app/domain/accounts/staff-admin.server.ts'
import { suggestService } from '#app/domain/directory/client-services.server.ts'
import { saveEntry } from '#app/domain/directory/entries.server.ts'
import { EntrySchema } from '#app/domain/directory/entry-schema.ts'
import { suggestModule } from '#app/domain/modules/suggestions.server.ts'
import { logAccess } from '#app/domain/sharing/access-log.server.ts'
import { createShareCode, redeemShareCode, revokeLink, setLabel } from '#app/domain/sharing/links.server.ts'
import { createDraft, review, submitForReview } from '#app/domain/studio/workflow.server.ts'
import * as privacyExport from '#app/routes/privacy.export.ts'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import type { User } from '#db/schema/index.ts'
import { loadContext, makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'

const NOW = new Date('2026-12-05T10:00:00Z')
const ALL = { assessments: true, modules: true, tracking: true, goals: true }
const CLIENT_SECTIONS = ['assessments', 'modules', 'tracking', 'sharedWith', 'shareCodes', 'accessLog', 'savedServices']

beforeEach(() => pinClock(NOW))
afterEach(() => unpinClock())

/** The file /privacy/export gives the signed-in person. */
async function download(user: User): Promise<Record<string, unknown>> {
  const response = (await privacyExport.loader({
    request: makeRequest('/privacy/export', { cookie: await signedInCookie(user) }),
    params: {},
    context: loadContext,
  })) as Response
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="foothold-data-2026-12-05\.json"$/)
  return JSON.parse(await response.text())
}

function expectNoClientSectionsOrSecrets(exported: Record<string, unknown>, user: User) {
  for (const section of CLIENT_SECTIONS) expect(exported, section).not.toHaveProperty(section)
  const text = JSON.stringify(exported)
  expect(text).not.toContain(user.passphraseHash)
  expect(text).not.toMatch(/argon2|idHash|tokenHash|token_hash|codeHash/)
}

describe('download my data, for staff', () => {
  it('a key worker gets their links, every look they took and what they suggested, by link id only', async () => {
    const client = await makeUser('client')
    const other = await makeUser('client')
    const worker = await makeUser('keyworker')
    const linkIdFor = async (who: User) => {
      const { code } = await createShareCode(who.id, ALL, NOW)
      const redeemed = await redeemShareCode(worker, code, NOW)
      if (!redeemed.ok) throw new Error('not linked')
      return redeemed.linkId
    }
    const linkId = await linkIdFor(client)
    const otherLink = await linkIdFor(other)
    await setLabel(worker.id, linkId, 'J from Tuesday group')
    await logAccess(worker, { client, scopes: ALL }, 'client page', NOW)
    await logAccess(worker, { client: other, scopes: ALL }, 'session summary PDF', NOW)
    await revokeLink(other.id, otherLink, NOW)
    await suggestModule(worker.id, client.id, 'saying-no', NOW)
    await saveEntry(
      EntrySchema.parse({
        id: 'hub',
        name: 'Example Hub',
        kind: 'pharmacy',
        address: 'online',
        time_zone: 'Europe/London',
        last_verified: '2026-11-01',
      }),
      NOW,
    )
    await suggestService(worker.id, client.id, 'hub', NOW)
    // Another worker's look at the same client is not in this worker's file.
    const colleague = await makeUser('keyworker')
    await logAccess(colleague, { client, scopes: ALL }, 'client page', NOW)

    const exported = await download(worker)
    expect(exported).toMatchObject({
      format: 'foothold-export/1',
      account: { username: worker.username, role: 'keyworker' },
      sessions: [{ sharedDevice: false }],
      staffRecord: { invite: null, disabledAt: null, resetLinksForYou: [] },
    })
    const caseload = exported.caseload as Record<string, Array<Record<string, unknown>>>
    expect(caseload.links).toMatchObject([
      {
        linkId,
        label: 'J from Tuesday group',
        scopes: ['assessments', 'modules', 'tracking', 'goals'],
        revokedAt: null,
      },
      { linkId: otherLink, label: null, revokedAt: NOW.toISOString() },
    ])
    expect(caseload.accessLog).toEqual([
      { linkId, what: 'client page', scopes: ['assessments', 'modules', 'tracking', 'goals'], at: NOW.toISOString() },
      {
        linkId: otherLink,
        what: 'session summary PDF',
        scopes: ['assessments', 'modules', 'tracking', 'goals'],
        at: NOW.toISOString(),
      },
    ])
    expect(caseload.moduleSuggestions).toEqual([
      { linkId, moduleId: 'saying-no', createdAt: NOW.toISOString(), dismissedAt: null },
    ])
    expect(caseload.serviceSuggestions).toEqual([
      { linkId, entryId: 'hub', createdAt: NOW.toISOString(), dismissedAt: null },
    ])
    expectNoClientSectionsOrSecrets(exported, worker)
    const text = JSON.stringify(exported)
    for (const who of [client, other, colleague]) {
      expect(text).not.toContain(who.id)
      expect(text).not.toContain(who.username)
    }
  })

  it('a clinician gets the versions they wrote or reviewed, their comments and audit rows', async () => {
    const author = await makeUser('clinician')
    const reviewer = await makeUser('clinician')
    const made = await createDraft(author, { kind: 'exercise', itemId: 'smart-goal' })
    if (!made.ok) throw new Error('no draft')
    await submitForReview(author, made.versionId, 'Plainer words')
    await review(reviewer, made.versionId, { decision: 'request-changes', comments: [{ body: 'Say more' }] })

    const mine = await download(author)
    expect(mine).toMatchObject({
      account: { username: author.username, role: 'clinician' },
      staffRecord: { invite: null },
      studio: {
        versions: [{ kind: 'exercise', item: 'smart-goal', roles: ['author'], changeNote: 'Plainer words' }],
        comments: [],
      },
    })
    expect((mine.studio as { audit: Array<{ action: string }> }).audit.map((row) => row.action)).toEqual([
      'create',
      'submit',
    ])
    expect(mine).not.toHaveProperty('caseload')
    expectNoClientSectionsOrSecrets(mine, author)

    const theirs = await download(reviewer)
    expect(theirs).toMatchObject({
      studio: {
        versions: [{ item: 'smart-goal', roles: ['reviewer'], status: 'changes-requested' }],
        comments: [{ item: 'smart-goal', body: 'Say more' }],
        audit: [{ action: 'request-changes' }],
      },
    })
    expect(JSON.stringify(theirs)).not.toContain(author.username)
  })

  it('an admin gets the invites and reset links they made; the member of staff sees the reset made for them', async () => {
    const admin = await makeUser('admin')
    const clinician = await makeUser('clinician')
    await createInvite('keyworker', admin.id, NOW)
    await createPassphraseReset(admin.id, clinician.id, NOW)

    const exported = await download(admin)
    expect(exported).toMatchObject({
      account: { username: admin.username, role: 'admin' },
      invitesCreated: [{ role: 'keyworker', usedAt: null }],
      staffRecord: {
        resetLinksMade: [{ createdAt: NOW.toISOString(), usedAt: null }],
        resetLinksForYou: [],
      },
    })
    expect(JSON.stringify(exported)).not.toContain(clinician.username)
    expect(exported).not.toHaveProperty('studio')
    expectNoClientSectionsOrSecrets(exported, admin)

    expect(await download(clinician)).toMatchObject({
      staffRecord: {
        resetLinksForYou: [{ createdAt: NOW.toISOString(), usedAt: null }],
        resetLinksMade: [],
      },
    })
  })

  it('a client’s file has no staff sections', async () => {
    const client = await makeUser('client')
    const exported = await download(client)
    expect(exported).toMatchObject({ account: { role: 'client' } })
    for (const section of ['staffRecord', 'caseload', 'studio', 'invitesCreated'])
      expect(exported).not.toHaveProperty(section)
  })
})
