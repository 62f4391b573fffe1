import { describe, expect, it } from 'vitest'
import { makeUser } from '#tests/setup/requests.ts'
import { authenticate, createUser } from './account.server.ts'
import { createInvite, findOpenInvite, InviteUnavailableError, listStaff, redeemInvite } from './staff.server.ts'

const DAY = 24 * 3600 * 1000

describe('staff invites', () => {
  it('make an account with the invited role, once only', async () => {
    const admin = await makeUser('admin')
    const token = await createInvite('keyworker', admin.id)
    const worker = await redeemInvite(token, { username: 'worker-one', passphrase: 'purple kettle river' })
    expect(worker.role).toBe('keyworker')
    expect(await authenticate('worker-one', 'purple kettle river')).not.toBeNull()
    await expect(redeemInvite(token, { username: 'worker-two', passphrase: 'purple kettle river' })).rejects.toThrow(
      InviteUnavailableError,
    )
  })

  it('expire after 7 days', async () => {
    const admin = await makeUser('admin')
    const made = new Date('2026-01-01T09:00:00Z')
    const token = await createInvite('clinician', admin.id, made)
    expect(await findOpenInvite(token, new Date(made.getTime() + 7 * DAY - 1000))).toBeDefined()
    await expect(
      redeemInvite(
        token,
        { username: 'late-one', passphrase: 'purple kettle river' },
        new Date(made.getTime() + 7 * DAY),
      ),
    ).rejects.toThrow(InviteUnavailableError)
  })

  it('do not work with a made-up token', async () => {
    expect(await findOpenInvite('made-up-token')).toBeUndefined()
  })

  it('listing staff leaves clients out', async () => {
    await createUser({ username: 'a-client', passphrase: 'purple kettle river', role: 'client' })
    await makeUser('clinician')
    const roles = (await listStaff()).map((s) => s.role)
    expect(roles).toContain('clinician')
    expect(roles).not.toContain('client')
  })
})
