// A member of staff's record for "download my data", beyond the account itself: how they joined
// (the invite they used), whether their account was ever turned off, and the passphrase-reset
// links made for them or, by an admin, for others (when, not for whom: that is someone else's).
import { asc, eq } from 'drizzle-orm'
import { getDb } from '#db/client.ts'
import { invites, passphraseResets, users } from '#db/schema/index.ts'

export async function exportStaffRecord(userId: string): Promise<Record<string, unknown>> {
  const db = getDb()
  const [user] = await db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId))
  if (!user) return {}
  const [invite] = await db
    .select({ role: invites.role, createdAt: invites.createdAt, usedAt: invites.usedAt })
    .from(invites)
    .where(eq(invites.usedBy, userId))
  const reset = {
    createdAt: passphraseResets.createdAt,
    expiresAt: passphraseResets.expiresAt,
    usedAt: passphraseResets.usedAt,
  }
  const resetsForMe = await db
    .select(reset)
    .from(passphraseResets)
    .where(eq(passphraseResets.userId, userId))
    .orderBy(asc(passphraseResets.createdAt))
  const resetsMade = await db
    .select(reset)
    .from(passphraseResets)
    .where(eq(passphraseResets.createdBy, userId))
    .orderBy(asc(passphraseResets.createdAt))
  return {
    staffRecord: {
      // null: the account was made directly (by an admin, or the first admin on the command line).
      invite: invite ?? null,
      disabledAt: user.disabledAt,
      resetLinksForYou: resetsForMe,
      resetLinksMade: resetsMade,
    },
  }
}
