import { describe, expect, it } from 'vitest'
import {
  describeSchedule,
  isOpenAt,
  meetsOnDate,
  nextOccurrences,
  occurrencesBetween,
  parseOpeningHours,
  parseSchedule,
  type Schedule,
  scheduleText,
} from './schedule.ts'

const LONDON = 'Europe/London'
const iso = (dates: Date[]) => dates.map((d) => d.toISOString())
const schedule = (text: string): Schedule => {
  const parsed = parseSchedule(text)
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.value
}

describe('parseSchedule', () => {
  it('reads weekly, nth and last weekday schedules and writes them back the same', () => {
    for (const text of ['weekly Tue 19:30', 'monthly 2 Thu 19:00', 'monthly last Sun 10:00'])
      expect(scheduleText(schedule(text))).toBe(text)
    expect(schedule('Weekly tuesday 07:05')).toEqual({ type: 'weekly', weekday: 1, time: '07:05' })
    expect(describeSchedule(schedule('monthly 2 Thu 19:00'))).toBe('The second Thursday of the month at 19:00')
    expect(describeSchedule(schedule('monthly last Sun 10:00'))).toBe('The last Sunday of the month at 10:00')
  })

  it('refuses anything else with a message showing the shape', () => {
    for (const text of [
      '',
      'weekly',
      'weekly Tu 19:30',
      'weekly Tue 7pm',
      'weekly Tue 24:00',
      'monthly 6 Thu 19:00',
      'daily 10:00',
    ])
      expect(parseSchedule(text)).toEqual({ ok: false, error: expect.stringContaining('weekly Tue 19:30') })
  })
})

describe('parseOpeningHours', () => {
  it('reads day ranges, single days and a close at midnight', () => {
    const parsed = parseOpeningHours('Mon-Wed 09:00-17:00; Sat 10:00-24:00')
    expect(parsed).toEqual({
      ok: true,
      value: [
        { weekday: 0, opens: '09:00', closes: '17:00' },
        { weekday: 1, opens: '09:00', closes: '17:00' },
        { weekday: 2, opens: '09:00', closes: '17:00' },
        { weekday: 5, opens: '10:00', closes: '24:00' },
      ],
    })
    // A range may wrap over the weekend.
    const wrap = parseOpeningHours('Sat-Mon 10:00-12:00')
    expect(wrap.ok && wrap.value.map((p) => p.weekday)).toEqual([5, 6, 0])
  })

  it('says what is wrong', () => {
    expect(parseOpeningHours('Mon-Fri 9-5')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Mon-Fri 09:00-17:00'),
    })
    expect(parseOpeningHours('Mon 17:00-09:00')).toMatchObject({
      ok: false,
      error: expect.stringContaining('after the opening'),
    })
    expect(parseOpeningHours('Funday 09:00-17:00')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Mon, Tue'),
    })
    expect(parseOpeningHours(' ; ')).toMatchObject({ ok: false })
  })
})

describe('the nth weekday of the month', () => {
  it('finds the 1st, 2nd, 5th and last Thursday of December 2026', () => {
    // December 2026: Thursdays are the 3rd, 10th, 17th, 24th and 31st.
    expect(meetsOnDate(schedule('monthly 1 Thu 19:00'), '2026-12-03')).toBe(true)
    expect(meetsOnDate(schedule('monthly 2 Thu 19:00'), '2026-12-10')).toBe(true)
    expect(meetsOnDate(schedule('monthly 2 Thu 19:00'), '2026-12-03')).toBe(false)
    expect(meetsOnDate(schedule('monthly 5 Thu 19:00'), '2026-12-31')).toBe(true)
    expect(meetsOnDate(schedule('monthly last Thu 19:00'), '2026-12-31')).toBe(true)
    expect(meetsOnDate(schedule('monthly last Thu 19:00'), '2026-12-24')).toBe(false)
    // A weekday that is not a Thursday never matches.
    expect(meetsOnDate(schedule('monthly 1 Thu 19:00'), '2026-12-04')).toBe(false)
  })

  it('lists the second Thursday only in the week it falls in', () => {
    const second = schedule('monthly 2 Thu 19:00')
    expect(iso(nextOccurrences(second, LONDON, new Date('2026-12-05T12:00:00Z')))).toEqual(['2026-12-10T19:00:00.000Z'])
    expect(iso(nextOccurrences(second, LONDON, new Date('2026-12-11T12:00:00Z')))).toEqual([])
  })
})

describe('next occurrences across the clock changes in Europe/London', () => {
  it('keeps a Sunday 10:00 meeting at 10:00 local time when the clocks go forward (last Sunday of March)', () => {
    // 2026-03-29 is the last Sunday of March: 10:00 is BST (09:00 UTC); the Sunday before was GMT.
    const sunday = schedule('weekly Sun 10:00')
    expect(
      iso(occurrencesBetween(sunday, LONDON, new Date('2026-03-20T00:00:00Z'), new Date('2026-04-01T00:00:00Z'))),
    ).toEqual(['2026-03-22T10:00:00.000Z', '2026-03-29T09:00:00.000Z'])
    expect(iso(nextOccurrences(schedule('monthly last Sun 10:00'), LONDON, new Date('2026-03-25T00:00:00Z')))).toEqual([
      '2026-03-29T09:00:00.000Z',
    ])
  })

  it('moves a meeting in the skipped hour to the same instant as the hour after it', () => {
    // 01:30 on 29 March 2026 never happens in London; it is read as 02:30 BST (01:30 UTC).
    expect(iso(nextOccurrences(schedule('weekly Sun 01:30'), LONDON, new Date('2026-03-28T00:00:00Z')))).toEqual([
      '2026-03-29T01:30:00.000Z',
    ])
  })

  it('keeps 10:00 local when the clocks go back (last Sunday of October)', () => {
    // 2026-10-25 is the last Sunday of October: 10:00 is GMT again (10:00 UTC).
    const sunday = schedule('weekly Sun 10:00')
    expect(
      iso(occurrencesBetween(sunday, LONDON, new Date('2026-10-17T00:00:00Z'), new Date('2026-10-27T00:00:00Z'))),
    ).toEqual(['2026-10-18T09:00:00.000Z', '2026-10-25T10:00:00.000Z'])
    // 01:30 happens twice that night: the earlier (BST) one is taken, once.
    expect(iso(nextOccurrences(schedule('weekly Sun 01:30'), LONDON, new Date('2026-10-24T12:00:00Z')))).toEqual([
      '2026-10-25T00:30:00.000Z',
    ])
  })

  it('lists only the next 7 days, from now, in time order', () => {
    const tuesday = schedule('weekly Tue 19:30')
    // Tuesday 8 Dec 2026 at 20:00 London: tonight's meeting has started, so the next is a week on.
    expect(iso(nextOccurrences(tuesday, LONDON, new Date('2026-12-08T20:00:00Z')))).toEqual([
      '2026-12-15T19:30:00.000Z',
    ])
    expect(iso(nextOccurrences(tuesday, LONDON, new Date('2026-12-08T19:00:00Z')))).toEqual([
      '2026-12-08T19:30:00.000Z',
    ])
  })

  it('works in another zone (New York changes its clocks on other dates)', () => {
    // 8 March 2026 is when New York goes forward; London is still on GMT.
    const meeting = schedule('weekly Sun 18:00')
    expect(
      iso(
        occurrencesBetween(
          meeting,
          'America/New_York',
          new Date('2026-03-01T00:00:00Z'),
          new Date('2026-03-10T00:00:00Z'),
        ),
      ),
    ).toEqual(['2026-03-01T23:00:00.000Z', '2026-03-08T22:00:00.000Z'])
  })
})

describe('isOpenAt', () => {
  const hours = (() => {
    const parsed = parseOpeningHours('Mon-Fri 09:00-17:00; Sat 10:00-24:00')
    if (!parsed.ok) throw new Error(parsed.error)
    return parsed.value
  })()

  it('reads the hours in the entry’s zone, in summer time and winter time', () => {
    // Monday 6 July 2026, 08:30 UTC = 09:30 BST: open. 16:30 UTC = 17:30 BST: closed.
    expect(isOpenAt(hours, LONDON, new Date('2026-07-06T08:30:00Z'))).toBe(true)
    expect(isOpenAt(hours, LONDON, new Date('2026-07-06T16:30:00Z'))).toBe(false)
    // Monday 7 December 2026, 08:30 UTC = 08:30 GMT: not yet open.
    expect(isOpenAt(hours, LONDON, new Date('2026-12-07T08:30:00Z'))).toBe(false)
    expect(isOpenAt(hours, LONDON, new Date('2026-12-07T09:00:00Z'))).toBe(true)
  })

  it('opens until midnight on Saturday and is closed on Sunday', () => {
    expect(isOpenAt(hours, LONDON, new Date('2026-12-05T23:59:00Z'))).toBe(true)
    expect(isOpenAt(hours, LONDON, new Date('2026-12-06T00:00:00Z'))).toBe(false)
    expect(isOpenAt(hours, LONDON, new Date('2026-12-06T12:00:00Z'))).toBe(false)
  })
})
