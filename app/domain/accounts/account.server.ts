// Accounts: sign-up, sign-in, passphrase change and deletion. Every query is scoped by the
// user it concerns.
import { eq, sql } from 'drizzle-orm'
import { getDb } from '#db/client.ts'
import { type Role, sessions, type User, users } from '#db/schema/index.ts'
import { hashPassphrase, verifyAgainstDummy, verifyPassphrase } from './passphrase.server.ts'

export class UsernameTakenError extends Error {
  constructor() {
    super('That username is taken. Please choose another.')
  }
}

export function findUserByUsername(username: string): User | undefined {
  return getDb().select().from(users).where(sql`lower(${users.username}) = ${username.toLowerCase()}`).get()
}

/** Creates an account. Usernames are compared case-insensitively. */
export async function createUser(input: { username: string; passphrase: string; role: Role }): Promise<User> {
  const passphraseHash = await hashPassphrase(input.passphrase)
  // Hashing is async; the existence check and insert below are one synchronous step.
  return getDb().transaction((tx) => {
    const taken = tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = ${input.username.toLowerCase()}`)
      .get()
    if (taken) throw new UsernameTakenError()
    return tx
      .insert(users)
      .values({ username: input.username.toLowerCase(), role: input.role, passphraseHash })
      .returning()
      .get()
  })
}

/** The user for these credentials, or null. Takes the same time whether or not the username exists. */
export async function authenticate(username: string, passphrase: string): Promise<User | null> {
  const user = findUserByUsername(username)
  if (!user) return verifyAgainstDummy(passphrase).then(() => null)
  return (await verifyPassphrase(user.passphraseHash, passphrase)) ? user : null
}

export async function checkPassphrase(userId: string, passphrase: string): Promise<boolean> {
  const row = getDb().select({ hash: users.passphraseHash }).from(users).where(eq(users.id, userId)).get()
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
export function deleteUser(userId: string): void {
  getDb().delete(users).where(eq(users.id, userId)).run()
}

/** This domain's part of the privacy export. */
export function exportAccount(userId: string) {
  const db = getDb()
  const user = db.select().from(users).where(eq(users.id, userId)).get()
  if (!user) return {}
  const userSessions = db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      sharedDevice: sessions.sharedDevice,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .all()
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
