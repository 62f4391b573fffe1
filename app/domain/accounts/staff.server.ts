// Staff accounts: an admin creates them directly or sends a one-time invite link. Only a hash
// of an invite token is stored; a link works once and for INVITE_DAYS days.
import { randomBytes } from 'node:crypto'
import { and, asc, eq, gt, isNull, ne } from 'drizzle-orm'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { invites, type User, users } from '#db/schema/index.ts'
import { createUser } from './account.server.ts'
import { hashToken } from './session.server.ts'
import { INVITE_DAYS, type StaffRole } from './staff.ts'

export async function listStaff() {
  return await getDb()
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      createdAt: users.createdAt,
      lastActiveAt: users.lastActiveAt,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(ne(users.role, 'client'))
    .orderBy(asc(users.username))
}

/** Makes an invite and returns its token: shown once to the admin, never stored. */
export async function createInvite(role: StaffRole, createdBy: string, now = clock.now()): Promise<string> {
  const token = randomBytes(24).toString('base64url')
  await getDb()
    .insert(invites)
    .values({
      tokenHash: hashToken(token),
      role,
      createdBy,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITE_DAYS * 24 * 3600 * 1000),
    })
  return token
}

/** The invite for a token if it is unused and unexpired. */
export async function findOpenInvite(token: string, now = clock.now()) {
  const [invite] = await getDb()
    .select()
    .from(invites)
    .where(and(eq(invites.tokenHash, hashToken(token)), isNull(invites.usedAt), gt(invites.expiresAt, now)))
    .limit(1)
  return invite
}

export class InviteUnavailableError extends Error {
  constructor() {
    super('This invite link has expired or has already been used. Ask your admin for a new one.')
  }
}

/** Creates the account an invite promises and marks the invite used, once only. */
export async function redeemInvite(
  token: string,
  account: { username: string; passphrase: string },
  now = clock.now(),
): Promise<User> {
  const invite = await findOpenInvite(token, now)
  if (!invite) throw new InviteUnavailableError()
  const user = await createUser({ ...account, role: invite.role })
  const claimed = await getDb()
    .update(invites)
    .set({ usedAt: now, usedBy: user.id })
    .where(and(eq(invites.id, invite.id), isNull(invites.usedAt)))
    .returning({ id: invites.id })
  if (claimed.length === 0) {
    // Someone redeemed the same link a moment earlier: undo this account.
    await getDb().delete(users).where(eq(users.id, user.id))
    throw new InviteUnavailableError()
  }
  return user
}

export async function exportInvitesCreated(userId: string) {
  const rows = await getDb()
    .select({ role: invites.role, createdAt: invites.createdAt, expiresAt: invites.expiresAt, usedAt: invites.usedAt })
    .from(invites)
    .where(eq(invites.createdBy, userId))
  return rows.length > 0 ? { invitesCreated: rows } : {}
}
