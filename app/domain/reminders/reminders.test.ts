// "Add to my calendar" through the page's own action (issue 15 §4; hazard H-040): a good post
// answers with the .ics file to save (the client's goals and next check-in in it, only the
// chosen title), a bad one with a 400 and no file; only clients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as page from '#app/routes/reminders.tsx'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { assessments, goals } from '#db/schema/index.ts'
import { statusOf } from '#tests/setup/outcome.ts'
import { loadContext, makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'

const NOW = new Date('2026-12-05T12:00:00Z')
beforeAll(() => pinClock(NOW))
afterAll(unpinClock)

async function client() {
  const user = await makeUser('client')
  return { id: user.id, cookie: await signedInCookie({ id: user.id, role: 'client' }) }
}
const post = (cookie: string, form: Record<string, string>) =>
  page.action({ request: makeRequest('/reminders', { cookie, form }), params: {}, context: loadContext })

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

  it('refuses a post with nothing chosen, or a bad time, with a 400 and no file', async () => {
    const who = await client()
    expect(
      await statusOf(
        page.action,
        makeRequest('/reminders', { cookie: who.cookie, form: { title: 'x', time: '19:30', weekday: '6' } }),
      ),
    ).toBe(400)
    expect(
      await statusOf(
        page.action,
        makeRequest('/reminders', {
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
        page.action,
        makeRequest('/reminders', { cookie, form: { title: 'x', log: 'daily', time: '19:30', weekday: '6' } }),
      ),
    ).not.toBe(200)
  })
})
