// An admin's changes to staff accounts: turn an account off and on again, change its role, and
// make a one-time passphrase-reset link. The rules:
// - only staff accounts (never clients: a client account has no recovery by design);
// - an admin cannot turn off or demote themselves;
// - the last admin whose account is on can never be turned off or demoted.
// Each change is read and decided first, then written as one batch whose UPDATE repeats the
// rules in its WHERE clause, so two admins acting at once cannot break them (SQLite runs one
// write at a time, and the second sees the first's change).
// Turning an account off ends its sessions at once; sign-in then fails with the usual message.
import { randomBytes } from 'node:crypto'
import { and, eq, exists, gt, isNotNull, isNull, ne, or, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { passphraseResets, sessions, type User, users } from '#db/schema/index.ts'
import { hashPassphrase } from './passphrase.server.ts'
import { hashToken } from './session.server.ts'
import { RESET_HOURS, type StaffRole } from './staff.ts'

/** The change was refused: the message says why, in words an admin understands. */
export class StaffChangeRefusedError extends Error {}

/** No staff account with that id (a client's id reads the same). */
export class StaffNotFoundError extends Error {
  constructor() {
    super('There is no staff account like that.')
  }
}

export class ResetUnavailableError extends Error {
  constructor() {
    super('This link has expired or has already been used. Ask your admin for a new one.')
  }
}

async function staffMember(userId: string): Promise<User> {
  const [user] = await getDb().select().from(users).where(eq(users.id, userId)).limit(1)
  if (!user || user.role === 'client') throw new StaffNotFoundError()
  return user
}

/** SQL: true when some admin other than this user has an account that is on. */
function anotherActiveAdmin(userId: string): SQL {
  const other = alias(users, 'other_admin')
  return exists(
    getDb()
      .select({ id: other.id })
      .from(other)
      .where(and(eq(other.role, 'admin'), isNull(other.disabledAt), ne(other.id, userId))),
  )
}

/** SQL: changing this user away from an active admin leaves another active admin. */
function keepsAnAdmin(userId: string): SQL {
  return or(ne(users.role, 'admin'), isNotNull(users.disabledAt), anotherActiveAdmin(userId)) as SQL
}

const lastAdmin = (user: User, what: string) =>
  new StaffChangeRefusedError(`${user.username} is the only admin whose account is on, so you cannot ${what}.`)

/** Turns a staff account off and ends its sessions, in one batch. */
export async function disableStaff(adminId: string, userId: string, now = clock.now()): Promise<User> {
  const target = await staffMember(userId)
  if (target.id === adminId) throw new StaffChangeRefusedError('You cannot turn off your own account.')
  if (target.disabledAt) return target
  const keeps = keepsAnAdmin(userId)
  const changed = getDb().transaction((tx) => {
    const done = tx
      .update(users)
      .set({ disabledAt: now })
      .where(and(eq(users.id, userId), ne(users.role, 'client'), isNull(users.disabledAt), keeps))
      .run()
    if (done.changes === 1) tx.delete(sessions).where(eq(sessions.userId, userId)).run()
    return done.changes
  })
  const after = await staffMember(userId)
  if (changed === 0 && !after.disabledAt) throw lastAdmin(after, 'turn their account off')
  return after
}

export async function enableStaff(userId: string): Promise<User> {
  await staffMember(userId)
  await getDb()
    .update(users)
    .set({ disabledAt: null })
    .where(and(eq(users.id, userId), ne(users.role, 'client')))
  return staffMember(userId)
}

export async function changeStaffRole(adminId: string, userId: string, role: StaffRole): Promise<User> {
  const target = await staffMember(userId)
  if (target.role === role) return target
  if (target.id === adminId) throw new StaffChangeRefusedError('You cannot change your own role.')
  const rules = [eq(users.id, userId), ne(users.role, 'client')]
  if (role !== 'admin') rules.push(keepsAnAdmin(userId))
  const done = await getDb()
    .update(users)
    .set({ role })
    .where(and(...rules))
    .run()
  const after = await staffMember(userId)
  if (done.changes === 0 && after.role !== role) throw lastAdmin(after, 'change their role')
  return after
}

/**
 * Makes a reset link's token for a member of staff: shown once to the admin, never stored. Any
 * earlier link for the same person stops working, so only the newest one can be used.
 */
export async function createPassphraseReset(adminId: string, userId: string, now = clock.now()): Promise<string> {
  const target = await staffMember(userId)
  if (target.disabledAt) throw new StaffChangeRefusedError(`${target.username}’s account is off. Turn it on first.`)
  const token = randomBytes(24).toString('base64url')
  getDb().transaction((tx) => {
    tx.update(passphraseResets)
      .set({ expiresAt: now })
      .where(
        and(eq(passphraseResets.userId, userId), isNull(passphraseResets.usedAt), gt(passphraseResets.expiresAt, now)),
      )
      .run()
    tx.insert(passphraseResets)
      .values({
        tokenHash: hashToken(token),
        userId,
        createdBy: adminId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + RESET_HOURS * 3600 * 1000),
      })
      .run()
  })
  return token
}

/** The staff member an unused, unexpired reset link is for; none for a client or an account that is off. */
export async function findOpenReset(token: string, now = clock.now()) {
  const [row] = await getDb()
    .select({ resetId: passphraseResets.id, userId: users.id, username: users.username })
    .from(passphraseResets)
    .innerJoin(users, eq(users.id, passphraseResets.userId))
    .where(
      and(
        eq(passphraseResets.tokenHash, hashToken(token)),
        isNull(passphraseResets.usedAt),
        gt(passphraseResets.expiresAt, now),
        ne(users.role, 'client'),
        isNull(users.disabledAt),
      ),
    )
    .limit(1)
  return row
}

/**
 * Sets the new passphrase, uses the link up and ends every session of that account, in one batch.
 * Returns the account so the caller can start the one new session.
 */
export async function redeemPassphraseReset(token: string, passphrase: string, now = clock.now()): Promise<User> {
  const open = await findOpenReset(token, now)
  if (!open) throw new ResetUnavailableError()
  const passphraseHash = await hashPassphrase(passphrase)
  const ok = getDb().transaction((tx) => {
    const claimed = tx
      .update(passphraseResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passphraseResets.id, open.resetId),
          isNull(passphraseResets.usedAt),
          gt(passphraseResets.expiresAt, now),
        ),
      )
      .run()
    if (claimed.changes !== 1) return false
    const set = tx
      .update(users)
      .set({ passphraseHash })
      .where(and(eq(users.id, open.userId), ne(users.role, 'client'), isNull(users.disabledAt)))
      .run()
    // Turned off (or gone) since the link was read: throwing undoes the claim with the rest.
    if (set.changes !== 1) throw new ResetUnavailableError()
    tx.delete(sessions).where(eq(sessions.userId, open.userId)).run()
    return true
  })
  if (!ok) throw new ResetUnavailableError()
  return staffMember(open.userId)
}
