import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it, vi } from 'vitest'
import { getServiceSettings, saveServiceSettings } from './settings.server.ts'
import { DEFAULT_SETTINGS } from './settings.ts'
import { SettingsFormSchema } from './settings-form.ts'

function form(entries: Record<string, string>) {
  const data = new FormData()
  for (const [key, value] of Object.entries(entries)) data.set(key, value)
  return parseWithZod(data, { schema: SettingsFormSchema })
}

const base = { serviceName: 'Northtown Recovery', quickExitUrl: 'https://www.example.org/weather' }

describe('service settings', () => {
  it('start with the UK crisis contacts', async () => {
    expect((await getServiceSettings()).crisisContacts.map((c) => c.phone)).toEqual(['999', '111', '116 123'])
  })

  it('save and read back', async () => {
    await saveServiceSettings({ ...DEFAULT_SETTINGS, serviceName: 'Northtown Recovery' })
    expect((await getServiceSettings()).serviceName).toBe('Northtown Recovery')
  })

  it('ignore blank contact rows in the admin form', () => {
    const submission = form({
      ...base,
      'crisisContacts[0].name': '',
      'crisisContacts[0].phone': '',
      'crisisContacts[1].name': 'Local crisis team',
      'crisisContacts[1].phone': '01632 960000',
    })
    expect(submission.status).toBe('success')
    if (submission.status === 'success')
      expect(submission.value.crisisContacts).toEqual([
        { name: 'Local crisis team', phone: '01632 960000', description: '' },
      ])
  })

  it('show a bad phone number on its own row', () => {
    const submission = form({
      ...base,
      'crisisContacts[0].name': 'Ok',
      'crisisContacts[0].phone': '999',
      'crisisContacts[1].name': 'Bad',
      'crisisContacts[1].phone': 'call me',
    })
    expect(submission.status).toBe('error')
    expect(submission.reply().error?.['crisisContacts[1].phone']?.[0]).toMatch(/digits/)
  })

  it('keep at least one contact and an https quick-exit site', () => {
    const submission = form({ serviceName: 'X', quickExitUrl: 'http://example.org' })
    const errors = submission.reply().error ?? {}
    expect(errors.crisisContacts?.[0]).toMatch(/at least one/)
    expect(errors.quickExitUrl?.[0]).toMatch(/https/)
  })
})

describe('settings that are no longer valid', () => {
  it('fall back to the UK defaults rather than show a broken crisis number', async () => {
    vi.resetModules()
    const fresh = await import('./settings.server.ts')
    const { getDb } = await import('#db/client.ts')
    const { serviceSettings } = await import('#db/schema/index.ts')
    getDb()
      .insert(serviceSettings)
      .values({ key: 'service', value: { serviceName: '', crisisContacts: [] } })
      .run()
    expect(await fresh.getServiceSettings()).toEqual(DEFAULT_SETTINGS)
  })
})

describe('each crisis contact row', () => {
  it('needs a name, and a number of at most 30 characters', () => {
    const noName = form({ ...base, 'crisisContacts[0].name': '', 'crisisContacts[0].phone': '999' })
    expect(noName.reply().error?.['crisisContacts[0].name']?.[0]).toBe('Enter a name')
    const long = form({ ...base, 'crisisContacts[0].name': 'Line', 'crisisContacts[0].phone': '0'.repeat(31) })
    expect(long.reply().error?.['crisisContacts[0].phone']?.[0]).toMatch(/under 30 characters/)
  })
})
