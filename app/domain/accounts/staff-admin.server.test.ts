// H-028: a staff account that should no longer have access keeps it, or a reset link is misused.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '#db/client.ts'
import { users } from '#db/schema/index.ts'
import { makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { authenticate, createUser } from './account.server.ts'
import { getSession } from './session.server.ts'
import { SIGN_IN_FAILED, signIn } from './sign-in.server.ts'
import {
  changeStaffRole,
  createPassphraseReset,
  disableStaff,
  enableStaff,
  findOpenReset,
  ResetUnavailableError,
  redeemPassphraseReset,
  StaffChangeRefusedError,
  StaffNotFoundError,
} from './staff-admin.server.ts'

const PASS = 'correct horse battery'
const NEW_PASS = 'purple kettle river'
const HOUR = 3600 * 1000

const sessionOf = async (cookie: string) => getSession(makeRequest('/home', { cookie }))

describe('turning a staff account off (H-028)', () => {
  it('ends its sessions at once and refuses sign-in with the usual message', async () => {
    const admin = await makeUser('admin')
    const worker = await makeUser('keyworker')
    const cookie = await signedInCookie(worker)
    expect(await sessionOf(cookie)).not.toBeNull()

    const off = await disableStaff(admin.id, worker.id)
    expect(off.disabledAt).not.toBeNull()
    expect(await sessionOf(cookie)).toBeNull()
    expect(await authenticate(worker.username, PASS)).toBeNull()
    const refused = await signIn({ username: worker.username, passphrase: PASS, ip: '10.0.0.1' })
    expect(refused).toEqual({ ok: false, status: 400, message: SIGN_IN_FAILED })
  })

  it('a session left over from before is refused too', async () => {
    const worker = await makeUser('clinician')
    const cookie = await signedInCookie(worker)
    // As if the account was turned off while this session was being made.
    await getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, worker.id))
    expect(await sessionOf(cookie)).toBeNull()
  })

  it('can be turned on again, and sign-in works', async () => {
    const admin = await makeUser('admin')
    const worker = await makeUser('keyworker')
    await disableStaff(admin.id, worker.id)
    const on = await enableStaff(worker.id)
    expect(on.disabledAt).toBeNull()
    expect(await authenticate(worker.username, PASS)).not.toBeNull()
  })

  it('an admin cannot turn off their own account', async () => {
    const admin = await makeUser('admin')
    await makeUser('admin')
    await expect(disableStaff(admin.id, admin.id)).rejects.toThrow(StaffChangeRefusedError)
    expect(await authenticate(admin.username, PASS)).not.toBeNull()
  })

  it('never turns off the last admin whose account is on, even when two admins act at once', async () => {
    // Every admin of earlier tests off, then two: each tries to turn the other off.
    await getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.role, 'admin'))
    const first = await makeUser('admin')
    const second = await makeUser('admin')
    await disableStaff(first.id, second.id)
    await expect(disableStaff(second.id, first.id)).rejects.toThrow(/only admin whose account is on/)
    expect(await authenticate(first.username, PASS)).not.toBeNull()
  })

  it('never touches a client account', async () => {
    const admin = await makeUser('admin')
    const client = await makeUser('client')
    await expect(disableStaff(admin.id, client.id)).rejects.toThrow(StaffNotFoundError)
    await expect(enableStaff(client.id)).rejects.toThrow(StaffNotFoundError)
    await expect(changeStaffRole(admin.id, client.id, 'admin')).rejects.toThrow(StaffNotFoundError)
  })
})

describe('changing a staff role (H-028)', () => {
  it('moves between key worker, clinician and admin', async () => {
    const admin = await makeUser('admin')
    const worker = await makeUser('keyworker')
    expect((await changeStaffRole(admin.id, worker.id, 'clinician')).role).toBe('clinician')
    expect((await changeStaffRole(admin.id, worker.id, 'admin')).role).toBe('admin')
    expect((await changeStaffRole(admin.id, worker.id, 'keyworker')).role).toBe('keyworker')
    // The next request already sees the new role.
    const session = await sessionOf(await signedInCookie(worker))
    expect(session?.user.role).toBe('keyworker')
  })

  it('an admin cannot change their own role', async () => {
    const admin = await makeUser('admin')
    await makeUser('admin')
    await expect(changeStaffRole(admin.id, admin.id, 'keyworker')).rejects.toThrow('You cannot change your own role.')
  })

  it('never demotes the last admin whose account is on', async () => {
    await getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.role, 'admin'))
    const first = await makeUser('admin')
    const second = await makeUser('admin')
    await changeStaffRole(first.id, second.id, 'clinician')
    await expect(changeStaffRole(second.id, first.id, 'keyworker')).rejects.toThrow(StaffChangeRefusedError)
    const [row] = await getDb().select().from(users).where(eq(users.id, first.id))
    expect(row?.role).toBe('admin')
  })
})

describe('passphrase-reset links (H-028)', () => {
  it('set a new passphrase once only, and end the other sessions', async () => {
    const admin = await makeUser('admin')
    const worker = await makeUser('keyworker')
    const cookie = await signedInCookie(worker)
    const token = await createPassphraseReset(admin.id, worker.id)
    const rows = await getDb().query.passphraseResets.findMany()
    expect(rows.some((row) => row.tokenHash === token)).toBe(false)

    await redeemPassphraseReset(token, NEW_PASS)
    expect(await sessionOf(cookie)).toBeNull()
    expect(await authenticate(worker.username, NEW_PASS)).not.toBeNull()
    expect(await authenticate(worker.username, PASS)).toBeNull()
    expect(await findOpenReset(token)).toBeUndefined()
    await expect(redeemPassphraseReset(token, 'another good passphrase')).rejects.toThrow(ResetUnavailableError)
    expect(await authenticate(worker.username, NEW_PASS)).not.toBeNull()
  })

  it('expire after 24 hours', async () => {
    const admin = await makeUser('admin')
    const worker = await makeUser('clinician')
    const made = new Date('2026-01-01T09:00:00Z')
    const token = await createPassphraseReset(admin.id, worker.id, made)
    expect(await findOpenReset(token, new Date(made.getTime() + 24 * HOUR - 1000))).toBeDefined()
    await expect(redeemPassphraseReset(token, NEW_PASS, new Date(made.getTime() + 24 * HOUR))).rejects.toThrow(
      ResetUnavailableError,
    )
    expect(await authenticate(worker.username, PASS)).not.toBeNull()
  })

  it('are never made for a client', async () => {
    const admin = await makeUser('admin')
    const client = await createUser({ username: 'reset-client', passphrase: PASS, role: 'client' })
    await expect(createPassphraseReset(admin.id, client.id)).rejects.toThrow(StaffNotFoundError)
  })

  it('stop working when the account is turned off, and a newer link replaces an older one', async () => {
    const admin = await makeUser('admin')
    const worker = await makeUser('keyworker')
    const older = await createPassphraseReset(admin.id, worker.id)
    const newer = await createPassphraseReset(admin.id, worker.id)
    expect(await findOpenReset(older)).toBeUndefined()
    await disableStaff(admin.id, worker.id)
    await expect(redeemPassphraseReset(newer, NEW_PASS)).rejects.toThrow(ResetUnavailableError)
    await expect(createPassphraseReset(admin.id, worker.id)).rejects.toThrow(StaffChangeRefusedError)
  })

  it('a made-up token finds nothing', async () => {
    expect(await findOpenReset('made-up-token')).toBeUndefined()
  })
})
