// Accounts: sign-up, sign-in, passphrase change and deletion. Every query is scoped by the
// user it concerns.
import { eq, sql } from 'drizzle-orm'
import { getDb } from '#db/client.ts'
import { prepared } from '#db/prepared.ts'
import { type Role, sessions, type User, users } from '#db/schema/index.ts'
import { hashPassphrase, verifyAgainstDummy, verifyPassphrase } from './passphrase.server.ts'

const zoneQuery = prepared((db) =>
  db
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, sql.placeholder('userId')))
    .prepare(),
)

/** The client's own time zone (users.time_zone), which their days are counted in. */
export async function timeZoneOf(userId: string): Promise<string> {
  return (await zoneQuery().get({ userId }))?.timeZone ?? 'Europe/London'
}

export class UsernameTakenError extends Error {
  constructor() {
    super('That username is taken. Please choose another.')
  }
}

export async function findUserByUsername(username: string): Promise<User | undefined> {
  const [user] = await getDb()
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`)
    .limit(1)
  return user
}

/** Whether an error is the database refusing a second row with the same unique key. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') return true
  }
  return false
}

/** Creates an account. Usernames are compared case-insensitively. */
export async function createUser(input: { username: string; passphrase: string; role: Role }): Promise<User> {
  if (await findUserByUsername(input.username)) throw new UsernameTakenError()
  const passphraseHash = await hashPassphrase(input.passphrase)
  // Someone may take the name while the hash is made: the unique index on lower(username) refuses
  // the second insert, which reads the same as the check above.
  try {
    const [user] = await getDb()
      .insert(users)
      .values({ username: input.username.toLowerCase(), role: input.role, passphraseHash })
      .returning()
    if (!user) throw new Error('The account was not created')
    return user
  } catch (error) {
    if (isUniqueViolation(error)) throw new UsernameTakenError()
    throw error
  }
}

/**
 * The user for these credentials, or null. Takes the same time whether or not the username exists.
 * An account an admin has turned off gets null too, after the same check, so sign-in shows the
 * usual failure and says nothing more, even to someone holding the right passphrase.
 */
export async function authenticate(username: string, passphrase: string): Promise<User | null> {
  const user = await findUserByUsername(username)
  if (!user) return verifyAgainstDummy(passphrase).then(() => null)
  const matches = await verifyPassphrase(user.passphraseHash, passphrase)
  return matches && user.disabledAt === null ? user : null
}

export async function checkPassphrase(userId: string, passphrase: string): Promise<boolean> {
  const [row] = await getDb().select({ hash: users.passphraseHash }).from(users).where(eq(users.id, userId))
  return row ? verifyPassphrase(row.hash, passphrase) : false
}

/** Sets a new passphrase and ends every session, so a stolen session stops working. */
export async function changePassphrase(userId: string, passphrase: string): Promise<void> {
  const passphraseHash = await hashPassphrase(passphrase)
  getDb().transaction((tx) => {
    tx.update(users).set({ passphraseHash }).where(eq(users.id, userId)).run()
    tx.delete(sessions).where(eq(sessions.userId, userId)).run()
  })
}

/**
 * Removes the account for good. Every table holding a client's data references users.id with
 * ON DELETE CASCADE, so one delete removes it all in one transaction.
 */
export async function deleteUser(userId: string): Promise<void> {
  await getDb().delete(users).where(eq(users.id, userId))
}

/** This domain's part of the privacy export. */
export async function exportAccount(userId: string) {
  const db = getDb()
  const [user] = await db.select().from(users).where(eq(users.id, userId))
  if (!user) return {}
  const userSessions = await db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      sharedDevice: sessions.sharedDevice,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
  return {
    account: {
      username: user.username,
      role: user.role,
      createdAt: user.createdAt,
      lastActiveAt: user.lastActiveAt,
    },
    // Session ids are not exported: only their hashes are stored, and those are not data about you.
    sessions: userSessions,
  }
}
