import { eq } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'
import { secureCookiesEnabled } from '#app/utils/env.server.ts'
import { getDb } from '#db/client.ts'
import { sessions } from '#db/schema/index.ts'
import { cookieFrom, makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { createSession, destroyAllSessions, destroySession, getSession, hashToken } from './session.server.ts'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

const at = (base: Date, ms: number) => new Date(base.getTime() + ms)

describe('session lifecycle', () => {
  it('signs a user in with a random token whose hash alone is stored', async () => {
    const user = await makeUser('client')
    const setCookie = await createSession(user)
    const cookie = cookieFrom(setCookie)
    const session = await getSession(makeRequest('/home', { cookie }))
    expect(session?.user.id).toBe(user.id)

    const token = decodeURIComponent(cookie.split('=')[1] ?? '')
    const stored = getDb().select().from(sessions).where(eq(sessions.userId, user.id)).all()
    expect(stored).toHaveLength(1)
    expect(JSON.stringify(stored)).not.toContain(token.slice(0, 20))
  })

  it('makes a new session at every sign-in', async () => {
    const user = await makeUser('client')
    const first = await signedInCookie(user)
    const second = await signedInCookie(user)
    expect(first).not.toBe(second)
    expect(getDb().select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(2)
  })

  it('sets an HttpOnly, SameSite=Lax cookie that lasts as long as a client session', async () => {
    const setCookie = await createSession(await makeUser('client'))
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    expect(setCookie).toMatch(/Path=\//)
    expect(setCookie).toMatch(/Max-Age=2592000/)
  })

  it('gives shared devices and staff a cookie that ends when the browser closes', async () => {
    expect(await createSession(await makeUser('client'), { sharedDevice: true })).not.toMatch(/Max-Age/)
    expect(await createSession(await makeUser('keyworker'))).not.toMatch(/Max-Age/)
  })

  it('ends on sign-out, and the cookie is cleared', async () => {
    const cookie = await signedInCookie(await makeUser('client'))
    const cleared = await destroySession(makeRequest('/logout', { cookie, method: 'POST' }))
    expect(cleared).toMatch(/Max-Age=0/)
    expect(await getSession(makeRequest('/home', { cookie }))).toBeNull()
  })

  it('ends every session of a user at once', async () => {
    const user = await makeUser('client')
    const cookies = [await signedInCookie(user), await signedInCookie(user)]
    await destroyAllSessions(user.id)
    for (const cookie of cookies) expect(await getSession(makeRequest('/home', { cookie }))).toBeNull()
  })

  it('ignores a cookie that matches no session', async () => {
    expect(await getSession(makeRequest('/home', { cookie: 'foothold-session=bm9wZQ%3D%3D' }))).toBeNull()
    expect(hashToken('a')).not.toBe(hashToken('b'))
  })
})

describe('idle timeouts and absolute lifetime', () => {
  const start = new Date('2026-03-01T10:00:00Z')

  it('ends a staff session after 30 minutes without activity', async () => {
    const cookie = await signedInCookie(await makeUser('keyworker'), {}, start)
    const request = () => makeRequest('/home', { cookie })
    expect(await getSession(request(), at(start, 29 * MINUTE))).not.toBeNull()
    // Activity at 29 minutes moves the idle deadline on.
    expect(await getSession(request(), at(start, 58 * MINUTE))).not.toBeNull()
    expect(await getSession(request(), at(start, 89 * MINUTE))).toBeNull()
  })

  it('keeps a client signed in for 7 idle days by default', async () => {
    const cookie = await signedInCookie(await makeUser('client'), {}, start)
    expect(await getSession(makeRequest('/home', { cookie }), at(start, 7 * DAY - MINUTE))).not.toBeNull()
    const later = await signedInCookie(await makeUser('client'), {}, start)
    expect(await getSession(makeRequest('/home', { cookie: later }), at(start, 7 * DAY + MINUTE))).toBeNull()
  })

  it('ends a client session on a shared device after 30 idle minutes', async () => {
    const cookie = await signedInCookie(await makeUser('client'), { sharedDevice: true }, start)
    expect(await getSession(makeRequest('/home', { cookie }), at(start, 31 * MINUTE))).toBeNull()
  })

  it('ends any session at its absolute lifetime, however active', async () => {
    const cookie = await signedInCookie(await makeUser('clinician'), {}, start)
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      expect(await getSession(makeRequest('/home', { cookie }), at(start, minutes * MINUTE))).not.toBeNull()
    }
    expect(await getSession(makeRequest('/home', { cookie }), at(start, 12 * 60 * MINUTE))).toBeNull()
  })
})

describe('secure cookies', () => {
  const env = { NODE_ENV: 'production', FOOTHOLD_DEMO: false } as const
  it('are on in production, off in demo mode and in development, and can be forced', () => {
    expect(secureCookiesEnabled(env)).toBe(true)
    expect(secureCookiesEnabled({ ...env, FOOTHOLD_DEMO: true })).toBe(false)
    expect(secureCookiesEnabled({ ...env, NODE_ENV: 'development' })).toBe(false)
    expect(secureCookiesEnabled({ ...env, FOOTHOLD_DEMO: true, COOKIE_SECURE: true })).toBe(true)
  })
})

describe('the production cookie', () => {
  it('is Secure and __Host- prefixed', async () => {
    vi.resetModules()
    vi.stubEnv('NODE_ENV', 'production')
    try {
      // Fresh modules read the stubbed environment (and open their own in-memory database).
      const fresh = await import('./session.server.ts')
      const helpers = await import('#tests/setup/requests.ts')
      const setCookie = await fresh.createSession(await helpers.makeUser('client'))
      expect(setCookie).toMatch(/^__Host-foothold-session=/)
      expect(setCookie).toMatch(/; Secure/)
      expect(setCookie).not.toMatch(/Domain=/)
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
