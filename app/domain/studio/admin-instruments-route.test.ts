// The admin's questionnaire switch page (/admin/instruments, issue 14): admins read and switch;
// clinicians read only; clients, key workers and anyone signed out are refused. Switching off
// PHQ-9 or the AUDIT needs the acknowledgement ticked; the life-area check and AUDIT-C are never
// switched off; bad posts are a 4xx with nothing written.
import { beforeAll, describe, expect, it } from 'vitest'
import * as page from '#app/routes/admin.instruments.tsx'
import { dataOf, statusOf } from '#tests/setup/outcome.ts'
import { makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { disabledInstruments } from './instruments.server.ts'
import { auditLog } from './library.server.ts'

type Who = 'anonymous' | 'client' | 'keyworker' | 'clinician' | 'admin'
const cookies = new Map<Who, string | undefined>()
const PATH = '/admin/instruments'
const context = { clientIp: '127.0.0.1', cspNonce: 'test' }

beforeAll(async () => {
  cookies.set('anonymous', undefined)
  for (const who of ['client', 'keyworker', 'clinician', 'admin'] as const)
    cookies.set(who, await signedInCookie(await makeUser(who)))
})

const switchAudits = async () =>
  (await auditLog({ kind: 'instrument', limit: 1000 })).filter((e) => e.action === 'instrument-switch').length

const post = (who: Who, form: Record<string, string>) =>
  page.action({ request: makeRequest(PATH, { cookie: cookies.get(who), form }), params: {}, context })

describe('the page', () => {
  it.each([
    ['anonymous', 302],
    ['client', 403],
    ['keyworker', 403],
    ['clinician', 200],
    ['admin', 200],
  ] as const)('%s → %i', async (who, status) => {
    expect(await statusOf(page.loader, makeRequest(PATH, { cookie: cookies.get(who) }))).toBe(status)
  })

  it('lists every instrument with its state, what is lost, and which cannot be switched off', async () => {
    const loaded = dataOf<Awaited<ReturnType<typeof page.loader>>>(
      await page.loader({ request: makeRequest(PATH, { cookie: cookies.get('admin') }), params: {}, context }),
    )
    expect(loaded.canSwitch).toBe(true)
    const byId = new Map(loaded.instruments.map((i) => [i.id, i]))
    expect(byId.get('phq-9')?.lost.join(' ')).toContain('self-harm')
    expect(byId.get('audit')?.lost.join(' ')).toContain('alcohol dependence')
    expect(byId.get('life-areas')?.locked).toBeTruthy()
    expect(byId.get('audit-c')?.locked).toBeTruthy()
    expect(byId.get('gad-7')?.locked).toBeNull()
  })
})

describe('the switch', () => {
  it.each([
    ['anonymous', 302],
    ['client', 403],
    ['keyworker', 403],
    ['clinician', 403],
  ] as const)('%s → %i, nothing written', async (who, status) => {
    const before = await switchAudits()
    expect(await statusOf(() => post(who, { intent: 'switch-off', instrumentId: 'gad-7' }), makeRequest(PATH))).toBe(
      status,
    )
    expect(await switchAudits()).toBe(before)
    expect(await disabledInstruments()).not.toContain('gad-7')
  })

  it('an admin switches GAD-7 off and on, each audited and shown in its history', async () => {
    const before = await switchAudits()
    const off = await post('admin', { intent: 'switch-off', instrumentId: 'gad-7' })
    expect(dataOf<{ done?: string }>(off).done).toContain('off')
    expect(await disabledInstruments()).toContain('gad-7')
    await post('admin', { intent: 'switch-on', instrumentId: 'gad-7' })
    expect(await disabledInstruments()).not.toContain('gad-7')
    expect(await switchAudits()).toBe(before + 2)
    const loaded = dataOf<Awaited<ReturnType<typeof page.loader>>>(
      await page.loader({ request: makeRequest(PATH, { cookie: cookies.get('admin') }), params: {}, context }),
    )
    expect(loaded.instruments.find((i) => i.id === 'gad-7')?.history.map((h) => h.note)).toEqual([
      'switched on',
      'switched off',
    ])
  })

  it('PHQ-9 and the AUDIT need the acknowledgement ticked; the error is on that field', async () => {
    for (const instrumentId of ['phq-9', 'audit']) {
      const before = await switchAudits()
      const refused = await post('admin', { intent: 'switch-off', instrumentId })
      expect(await statusOf(() => refused, makeRequest(PATH))).toBe(400)
      expect(dataOf<{ field: string }>(refused).field).toBe('acknowledge')
      expect(await disabledInstruments()).not.toContain(instrumentId)
      expect(await switchAudits()).toBe(before)
      const done = await post('admin', { intent: 'switch-off', instrumentId, acknowledge: 'yes' })
      expect(await statusOf(() => done, makeRequest(PATH))).toBe(200)
      expect(await disabledInstruments()).toContain(instrumentId)
      await post('admin', { intent: 'switch-on', instrumentId })
      expect(await disabledInstruments()).not.toContain(instrumentId)
    }
  })

  it.each([
    ['the life-area check', { intent: 'switch-off', instrumentId: 'life-areas' }, 400],
    ['AUDIT-C', { intent: 'switch-off', instrumentId: 'audit-c', acknowledge: 'yes' }, 400],
    ['an unknown instrument', { intent: 'switch-off', instrumentId: 'no-such-thing' }, 404],
    ['a bad intent', { intent: 'delete', instrumentId: 'gad-7' }, 400],
    ['a bad id', { intent: 'switch-off', instrumentId: 'GAD 7!' }, 400],
    ['a bad acknowledgement', { intent: 'switch-off', instrumentId: 'phq-9', acknowledge: 'maybe' }, 400],
  ])('refuses %s with a 4xx, nothing written', async (_name, form, status) => {
    const before = await switchAudits()
    expect(await statusOf(() => post('admin', form), makeRequest(PATH))).toBe(status)
    expect(await switchAudits()).toBe(before)
    expect(await disabledInstruments()).toEqual([])
  })
})
