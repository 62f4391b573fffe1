// "Add to my calendar" (issue 15 §4; hazard H-040): an iCalendar file the client downloads, with
// their next check-in, a reminder for each active goal's check-ins and, if they want, a daily or
// weekly reminder to log. Nothing leaves the server but this file: no email, no push, no feed.
// Every event carries only the title the client chose ("Foothold check-in" unless they change
// it): no goal wording, no substance, nothing a glance at a shared calendar would give away.
// Times are wall-clock times in the client's zone (TZID with its VTIMEZONE), so a 19:30
// reminder stays at 19:30 across the clock changes. Built with ical-generator (ADR 0023).
import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import { and, eq } from 'drizzle-orm'
import ical, { ICalAlarmType, ICalEventRepeatingFreq, ICalWeekday } from 'ical-generator'
import { DateTime } from 'luxon'
import { timeZoneOf } from '#app/domain/accounts/account.server.ts'
import { reassessment } from '#app/domain/assessment/results.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { goals } from '#db/schema/index.ts'
import { todayIn } from '#programme/engine/index.ts'
import type { ReminderForm } from './reminders.ts'

/** How long each reminder lasts in the calendar. */
const MINUTES = 15
const BYDAY: readonly ICalWeekday[] = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
]

/** The zone's VTIMEZONE, without its TZURL: a calendar app must never be sent to fetch anything. */
function vtimezone(zone: string): string | null {
  return getVtimezoneComponent(zone)?.replace(/^TZURL:.*\r?\n/m, '') ?? null
}

/** What the file is made from: the form, and the facts read for this client. */
export type CalendarPlan = {
  form: ReminderForm
  timeZone: string
  now: Date
  /** The local date the next check-in is due, or null before the first one. */
  checkInDue: string | null
  goals: ReadonlyArray<{ id: string; frequency: 'daily' | 'weekly' }>
}

/** The first `form.time` on or after `from` (a local date) that is still to come, in the zone. */
function firstAt(from: string, plan: CalendarPlan, weekday?: number): DateTime {
  let at = DateTime.fromISO(`${from}T${plan.form.time}`, { zone: plan.timeZone })
  const now = DateTime.fromJSDate(plan.now, { zone: plan.timeZone })
  while (at <= now || (weekday !== undefined && at.weekday - 1 !== weekday)) at = at.plus({ days: 1 })
  return at
}

/** The .ics text for the plan (pure: everything it needs is in `plan`). */
export function calendarFile(plan: CalendarPlan): string {
  const { form, timeZone, now } = plan
  const calendar = ical({ prodId: { company: 'Foothold', product: 'Reminders', language: 'EN' } })
  calendar.timezone({ name: timeZone, generator: vtimezone })
  const today = todayIn(timeZone, now)
  const add = (id: string, start: DateTime, freq?: ICalEventRepeatingFreq) => {
    const event = calendar.createEvent({
      id: `${id}@foothold.invalid`,
      start,
      end: start.plus({ minutes: MINUTES }),
      timezone: timeZone,
      stamp: now,
      summary: form.title,
      repeating: freq
        ? { freq, byDay: freq === ICalEventRepeatingFreq.WEEKLY ? [BYDAY[form.weekday] as ICalWeekday] : undefined }
        : null,
    })
    event.createAlarm({ type: ICalAlarmType.display, trigger: 0, description: form.title })
  }
  if (form.checkIn && plan.checkInDue) add('check-in', firstAt(plan.checkInDue > today ? plan.checkInDue : today, plan))
  if (form.goals)
    for (const goal of plan.goals)
      goal.frequency === 'daily'
        ? add(`goal-${goal.id}`, firstAt(today, plan), ICalEventRepeatingFreq.DAILY)
        : add(`goal-${goal.id}`, firstAt(today, plan, form.weekday), ICalEventRepeatingFreq.WEEKLY)
  if (form.log === 'daily') add('log', firstAt(today, plan), ICalEventRepeatingFreq.DAILY)
  if (form.log === 'weekly') add('log', firstAt(today, plan, form.weekday), ICalEventRepeatingFreq.WEEKLY)
  return calendar.toString()
}

/** What the reminders page tells the client before they choose. */
export async function reminderFacts(userId: string, now = clock.now()) {
  const [timeZone, due, active] = await Promise.all([
    timeZoneOf(userId),
    reassessment(userId, now),
    getDb()
      .select({ id: goals.id, frequency: goals.frequency })
      .from(goals)
      .where(and(eq(goals.userId, userId), eq(goals.status, 'active')))
      .orderBy(goals.createdAt)
      .all(),
  ])
  const checkInDue = due.dueAt ? todayIn(timeZone, due.dueAt) : null
  return { timeZone, checkInDue, goals: active }
}

/** The client's calendar file for the form they posted. */
export async function clientCalendar(userId: string, form: ReminderForm, now = clock.now()): Promise<string> {
  return calendarFile({ form, now, ...(await reminderFacts(userId, now)) })
}
