import { describe, expect, it } from 'vitest'
import { exportUserData } from '#app/domain/privacy/export.server.ts'
import { saveServiceSettings } from '#app/domain/settings/settings.server.ts'
import { DEFAULT_SETTINGS } from '#app/domain/settings/settings.ts'
import { rowsMentioning } from '#tests/setup/leftovers.ts'
import { makeUser, signedInCookie } from '#tests/setup/requests.ts'
import {
  authenticate,
  changePassphrase,
  checkPassphrase,
  createUser,
  deleteUser,
  findUserByUsername,
  UsernameTakenError,
} from './account.server.ts'
import { createInvite } from './staff.server.ts'

describe('accounts', () => {
  it('stores usernames in lower case and refuses one taken in any case', async () => {
    await createUser({ username: 'River.Song', passphrase: 'spoilers sweetie', role: 'client' })
    expect((await findUserByUsername('river.song'))?.username).toBe('river.song')
    await expect(
      createUser({ username: 'RIVER.SONG', passphrase: 'another one here', role: 'client' }),
    ).rejects.toThrow(UsernameTakenError)
  })

  it('refuses the second of two sign-ups for one name made at the same moment', async () => {
    // Both pass the check before either is saved (hashing is slow): the unique index refuses one.
    const results = await Promise.allSettled(
      ['Same.Moment', 'same.moment'].map((username) =>
        createUser({ username, passphrase: 'purple kettle river', role: 'client' }),
      ),
    )
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(results.find((r) => r.status === 'rejected')?.reason).toBeInstanceOf(UsernameTakenError)
  })

  it('authenticates the right passphrase only, and says nothing about whether a username exists', async () => {
    const user = await makeUser('client', 'purple kettle river')
    expect((await authenticate(user.username, 'purple kettle river'))?.id).toBe(user.id)
    expect(await authenticate(user.username.toUpperCase(), 'purple kettle river')).not.toBeNull()
    expect(await authenticate(user.username, 'purple kettle rivers')).toBeNull()
    expect(await authenticate('nobody-at-all', 'purple kettle river')).toBeNull()
  })

  it('changes a passphrase and ends every session', async () => {
    const user = await makeUser('client', 'first passphrase here')
    await signedInCookie(user)
    await changePassphrase(user.id, 'second passphrase here')
    expect(await checkPassphrase(user.id, 'second passphrase here')).toBe(true)
    expect(await checkPassphrase(user.id, 'first passphrase here')).toBe(false)
    expect(rowsMentioning(user.id).filter((r) => r.table === 'sessions')).toEqual([])
  })
})

describe('the privacy export', () => {
  it('contains the account and its sessions, but no secrets', async () => {
    const user = await makeUser('client', 'purple kettle river')
    await signedInCookie(user, { sharedDevice: true })
    const exported = await exportUserData(user.id, new Date('2026-05-01T00:00:00Z'))
    expect(exported).toMatchObject({
      format: 'foothold-export/1',
      exportedAt: '2026-05-01T00:00:00.000Z',
      account: { username: user.username, role: 'client' },
      sessions: [{ sharedDevice: true }],
    })
    const text = JSON.stringify(exported)
    expect(text).not.toContain(user.passphraseHash)
    expect(text).not.toMatch(/argon2|idHash|id_hash/)
  })

  it('includes the invites a member of staff made', async () => {
    const admin = await makeUser('admin')
    await createInvite('keyworker', admin.id)
    expect(await exportUserData(admin.id)).toMatchObject({ invitesCreated: [{ role: 'keyworker', usedAt: null }] })
  })
})

describe('deleting an account', () => {
  it('removes every row that mentions the person, and nothing of anyone else', async () => {
    await saveServiceSettings(DEFAULT_SETTINGS)
    const user = await makeUser('client', 'purple kettle river')
    const other = await makeUser('client', 'someone else entirely')
    await signedInCookie(user)
    await signedInCookie(other)
    expect(rowsMentioning(user.id).length).toBeGreaterThan(1)

    await deleteUser(user.id)

    expect(rowsMentioning(user.id)).toEqual([])
    expect(rowsMentioning(user.username)).toEqual([])
    expect(
      rowsMentioning(other.id)
        .map((r) => r.table)
        .sort(),
    ).toEqual(['sessions', 'users'])
    expect(await authenticate(user.username, 'purple kettle river')).toBeNull()
  })

  it('keeps an admin’s invites but forgets who made them', async () => {
    const admin = await makeUser('admin')
    await createInvite('clinician', admin.id)
    await deleteUser(admin.id)
    expect(rowsMentioning(admin.id)).toEqual([])
  })
})
