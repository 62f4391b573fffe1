// Server-side sessions. The cookie carries 256 random bits; the database keeps only their
// SHA-256 hash. Sessions end after an idle period (staff 30 min; clients CLIENT_IDLE_DAYS, or
// 30 min on a shared device) and at an absolute lifetime, whichever comes first.
import { createHash, randomBytes } from 'node:crypto'
import { createCookie } from '@remix-run/node'
import { eq, sql } from 'drizzle-orm'
import { clock } from '#app/utils/clock.server.ts'
import { getEnv, secureCookiesEnabled } from '#app/utils/env.server.ts'
import { getDb } from '#db/client.ts'
import { prepared } from '#db/prepared.ts'
import { type Role, sessions, type User, users } from '#db/schema/index.ts'

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Don't write last-seen on every request; a minute's precision is plenty for idle timeouts. */
const TOUCH_AFTER_MS = 60_000

export type SessionPolicy = { idleSeconds: number; absoluteSeconds: number; persistent: boolean }

export function sessionPolicy(role: Role, sharedDevice: boolean): SessionPolicy {
  if (role !== 'client') return { idleSeconds: 30 * MINUTE, absoluteSeconds: 12 * HOUR, persistent: false }
  if (sharedDevice) return { idleSeconds: 30 * MINUTE, absoluteSeconds: 12 * HOUR, persistent: false }
  return { idleSeconds: getEnv().CLIENT_IDLE_DAYS * DAY, absoluteSeconds: 30 * DAY, persistent: true }
}

const sessionWithUser = prepared((db) =>
  db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, sql.placeholder('idHash')))
    .prepare(),
)

let cookie: ReturnType<typeof createCookie> | undefined

function sessionCookie() {
  if (cookie) return cookie
  const secure = secureCookiesEnabled()
  // __Host- binds the cookie to this exact host over HTTPS, with no Domain and Path=/.
  cookie = createCookie(secure ? '__Host-foothold-session' : 'foothold-session', {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
  })
  return cookie
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Starts a brand-new session (never reuses one) and returns the Set-Cookie header value. */
export async function createSession(
  user: Pick<User, 'id' | 'role'>,
  { sharedDevice = false }: { sharedDevice?: boolean } = {},
  now = clock.now(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const policy = sessionPolicy(user.role, sharedDevice)
  await getDb()
    .insert(sessions)
    .values({
      idHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.absoluteSeconds * 1000),
      idleSeconds: policy.idleSeconds,
      sharedDevice,
    })
  return sessionCookie().serialize(token, policy.persistent ? { maxAge: policy.absoluteSeconds } : {})
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

export type CurrentSession = { user: User; idHash: string; sharedDevice: boolean }

/** The signed-in user, or null when there is no live session. Ends stale sessions it finds. */
export async function getSession(request: Request, now = clock.now()): Promise<CurrentSession | null> {
  const token = await readToken(request)
  if (!token) return null
  const db = getDb()
  const idHash = hashToken(token)
  const row = await sessionWithUser().get({ idHash })
  if (!row) return null
  const { session, user } = row
  const idleEnd = session.lastSeenAt.getTime() + session.idleSeconds * 1000
  // An account turned off loses its sessions in the same transaction; this catches one started
  // in a race with that.
  if (now.getTime() >= session.expiresAt.getTime() || now.getTime() >= idleEnd || user.disabledAt) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash))
    return null
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    db.transaction((tx) => {
      tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash)).run()
      tx.update(users).set({ lastActiveAt: now }).where(eq(users.id, user.id)).run()
    })
  }
  return { user, idHash, sharedDevice: session.sharedDevice }
}

/** Ends the request's session, if any, and returns a Set-Cookie header that clears the cookie. */
export async function destroySession(request: Request): Promise<string> {
  const token = await readToken(request)
  if (token)
    await getDb()
      .delete(sessions)
      .where(eq(sessions.idHash, hashToken(token)))
  return clearSessionCookie()
}

export function clearSessionCookie(): Promise<string> {
  return sessionCookie().serialize('', { maxAge: 0 })
}

/** Ends every session a user has (after a passphrase change, or "sign out everywhere"). */
export async function destroyAllSessions(userId: string): Promise<void> {
  await getDb().delete(sessions).where(eq(sessions.userId, userId))
}
