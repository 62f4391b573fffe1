// Sign-up, sign-in and account deletion through their real route actions.
import type { ActionFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import * as login from '#app/routes/login.tsx'
import * as privacyExport from '#app/routes/privacy.export.ts'
import * as privacy from '#app/routes/privacy.tsx'
import * as signup from '#app/routes/signup.tsx'
import { rowsMentioning } from '#tests/setup/leftovers.ts'
import { dataOf, statusOf, statusOfValue } from '#tests/setup/outcome.ts'
import { loadContext, makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { createUser, findUserByUsername } from './account.server.ts'
import { SIGN_IN_FAILED } from './sign-in.server.ts'

const call = async (
  handler: (args: ActionFunctionArgs) => Promise<unknown>,
  request: Request,
  clientIp = loadContext.clientIp,
) => {
  try {
    return await handler({ request, params: {}, context: { ...loadContext, clientIp } })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

type Reply = { result: { error?: Record<string, string[] | null> } }

describe('sign-up', () => {
  it('creates a client account, signs them in and goes home', async () => {
    const response = await call(
      signup.action,
      makeRequest('/signup', { form: { username: 'New.Person', passphrase: 'purple kettle river' } }),
    )
    expect(statusOfValue(response)).toBe(302)
    expect((response as Response).headers.get('Location')).toBe('/home')
    expect((response as Response).headers.get('Set-Cookie')).toMatch(/foothold-session=/)
    expect((await findUserByUsername('new.person'))?.role).toBe('client')
  })

  it.each([
    [{ username: 'ab', passphrase: 'purple kettle river' }, 'username', /at least 3/],
    [{ username: 'has space', passphrase: 'purple kettle river' }, 'username', /no spaces/],
    [{ username: 'short-pass', passphrase: 'short' }, 'passphrase', /at least 8/],
    [{ username: 'common-pass', passphrase: 'iloveyou1' }, 'passphrase', /most common/],
    [{ username: 'no-pass' }, 'passphrase', /Enter a passphrase/],
  ])('refuses %o with a message by the %s field, saving nothing', async (form, field, message) => {
    const result = await call(signup.action, makeRequest('/signup', { form: form as Record<string, string> }))
    expect(statusOfValue(result)).toBe(400)
    expect(dataOf<Reply>(result).result.error?.[field]?.join(' ')).toMatch(message)
    expect(await findUserByUsername(form.username)).toBeUndefined()
  })

  it('refuses a username already taken, in any case', async () => {
    const user = await makeUser('client')
    const result = await call(
      signup.action,
      makeRequest('/signup', { form: { username: user.username.toUpperCase(), passphrase: 'purple kettle river' } }),
    )
    expect(statusOfValue(result)).toBe(400)
    expect(dataOf<Reply>(result).result.error?.username?.[0]).toMatch(/taken/)
  })
})

describe('sign-in', () => {
  it('gives the same message for a wrong passphrase and an unknown username', async () => {
    const user = await makeUser('client', 'purple kettle river')
    const wrong = await call(
      login.action,
      makeRequest('/login', { form: { username: user.username, passphrase: 'wrong passphrase' } }),
    )
    const unknown = await call(
      login.action,
      makeRequest('/login', { form: { username: 'no-such-person', passphrase: 'wrong passphrase' } }),
    )
    expect([statusOfValue(wrong), statusOfValue(unknown)]).toEqual([400, 400])
    expect(dataOf<Reply>(wrong).result.error?.['']).toEqual([SIGN_IN_FAILED])
    expect(dataOf<Reply>(unknown).result.error?.['']).toEqual([SIGN_IN_FAILED])
  })

  it('signs in and returns to a same-site page only', async () => {
    const user = await makeUser('client', 'purple kettle river')
    const form = { username: user.username, passphrase: 'purple kettle river', redirectTo: '/privacy' }
    const back = (await call(login.action, makeRequest('/login', { form }))) as Response
    expect(back.headers.get('Location')).toBe('/privacy')
    const away = (await call(
      login.action,
      makeRequest('/login', { form: { ...form, redirectTo: '//evil.example' } }),
    )) as Response
    expect(away.headers.get('Location')).toBe('/home')
  })

  it('refuses with 429 after 10 failures for one username, even with the right passphrase', async () => {
    const user = await makeUser('client', 'purple kettle river')
    for (let i = 0; i < 10; i++) {
      await call(
        login.action,
        makeRequest('/login', { form: { username: user.username, passphrase: `wrong ${i} attempt` } }),
      )
    }
    const blocked = await call(
      login.action,
      makeRequest('/login', { form: { username: user.username, passphrase: 'purple kettle river' } }),
    )
    expect(statusOfValue(blocked)).toBe(429)
    expect(dataOf<Reply>(blocked).result.error?.['']?.[0]).toMatch(/Too many attempts/)
  })
})

describe('delete my account', () => {
  it('keeps the account when the passphrase is wrong', async () => {
    const user = await makeUser('client', 'purple kettle river')
    const cookie = await signedInCookie(user)
    const result = await call(
      privacy.action,
      makeRequest('/privacy', { cookie, form: { passphrase: 'not it at all', confirm: 'on' } }),
    )
    expect(statusOfValue(result)).toBe(400)
    expect(await findUserByUsername(user.username)).toBeDefined()
  })

  it('needs the confirmation box ticked', async () => {
    const user = await makeUser('client', 'purple kettle river')
    const cookie = await signedInCookie(user)
    const result = await call(
      privacy.action,
      makeRequest('/privacy', { cookie, form: { passphrase: 'purple kettle river' } }),
    )
    expect(statusOfValue(result)).toBe(400)
    expect(dataOf<Reply>(result).result.error?.confirm?.[0]).toMatch(/Tick the box/)
    expect(await findUserByUsername(user.username)).toBeDefined()
  })

  it('removes everything and signs out when confirmed', async () => {
    const user = await makeUser('client', 'purple kettle river')
    const cookie = await signedInCookie(user)
    const result = (await call(
      privacy.action,
      makeRequest('/privacy', { cookie, form: { passphrase: 'purple kettle river', confirm: 'on' } }),
    )) as Response
    expect(result.status).toBe(302)
    expect(result.headers.get('Location')).toBe('/account-deleted')
    expect(result.headers.get('Set-Cookie')).toMatch(/Max-Age=0/)
    expect(rowsMentioning(user.id)).toEqual([])
  })
})

describe('download my data', () => {
  it('is a JSON attachment that is never cached', async () => {
    const user = await makeUser('client')
    const response = (await privacyExport.loader({
      request: makeRequest('/privacy/export', { cookie: await signedInCookie(user) }),
      params: {},
      context: loadContext,
    })) as Response
    expect(response.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="foothold-data-\d{4}-\d{2}-\d{2}\.json"$/,
    )
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(JSON.parse(await response.text())).toMatchObject({ account: { username: user.username } })
  })

  it('is refused to someone signed out', async () => {
    expect(await statusOf(privacyExport.loader, makeRequest('/privacy/export'))).toBe(302)
  })
})

describe('sign-up rate limits', () => {
  it('refuses with 429 after 10 sign-ups from one address in an hour', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) {
      const form = { username: `burst-${i}`, passphrase: 'purple kettle river' }
      statuses.push(statusOfValue(await call(signup.action, makeRequest('/signup', { form }), '10.0.0.9')))
    }
    expect(statuses.slice(0, 10).every((s) => s === 302)).toBe(true)
    expect(statuses[10]).toBe(429)
    expect(await findUserByUsername('burst-10')).toBeUndefined()
  })

  it('refuses with 429 after 5 tries at one username, from any address', async () => {
    await createUser({ username: 'wanted.name', passphrase: 'purple kettle river', role: 'client' })
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      const form = { username: 'wanted.name', passphrase: 'another good passphrase' }
      statuses.push(statusOfValue(await call(signup.action, makeRequest('/signup', { form }), `10.1.0.${i}`)))
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429])
  })
})

describe('a successful sign-in', () => {
  it('clears the failures counted against the username', async () => {
    const user = await makeUser('client', 'purple kettle river')
    const attempt = (passphrase: string) =>
      call(login.action, makeRequest('/login', { form: { username: user.username, passphrase } }), '10.2.0.1')
    for (let i = 0; i < 9; i++) await attempt('wrong passphrase here')
    expect(statusOfValue(await attempt('purple kettle river'))).toBe(302)
    // Nine more failures would have been refused had the count not been cleared.
    for (let i = 0; i < 9; i++) expect(statusOfValue(await attempt('wrong passphrase here'))).toBe(400)
  })
})
