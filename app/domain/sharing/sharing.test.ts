// Sharing through the real route handlers: a client makes a code on their privacy page, a key
// worker redeems it, the client changes scopes and revokes, and every look is in the access log.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { deleteUser } from '#app/domain/accounts/account.server.ts'
import * as clientPageRoute from '#app/routes/caseload.$linkId._index.tsx'
import * as addClient from '#app/routes/caseload.add.tsx'
import * as modulesRoute from '#app/routes/modules._index.tsx'
import * as privacy from '#app/routes/privacy.tsx'
import { getDb } from '#db/client.ts'
import { rowsMentioning } from '#tests/setup/leftovers.ts'
import { dataOf, statusOf, statusOfValue } from '#tests/setup/outcome.ts'
import { loadContext, makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { CODE_REFUSED, createShareCode, redeemShareCode } from './links.server.ts'
import { CODE_ALPHABET, formatShareCode, normaliseShareCode } from './share-code.server.ts'

type Args = Parameters<typeof privacy.action>[0]
async function call(handler: (args: Args) => Promise<unknown>, request: Request, params: Record<string, string> = {}) {
  try {
    return await handler({ request, params, context: loadContext })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

const ALL = { assessments: true, modules: true, tracking: true, goals: true }

async function people() {
  const client = await makeUser('client')
  const worker = await makeUser('keyworker')
  return { client, worker, clientCookie: await signedInCookie(client), workerCookie: await signedInCookie(worker) }
}

/** The client makes a code on their privacy page, ticking `scopes`; returns the code shown. */
async function makeCode(cookie: string, scopes: string[]) {
  const form = new URLSearchParams({ intent: 'share' })
  for (const scope of scopes) form.append('scope', scope)
  const request = new Request('http://localhost/privacy', {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
  })
  const result = await call(privacy.action, request)
  return {
    status: statusOfValue(result),
    reply: dataOf<{ sharing: { code?: { code: string }; errors?: string[] } }>(result).sharing,
  }
}

async function redeem(cookie: string, code: string) {
  return call(addClient.action, makeRequest('/caseload/add', { cookie, form: { code } }))
}

const linkIdOf = (response: unknown) => {
  expect(response).toBeInstanceOf(Response)
  const location = (response as Response).headers.get('Location') ?? ''
  expect(location).toMatch(/^\/caseload\/[\w-]+$/)
  return location.split('/')[2] ?? ''
}

const accessRows = (clientId: string) =>
  getDb()
    .$client.prepare('select worker_name, what, scopes from access_log where client_id = ? order by id')
    .all(clientId)

describe('share codes', () => {
  it('are 8 characters from the unambiguous alphabet, typed any way', async () => {
    const { code } = await createShareCode((await makeUser('client')).id, ALL)
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`))
    expect(normaliseShareCode(formatShareCode(code).toLowerCase().replace('-', ' - '))).toBe(code)
    expect(normaliseShareCode('ABCD-EFG0')).toBeNull()
    expect(normaliseShareCode('ABC')).toBeNull()
  })

  it('are stored only as a hash, with the scopes chosen', async () => {
    const { client, clientCookie } = await people()
    const { status, reply } = await makeCode(clientCookie, ['tracking', 'goals'])
    expect(status).toBe(200)
    const code = normaliseShareCode(reply.code?.code ?? '') ?? ''
    expect(code).toHaveLength(8)
    expect(rowsMentioning(code)).toEqual([])
    const row = getDb().$client.prepare('select * from share_codes where client_id = ?').get(client.id) as Record<
      string,
      unknown
    >
    expect(row).toMatchObject({
      scope_assessments: 0,
      scope_modules: 0,
      scope_tracking: 1,
      scope_goals: 1,
      used_at: null,
    })
    expect(Number(row.expires_at) - Number(row.created_at)).toBe(48 * 3600 * 1000)
  })

  it('need at least one scope, and refuse unknown ones', async () => {
    const { client, clientCookie } = await people()
    expect((await makeCode(clientCookie, [])).status).toBe(400)
    const bad = await makeCode(clientCookie, ['everything'])
    expect(bad.status).toBe(400)
    expect(bad.reply.errors?.[0]).toMatch(/Choose from the list/)
    expect(getDb().$client.prepare('select count(*) as n from share_codes where client_id = ?').get(client.id)).toEqual(
      { n: 0 },
    )
  })
})

describe('redeeming a code', () => {
  it('links the worker with exactly the scopes chosen, once', async () => {
    const { client, worker, clientCookie, workerCookie } = await people()
    const { reply } = await makeCode(clientCookie, ['assessments', 'tracking'])
    const linkId = linkIdOf(await redeem(workerCookie, reply.code?.code ?? ''))
    const link = getDb().$client.prepare('select * from care_links where id = ?').get(linkId)
    expect(link).toMatchObject({
      client_id: client.id,
      worker_id: worker.id,
      scope_assessments: 1,
      scope_modules: 0,
      scope_tracking: 1,
      scope_goals: 0,
      revoked_at: null,
    })
    // Used: a second go, even by the same worker, is refused like any wrong code.
    const again = await redeem(workerCookie, reply.code?.code ?? '')
    expect(statusOfValue(again)).toBe(400)
    expect(JSON.stringify(dataOf(again))).toContain(CODE_REFUSED)
  })

  it('gives wrong, used and expired codes the same message', async () => {
    const { client, worker } = await people()
    const now = new Date('2026-11-01T10:00:00Z')
    const { code } = await createShareCode(client.id, ALL, now)
    expect(await redeemShareCode(worker, code, new Date(now.getTime() + 48 * 3600 * 1000 + 1))).toEqual({ ok: false })
    expect(await redeemShareCode(worker, 'ZZZZ-ZZZZ', now)).toEqual({ ok: false })
    expect((await redeemShareCode(worker, code, new Date(now.getTime() + 47 * 3600 * 1000))).ok).toBe(true)
    expect(await redeemShareCode(worker, code, now)).toEqual({ ok: false })
  })

  it('is rate-limited per worker', async () => {
    const { workerCookie } = await people()
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push(statusOfValue(await redeem(workerCookie, 'ABCD-EFGH')))
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true)
    expect(statuses[10]).toBe(429)
  })

  it('is for key workers only', async () => {
    const { client, clientCookie } = await people()
    const { code } = await createShareCode(client.id, ALL)
    expect(
      await statusOf(addClient.action, makeRequest('/caseload/add', { cookie: clientCookie, form: { code } })),
    ).toBe(403)
  })
})

describe('the client stays in control', () => {
  let ids: Awaited<ReturnType<typeof people>> & { linkId: string }
  beforeEach(async () => {
    const p = await people()
    const { reply } = await makeCode(p.clientCookie, ['assessments', 'modules', 'tracking', 'goals'])
    ids = { ...p, linkId: linkIdOf(await redeem(p.workerCookie, reply.code?.code ?? '')) }
  })

  const clientPageRaw = () =>
    call(clientPageRoute.loader, makeRequest(`/caseload/${ids.linkId}`, { cookie: ids.workerCookie }), {
      linkId: ids.linkId,
    })
  const post = (form: Record<string, string>) =>
    call(privacy.action, makeRequest('/privacy', { cookie: ids.clientCookie, form }))
  /** The page's data as the browser gets it, or the Response it was refused with. */
  const clientPage = async () => {
    const result = await clientPageRaw()
    return result instanceof Response ? result : JSON.parse(JSON.stringify(dataOf(result)))
  }

  it('sees who can see what, and every look, on the privacy page', async () => {
    await clientPage()
    const page = dataOf<Awaited<ReturnType<typeof privacy.loader>>>(
      await call(privacy.loader, makeRequest('/privacy', { cookie: ids.clientCookie })),
    )
    expect(page.sharing?.links).toHaveLength(1)
    expect(page.sharing?.links[0]).toMatchObject({
      worker: ids.worker.username,
      scopes: ['assessments', 'modules', 'tracking', 'goals'],
      revoked: null,
    })
    expect(page.sharing?.log).toHaveLength(1)
    expect(page.sharing?.log[0]).toMatchObject({ worker: ids.worker.username, what: 'client page' })
  })

  it('changes scopes, and the next page the worker loads follows them', async () => {
    expect(dataOf<{ tracking: string | null }>(await clientPage()).tracking).not.toBeNull()
    expect(statusOfValue(await post({ intent: 'scopes', id: ids.linkId, scope: 'goals' }))).toBe(200)
    const page = dataOf<{ tracking: string | null; goals: unknown; assessments: unknown; modules: unknown }>(
      await clientPage(),
    )
    expect(page.tracking).toBeNull()
    expect(page.assessments).toBeNull()
    expect(page.modules).toBeNull()
    expect(page.goals).not.toBeNull()
    expect(accessRows(ids.client.id).map((r) => (r as { scopes: string }).scopes)).toEqual([
      'assessments,modules,tracking,goals',
      'goals',
    ])
  })

  it('revokes, and the very next request is refused; the log stays', async () => {
    await clientPage()
    expect(statusOfValue(await post({ intent: 'revoke', id: ids.linkId }))).toBe(200)
    expect(statusOfValue(await clientPage())).toBe(404)
    expect(accessRows(ids.client.id)).toHaveLength(1)
    // Revoking twice, or someone else's link, is a clear 404.
    expect(statusOfValue(await post({ intent: 'revoke', id: ids.linkId }))).toBe(404)
  })

  it('a new code from the same client brings a revoked worker back with the new scopes', async () => {
    await post({ intent: 'revoke', id: ids.linkId })
    const { reply } = await makeCode(ids.clientCookie, ['modules'])
    expect(linkIdOf(await redeem(ids.workerCookie, reply.code?.code ?? ''))).toBe(ids.linkId)
    const page = dataOf<{ modules: unknown; tracking: unknown }>(await clientPage())
    expect(page.modules).not.toBeNull()
    expect(page.tracking).toBeNull()
  })

  it('refuses scope changes to nothing, with a message', async () => {
    const result = await post({ intent: 'scopes', id: ids.linkId })
    expect(statusOfValue(result)).toBe(400)
    expect(JSON.stringify(dataOf(result))).toMatch(/stop sharing instead/)
  })

  it('sees a suggested module with their modules, and can dismiss it', async () => {
    const suggest = await call(
      clientPageRoute.action,
      makeRequest(`/caseload/${ids.linkId}`, {
        cookie: ids.workerCookie,
        form: { intent: 'suggest', module: 'saying-no' },
      }),
      { linkId: ids.linkId },
    )
    expect(statusOfValue(suggest)).toBe(200)
    const list = () => call(modulesRoute.loader, makeRequest('/modules', { cookie: ids.clientCookie }))
    const [suggestion] = dataOf<{ suggestions: Array<{ id: string; moduleId: string; worker: string }> }>(
      await list(),
    ).suggestions
    expect(suggestion).toMatchObject({ moduleId: 'saying-no', worker: ids.worker.username })
    const dismissed = await call(
      modulesRoute.action,
      makeRequest('/modules', { cookie: ids.clientCookie, form: { intent: 'dismiss', id: suggestion?.id ?? '' } }),
    )
    expect(statusOfValue(dismissed)).toBe(302)
    expect(dataOf<{ suggestions: unknown[] }>(await list()).suggestions).toEqual([])
  })

  it('refuses a module that does not exist', async () => {
    const result = await call(
      clientPageRoute.action,
      makeRequest(`/caseload/${ids.linkId}`, { cookie: ids.workerCookie, form: { intent: 'suggest', module: 'nope' } }),
      { linkId: ids.linkId },
    )
    expect(statusOfValue(result)).toBe(400)
  })

  it('a worker’s label is theirs alone and shows instead of the username', async () => {
    await call(
      clientPageRoute.action,
      makeRequest(`/caseload/${ids.linkId}`, {
        cookie: ids.workerCookie,
        form: { intent: 'label', label: 'J from Tuesday group' },
      }),
      { linkId: ids.linkId },
    )
    expect(dataOf<{ client: { name: string } }>(await clientPage()).client.name).toBe('J from Tuesday group')
    const tooLong = await call(
      clientPageRoute.action,
      makeRequest(`/caseload/${ids.linkId}`, {
        cookie: ids.workerCookie,
        form: { intent: 'label', label: 'x'.repeat(61) },
      }),
      { linkId: ids.linkId },
    )
    expect(statusOfValue(tooLong)).toBe(400)
  })
})

describe('the access log', () => {
  it('cannot be changed, and goes with the client’s account', async () => {
    const { client, clientCookie, workerCookie } = await people()
    const { reply } = await makeCode(clientCookie, ['goals'])
    const linkId = linkIdOf(await redeem(workerCookie, reply.code?.code ?? ''))
    await call(clientPageRoute.loader, makeRequest(`/caseload/${linkId}`, { cookie: workerCookie }), { linkId })
    expect(() => getDb().$client.prepare("update access_log set what = 'nothing'").run()).toThrow(/append-only/)
    await deleteUser(client.id)
    expect(accessRows(client.id)).toEqual([])
    expect(rowsMentioning(client.id)).toEqual([])
  })

  it('has no delete or update anywhere in the application code', () => {
    const files: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (/\.tsx?$/.test(name) && !name.includes('.test.')) files.push(path)
      }
    }
    for (const dir of ['app', 'db', 'programme', 'scripts']) walk(dir)
    const offenders = files.filter((file) => {
      const text = readFileSync(file, 'utf8')
      return /(delete|update)\(\s*accessLog\b/.test(text) || /(delete\s+from|update)\s+[`"]?access_log\b/i.test(text)
    })
    expect(offenders).toEqual([])
  })
})
