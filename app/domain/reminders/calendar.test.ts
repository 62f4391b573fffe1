// The calendar file (issue 15 §4; hazard H-040), parsed back with ical.js: each reminder is an
// event at the chosen wall-clock time in the client's zone, across a clock change, with the
// RRULE asked for and only the chosen title.
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { type CalendarPlan, calendarFile } from './calendar.server.ts'
import { DEFAULT_TITLE, type ReminderForm, ReminderFormSchema } from './reminders.ts'

// Friday 27 March 2026, noon in London: the clocks go forward on Sunday the 29th.
const NOW = new Date('2026-03-27T12:00:00Z')
const form = (fields: Partial<ReminderForm>): ReminderForm => ({
  title: DEFAULT_TITLE,
  checkIn: false,
  goals: false,
  log: 'none',
  time: '19:30',
  weekday: 6,
  ...fields,
})
const plan = (fields: Partial<ReminderForm>, more: Partial<CalendarPlan> = {}): CalendarPlan => ({
  form: form(fields),
  timeZone: 'Europe/London',
  now: NOW,
  checkInDue: null,
  goals: [],
  ...more,
})

/** The file's events, with the zones it carries registered so times resolve as a calendar would. */
function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
}
/** The first `count` occurrences of an event, as UTC instants. */
function occurrences(event: ICAL.Event, count: number): string[] {
  const iterator = event.iterator()
  const out: string[] = []
  for (let next = iterator.next(); next && out.length < count; next = iterator.next())
    out.push(next.toJSDate().toISOString())
  return out
}

describe('calendarFile', () => {
  it('a daily log reminder stays at 19:30 London time across the clock change', () => {
    const [event, ...rest] = events(calendarFile(plan({ log: 'daily' })))
    expect(rest).toEqual([])
    expect(event?.summary).toBe('Foothold check-in')
    expect(event?.startDate.zone?.tzid).toBe('Europe/London')
    expect(event?.startDate.toString()).toBe('2026-03-27T19:30:00')
    expect(event?.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=DAILY')
    expect(occurrences(event as ICAL.Event, 4)).toEqual([
      '2026-03-27T19:30:00.000Z',
      '2026-03-28T19:30:00.000Z',
      '2026-03-29T18:30:00.000Z', // 19:30 BST
      '2026-03-30T18:30:00.000Z',
    ])
  })

  it('a weekly reminder falls on the chosen day; a time already past today starts tomorrow', () => {
    const [weekly] = events(calendarFile(plan({ log: 'weekly', weekday: 6, time: '10:00' })))
    expect(weekly?.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=WEEKLY;BYDAY=SU')
    expect(occurrences(weekly as ICAL.Event, 2)).toEqual(['2026-03-29T09:00:00.000Z', '2026-04-05T09:00:00.000Z'])
    const [daily] = events(calendarFile(plan({ log: 'daily', time: '08:00' })))
    expect(daily?.startDate.toString()).toBe('2026-03-28T08:00:00')
  })

  it('the next check-in is one event on its day; one already due comes at the next chosen time', () => {
    const [due] = events(calendarFile(plan({ checkIn: true }, { checkInDue: '2026-04-10' })))
    expect(due?.startDate.toString()).toBe('2026-04-10T19:30:00')
    expect(due?.isRecurring()).toBe(false)
    expect(due?.uid).toBe('check-in@foothold.invalid')
    const [late] = events(calendarFile(plan({ checkIn: true, time: '09:00' }, { checkInDue: '2026-03-01' })))
    expect(late?.startDate.toString()).toBe('2026-03-28T09:00:00')
    // Before a first check-in there is no date: no event.
    expect(events(calendarFile(plan({ checkIn: true })))).toEqual([])
  })

  it("each active goal's check-ins repeat as often as the goal, with a stable id and only the chosen title", () => {
    const text = calendarFile(
      plan(
        { goals: true, title: 'Call Sam', weekday: 0 },
        {
          goals: [
            { id: 'g1', frequency: 'daily' },
            { id: 'g2', frequency: 'weekly' },
          ],
        },
      ),
    )
    const [daily, weekly] = events(text)
    expect(daily?.uid).toBe('goal-g1@foothold.invalid')
    expect(daily?.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=DAILY')
    expect(weekly?.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=WEEKLY;BYDAY=MO')
    expect(weekly?.startDate.toString()).toBe('2026-03-30T19:30:00')
    expect([daily?.summary, weekly?.summary]).toEqual(['Call Sam', 'Call Sam'])
    // A display alarm at the start, so the calendar actually reminds; no other words anywhere.
    expect(daily?.component.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString()).toBe('PT0S')
    expect(text).not.toMatch(/DESCRIPTION:(?!Call Sam)/)
    expect(text).not.toMatch(/^(LOCATION|URL|TZURL|ORGANIZER|ATTENDEE)[:;]/m)
  })

  it("works in the client's own zone: New York", () => {
    const [event] = events(calendarFile(plan({ log: 'daily', time: '07:15' }, { timeZone: 'America/New_York' })))
    expect(event?.startDate.zone?.tzid).toBe('America/New_York')
    // 27 March 12:00Z is 08:00 EDT, so 07:15 has passed: the 28th, 11:15Z.
    expect(occurrences(event as ICAL.Event, 1)).toEqual(['2026-03-28T11:15:00.000Z'])
  })
})

describe('ReminderFormSchema', () => {
  const parse = (fields: Record<string, string>) =>
    ReminderFormSchema.safeParse({ title: DEFAULT_TITLE, time: '19:30', weekday: '6', ...fields })

  it('needs at least one reminder, a real time, and a title of at most 60 characters', () => {
    expect(parse({}).success).toBe(false)
    expect(parse({ log: 'daily' }).success).toBe(true)
    expect(parse({ log: 'daily', time: '25:00' }).success).toBe(false)
    expect(parse({ log: 'daily', title: 'x'.repeat(61) }).success).toBe(false)
    expect(parse({ log: 'hourly' }).success).toBe(false)
    expect(parse({ checkIn: 'on', weekday: '7' }).success).toBe(false)
  })
})
