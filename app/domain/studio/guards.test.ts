// Who may use the studio (issue 14): clinicians author and review, admins read (and switch an
// instrument off), key workers and clients are refused, and anyone signed out is sent to sign in.
import { describe, expect, it } from 'vitest'
import { makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { requireStudioAdmin, requireStudioAuthor, requireStudioReader } from './guards.server.ts'
import { setInstrumentEnabled } from './instruments.server.ts'

async function statusFor(guard: (request: Request) => Promise<unknown>, role: string | null): Promise<number> {
  const user = role ? await makeUser(role as never) : null
  const cookie = user ? await signedInCookie(user) : undefined
  try {
    await guard(makeRequest('/studio', { cookie }))
    return 200
  } catch (thrown) {
    return (thrown as Response).status
  }
}

describe('studio guards', () => {
  it.each([
    ['reader', requireStudioReader, { client: 403, keyworker: 403, clinician: 200, admin: 200, anonymous: 302 }],
    ['author', requireStudioAuthor, { client: 403, keyworker: 403, clinician: 200, admin: 403, anonymous: 302 }],
    ['admin', requireStudioAdmin, { client: 403, keyworker: 403, clinician: 403, admin: 200, anonymous: 302 }],
  ] as const)('%s', async (_name, guard, expected) => {
    const seen: Record<string, number> = {}
    for (const role of Object.keys(expected)) seen[role] = await statusFor(guard, role === 'anonymous' ? null : role)
    expect(seen).toEqual(expected)
  })

  it('only an admin switches an instrument off, and it is audited', async () => {
    const clinician = await makeUser('clinician')
    const admin = await makeUser('admin')
    expect(await setInstrumentEnabled(clinician, 'gad-7', false)).toMatchObject({ ok: false, status: 403 })
    expect(await setInstrumentEnabled(admin, 'no-such', false)).toMatchObject({ ok: false, status: 404 })
    expect(await setInstrumentEnabled(admin, 'gad-7', false)).toEqual({ ok: true })
    const { disabledInstruments, auditLog } = await import('./index.server.ts')
    expect(await disabledInstruments()).toEqual(['gad-7'])
    expect((await auditLog({ itemId: 'gad-7' }))[0]).toMatchObject({
      action: 'instrument-switch',
      note: 'switched off',
    })
    expect(await setInstrumentEnabled(admin, 'gad-7', true)).toEqual({ ok: true })
    expect(await disabledInstruments()).toEqual([])
  })
})
