// "Add to my calendar" through the routes' own actions (issue 15 §4; hazard H-040): the page
// checks the choices (a 400 by the fields, or the download form with the choices); the file's
// route answers a good post with the .ics file (the client's goals and next check-in in it, only
// the chosen title) and anything else with a 400 and no file; only clients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as page from '#app/routes/reminders.tsx'
import * as file from '#app/routes/reminders[.ics].ts'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { assessments, goals } from '#db/schema/index.ts'
import { dataOf, statusOf } from '#tests/setup/outcome.ts'
import { loadContext, makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'

const NOW = new Date('2026-12-05T12:00:00Z')
beforeAll(() => pinClock(NOW))
afterAll(unpinClock)

async function client() {
  const user = await makeUser('client')
  return { id: user.id, cookie: await signedInCookie({ id: user.id, role: 'client' }) }
}
const post = (cookie: string, form: Record<string, string>) =>
  file.action({ request: makeRequest('/reminders.ics', { cookie, form }), params: {}, context: loadContext })

describe('the calendar download', () => {
  it('answers a good post with the file, holding each goal and the next check-in under the chosen title', async () => {
    const who = await client()
    getDb()
      .insert(goals)
      .values({
        userId: who.id,
        what: 'Stop drinking on weekdays',
        type: 'stop',
        area: 'behaviours',
        frequency: 'weekly',
      })
      .run()
    getDb()
      .insert(assessments)
      .values({
        userId: who.id,
        contentVersion: '1',
        substances: ['alcohol'],
        mainSubstance: 'alcohol',
        completedAt: new Date('2026-11-20T10:00:00Z'),
      })
      .run()
    const response = (await post(who.cookie, {
      title: 'Call Sam',
      checkIn: 'on',
      goals: 'on',
      log: 'daily',
      time: '19:30',
      weekday: '6',
    })) as Response
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="reminders.ics"')
    const text = await response.text()
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(3)
    expect(text).toMatch(/UID:check-in@foothold\.invalid/)
    expect(text).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=SU/)
    expect(text).toMatch(/RRULE:FREQ=DAILY/)
    expect(text.match(/SUMMARY:(.*)/g)).toEqual(['SUMMARY:Call Sam', 'SUMMARY:Call Sam', 'SUMMARY:Call Sam'])
    // The goal's own words never go into the file.
    expect(text).not.toContain('drinking')
  })

  it('the page checks the choices first, and offers the download with them', async () => {
    const who = await client()
    const form = { title: 'Call Sam', log: 'weekly', time: '08:00', weekday: '0' }
    const ready = dataOf<{ ready: Record<string, string> | null }>(
      await page.action({
        request: makeRequest('/reminders', { cookie: who.cookie, form }),
        params: {},
        context: loadContext,
      }),
    )
    expect(ready.ready).toEqual(form)
    expect(
      await statusOf(page.action, makeRequest('/reminders', { cookie: who.cookie, form: { ...form, log: 'none' } })),
    ).toBe(400)
  })

  it('refuses a post with nothing chosen, or a bad time, with a 400 and no file', async () => {
    const who = await client()
    expect(
      await statusOf(
        file.action,
        makeRequest('/reminders.ics', { cookie: who.cookie, form: { title: 'x', time: '19:30', weekday: '6' } }),
      ),
    ).toBe(400)
    expect(
      await statusOf(
        page.action,
        makeRequest('/reminders', { cookie: who.cookie, form: { title: 'x', time: '19:30', weekday: '6' } }),
      ),
    ).toBe(400)
    expect(
      await statusOf(
        file.action,
        makeRequest('/reminders.ics', {
          cookie: who.cookie,
          form: { title: 'x', log: 'daily', time: '7pm', weekday: '6' },
        }),
      ),
    ).toBe(400)
  })

  it('is for clients only', async () => {
    const worker = await makeUser('keyworker')
    const cookie = await signedInCookie({ id: worker.id, role: 'keyworker' })
    expect(
      await statusOf(
        file.action,
        makeRequest('/reminders.ics', { cookie, form: { title: 'x', log: 'daily', time: '19:30', weekday: '6' } }),
      ),
    ).not.toBe(200)
  })
})
