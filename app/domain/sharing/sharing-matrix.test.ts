// Who may see a client's data through the key-worker routes: every role and relation to the
// client × every client-data route and download, allowed or refused exactly as designed.
// - anonymous: sent to sign in (302)
// - the client themselves, a clinician, an admin: not a key worker (403)
// - a key worker linked with the scope, or without it: allowed (200); the part not shared is
//   left out of the page (checked below the matrix)
// - a key worker whose link was revoked, or who was never linked: 404, as for a made-up id, so
//   nothing says whether the client exists
import { beforeAll, describe, expect, it } from 'vitest'
import * as caseloadRoute from '#app/routes/caseload._index.tsx'
import * as clientPageRoute from '#app/routes/caseload.$linkId._index.tsx'
import * as summaryPage from '#app/routes/caseload.$linkId.summary.tsx'
import * as summaryPdf from '#app/routes/caseload.$linkId.summary[.pdf].ts'
import * as addClient from '#app/routes/caseload.add.tsx'
import { getDb } from '#db/client.ts'
import { dataOf, statusOf } from '#tests/setup/outcome.ts'
import { loadContext, makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { createShareCode, redeemShareCode, revokeLink, type Scopes } from './links.server.ts'

type Who = 'anonymous' | 'client' | 'linked' | 'linked-without-scope' | 'revoked' | 'unrelated' | 'clinician' | 'admin'
const WHO: Who[] = [
  'anonymous',
  'client',
  'linked',
  'linked-without-scope',
  'revoked',
  'unrelated',
  'clinician',
  'admin',
]

const NONE: Scopes = { assessments: false, modules: false, tracking: false, goals: false }
const ALL: Scopes = { assessments: true, modules: true, tracking: true, goals: true }

const cookies = new Map<Who, string | undefined>()
/** The link id each worker uses: their own link, or (unrelated) someone else's. */
const linkIds = new Map<Who, string>()

beforeAll(async () => {
  const client = await makeUser('client')
  const link = async (scopes: Scopes) => {
    const worker = await makeUser('keyworker')
    const result = await redeemShareCode(worker, (await createShareCode(client.id, scopes)).code)
    if (!result.ok) throw new Error('could not link')
    return { worker, linkId: result.linkId }
  }
  const linked = await link(ALL)
  const withoutScope = await link({ ...NONE, goals: true })
  const revoked = await link(ALL)
  await revokeLink(client.id, revoked.linkId)
  const unrelated = await makeUser('keyworker')
  cookies.set('anonymous', undefined)
  cookies.set('client', await signedInCookie(client))
  cookies.set('linked', await signedInCookie(linked.worker))
  cookies.set('linked-without-scope', await signedInCookie(withoutScope.worker))
  cookies.set('revoked', await signedInCookie(revoked.worker))
  cookies.set('unrelated', await signedInCookie(unrelated))
  cookies.set('clinician', await signedInCookie(await makeUser('clinician')))
  cookies.set('admin', await signedInCookie(await makeUser('admin')))
  for (const who of WHO) linkIds.set(who, linked.linkId)
  linkIds.set('linked-without-scope', withoutScope.linkId)
  linkIds.set('revoked', revoked.linkId)
})

type Handler = Parameters<typeof statusOf>[0]
const CLIENT_ROUTES: Array<{
  name: string
  path: string
  handler: Handler
  form?: Record<string, string>
  expected: number[]
}> = [
  {
    name: 'client page',
    path: '',
    handler: clientPageRoute.loader,
    expected: [302, 403, 200, 200, 404, 404, 403, 403],
  },
  {
    name: 'label the client',
    path: '',
    handler: clientPageRoute.action,
    form: { intent: 'label', label: 'A' },
    expected: [302, 403, 200, 200, 404, 404, 403, 403],
  },
  {
    name: 'suggest a module',
    path: '',
    handler: clientPageRoute.action,
    form: { intent: 'suggest', module: 'saying-no' },
    expected: [302, 403, 200, 200, 404, 404, 403, 403],
  },
  {
    name: 'session summary page',
    path: '/summary',
    handler: summaryPage.loader,
    expected: [302, 403, 200, 200, 404, 404, 403, 403],
  },
  {
    name: 'session summary PDF',
    path: '/summary.pdf',
    handler: summaryPdf.loader,
    expected: [302, 403, 200, 200, 404, 404, 403, 403],
  },
]

describe.each(CLIENT_ROUTES)('$name', ({ path, handler, form, expected }) => {
  it.each(WHO.map((who, i) => [who, expected[i]] as const))('%s → %i', async (who, status) => {
    const linkId = linkIds.get(who) ?? ''
    const request = makeRequest(`/caseload/${linkId}${path}`, { cookie: cookies.get(who), form })
    expect(await statusOf(handler, request, { linkId })).toBe(status)
  })
})

const WORKER_ROUTES: Array<{ name: string; path: string; handler: Handler; form?: Record<string, string> }> = [
  { name: 'caseload', path: '/caseload', handler: caseloadRoute.loader },
  { name: 'add a client page', path: '/caseload/add', handler: addClient.loader },
]
describe.each(WORKER_ROUTES)('$name (key workers only)', ({ path, handler }) => {
  it.each([
    ['anonymous', 302],
    ['client', 403],
    ['linked', 200],
    ['clinician', 403],
    ['admin', 403],
  ] as const)('%s → %i', async (who, status) => {
    expect(await statusOf(handler, makeRequest(path, { cookie: cookies.get(who) }))).toBe(status)
  })
})

describe('a part the client does not share', () => {
  it('is left out of the client page', async () => {
    const page = (who: Who) =>
      clientPageRoute.loader({
        request: makeRequest(`/caseload/${linkIds.get(who)}`, { cookie: cookies.get(who) }),
        params: { linkId: linkIds.get(who) ?? '' },
        context: loadContext,
      })
    const parsed = async (who: Who) => JSON.parse(JSON.stringify(dataOf(await page(who)))) as Record<string, unknown>
    const full = await parsed('linked')
    const partial = await parsed('linked-without-scope')
    for (const part of ['assessments', 'modules', 'tracking', 'goals']) expect(full[part], part).not.toBeNull()
    expect(partial).toMatchObject({ assessments: null, modules: null, tracking: null })
    expect(partial.goals).not.toBeNull()
  })

  it('writes the scopes in force to the access log with every look', () => {
    const rows = getDb().$client.prepare('select scopes from access_log').all() as Array<{ scopes: string }>
    expect(rows.map((r) => r.scopes)).toContain('goals')
    expect(rows.map((r) => r.scopes)).toContain('assessments,modules,tracking,goals')
  })
})
