import { describe, expect, it } from 'vitest'
import {
  addDays,
  dateRange,
  daysBetween,
  isDate,
  isTimeZone,
  localDateTime,
  localParts,
  localToUtc,
  todayIn,
} from './time.ts'

const LONDON = 'Europe/London'
const NEW_YORK = 'America/New_York'
const at = (iso: string) => new Date(iso)

describe('isTimeZone', () => {
  it.each(['Europe/London', 'America/New_York', 'UTC', 'Asia/Kolkata'])('knows %s', (zone) => {
    expect(isTimeZone(zone)).toBe(true)
  })
  it.each(['', 'Mars/Olympus_Mons', '+01:00', 'GMT+1 ', 'London'])('refuses %j', (zone) => {
    expect(isTimeZone(zone)).toBe(false)
  })
})

describe('localParts', () => {
  it('gives the local date, hour and weekday (Monday 0)', () => {
    expect(localParts(at('2026-06-01T12:05:00Z'), LONDON)).toEqual({
      date: '2026-06-01',
      hour: 13,
      minute: 5,
      weekday: 0,
    })
    expect(localParts(at('2026-06-07T12:00:00Z'), LONDON).weekday).toBe(6)
  })

  it('puts the last moment before local midnight and midnight itself on different days', () => {
    expect(localParts(at('2026-01-01T23:59:59.999Z'), LONDON)).toMatchObject({ date: '2026-01-01', hour: 23 })
    expect(localParts(at('2026-01-02T00:00:00Z'), LONDON)).toMatchObject({ date: '2026-01-02', hour: 0 })
    // In summer London's midnight is 23:00 UTC the day before.
    expect(localParts(at('2026-06-30T22:59:59Z'), LONDON)).toMatchObject({ date: '2026-06-30', hour: 23 })
    expect(localParts(at('2026-06-30T23:00:00Z'), LONDON)).toMatchObject({ date: '2026-07-01', hour: 0 })
  })

  it('handles half-hour zones and zones a whole day apart', () => {
    expect(localParts(at('2026-01-01T18:29:00Z'), 'Asia/Kolkata').date).toBe('2026-01-01')
    expect(localParts(at('2026-01-01T18:30:00Z'), 'Asia/Kolkata')).toMatchObject({ date: '2026-01-02', hour: 0 })
    const instant = at('2026-01-01T10:30:00Z')
    expect(localParts(instant, 'Pacific/Kiritimati').date).toBe('2026-01-02') // UTC+14
    expect(localParts(instant, 'Pacific/Pago_Pago').date).toBe('2025-12-31') // UTC−11
  })

  it('refuses an invalid instant', () => {
    expect(() => localParts(new Date(Number.NaN), LONDON)).toThrow(RangeError)
  })
})

describe('Europe/London spring forward, Sunday 29 March 2026 (01:00 GMT becomes 02:00 BST)', () => {
  it('reads the clock change from UTC instants', () => {
    expect(localDateTime(at('2026-03-29T00:59:00Z'), LONDON)).toBe('2026-03-29T00:59')
    expect(localDateTime(at('2026-03-29T01:00:00Z'), LONDON)).toBe('2026-03-29T02:00')
  })

  it('maps real local times either side of the gap to their instants', () => {
    expect(localToUtc('2026-03-29T00:30', LONDON).toISOString()).toBe('2026-03-29T00:30:00.000Z')
    expect(localToUtc('2026-03-29T02:00', LONDON).toISOString()).toBe('2026-03-29T01:00:00.000Z')
    expect(localToUtc('2026-03-29T12:00', LONDON).toISOString()).toBe('2026-03-29T11:00:00.000Z')
  })

  it('moves a time that never happened forward by the gap (01:30 becomes 02:30 BST)', () => {
    const instant = localToUtc('2026-03-29T01:30', LONDON)
    expect(instant.toISOString()).toBe('2026-03-29T01:30:00.000Z')
    expect(localDateTime(instant, LONDON)).toBe('2026-03-29T02:30')
    expect(localDateTime(localToUtc('2026-03-29T01:00', LONDON), LONDON)).toBe('2026-03-29T02:00')
  })

  it('buckets the 23-hour day: all of it on 29 March, the next hour on 30 March', () => {
    expect(localParts(at('2026-03-29T00:00:00Z'), LONDON).date).toBe('2026-03-29')
    expect(localParts(at('2026-03-29T22:59:00Z'), LONDON)).toMatchObject({ date: '2026-03-29', hour: 23 })
    expect(localParts(at('2026-03-29T23:00:00Z'), LONDON)).toMatchObject({ date: '2026-03-30', hour: 0 })
  })
})

describe('Europe/London fall back, Sunday 25 October 2026 (02:00 BST becomes 01:00 GMT)', () => {
  it('reads 01:30 twice from UTC instants an hour apart', () => {
    expect(localDateTime(at('2026-10-25T00:30:00Z'), LONDON)).toBe('2026-10-25T01:30')
    expect(localDateTime(at('2026-10-25T01:30:00Z'), LONDON)).toBe('2026-10-25T01:30')
  })

  it('takes the earlier instant for a time that happened twice', () => {
    expect(localToUtc('2026-10-25T01:30', LONDON).toISOString()).toBe('2026-10-25T00:30:00.000Z')
    expect(localToUtc('2026-10-25T01:00', LONDON).toISOString()).toBe('2026-10-25T00:00:00.000Z')
  })

  it('maps times outside the overlap with the right offset', () => {
    expect(localToUtc('2026-10-25T00:59', LONDON).toISOString()).toBe('2026-10-24T23:59:00.000Z')
    expect(localToUtc('2026-10-25T02:00', LONDON).toISOString()).toBe('2026-10-25T02:00:00.000Z')
  })

  it('buckets the 25-hour day: all of it on 25 October', () => {
    expect(localParts(at('2026-10-24T23:00:00Z'), LONDON)).toMatchObject({ date: '2026-10-25', hour: 0 })
    expect(localParts(at('2026-10-25T23:59:00Z'), LONDON)).toMatchObject({ date: '2026-10-25', hour: 23 })
    expect(localParts(at('2026-10-26T00:00:00Z'), LONDON).date).toBe('2026-10-26')
  })

  it('round-trips every quarter hour of both change days, but for the repeated hour', () => {
    for (const start of ['2026-03-28T23:00:00Z', '2026-10-24T22:00:00Z']) {
      for (let step = 0; step < 26 * 4; step++) {
        const instant = new Date(Date.parse(start) + step * 15 * 60_000)
        const back = localToUtc(localDateTime(instant, LONDON), LONDON)
        const repeated = instant.toISOString() >= '2026-10-25T01:00' && instant.toISOString() < '2026-10-25T02:00'
        expect(back.getTime()).toBe(repeated ? instant.getTime() - 3_600_000 : instant.getTime())
      }
    }
  })
})

describe('other zones and changes', () => {
  it('a half-hour daylight-saving change (Lord Howe Island, 4 October 2026)', () => {
    const instant = localToUtc('2026-10-04T02:15', 'Australia/Lord_Howe')
    expect(localDateTime(instant, 'Australia/Lord_Howe')).toBe('2026-10-04T02:45')
  })

  it('a whole day skipped (Samoa jumped from 29 to 31 December 2011)', () => {
    const instant = localToUtc('2011-12-30T12:00', 'Pacific/Apia')
    expect(localDateTime(instant, 'Pacific/Apia')).toBe('2011-12-31T12:00')
  })

  it('New York’s own change (8 March 2026) is not London’s', () => {
    expect(localToUtc('2026-03-29T01:30', NEW_YORK).toISOString()).toBe('2026-03-29T05:30:00.000Z')
    expect(localDateTime(localToUtc('2026-03-08T02:30', NEW_YORK), NEW_YORK)).toBe('2026-03-08T03:30')
  })

  it('refuses what is not a local time or a zone', () => {
    for (const bad of ['2026-02-30T10:00', '2026-03-29T24:00', '2026-03-29T10:60', '2026-03-29 10:00', '2026-03-29'])
      expect(() => localToUtc(bad, LONDON)).toThrow(RangeError)
    expect(() => localToUtc('2026-03-29T10:00', 'Nowhere/Else')).toThrow(/Unknown time zone/)
  })
})

describe('a client who moves from London to New York', () => {
  const instant = at('2026-06-01T02:30:00Z')

  it('sees the same instant on different local dates', () => {
    expect(localParts(instant, LONDON)).toMatchObject({ date: '2026-06-01', hour: 3 })
    expect(localParts(instant, NEW_YORK)).toMatchObject({ date: '2026-05-31', hour: 22 })
    expect(todayIn(LONDON, instant)).toBe('2026-06-01')
    expect(todayIn(NEW_YORK, instant)).toBe('2026-05-31')
  })

  it('keeps an entry on the day it was logged when bucketed by its own stored zone', () => {
    // A use entry logged in London at 23:30 local on 31 May, stored as UTC plus its zone.
    const logged = localToUtc('2026-05-31T23:30', LONDON)
    expect(logged.toISOString()).toBe('2026-05-31T22:30:00.000Z')
    expect(localParts(logged, LONDON).date).toBe('2026-05-31')
    // Read in the new zone the same instant is still 31 May, but at 18:30.
    expect(localParts(logged, NEW_YORK)).toMatchObject({ date: '2026-05-31', hour: 18 })
    // Just after London midnight the zones disagree about the date.
    const late = localToUtc('2026-06-01T00:30', LONDON)
    expect([localParts(late, LONDON).date, localParts(late, NEW_YORK).date]).toEqual(['2026-06-01', '2026-05-31'])
  })
})

describe('calendar dates', () => {
  it('knows real dates, leap years included', () => {
    expect(isDate('2028-02-29')).toBe(true)
    expect(isDate('2026-02-29')).toBe(false)
    expect(isDate('2026-13-01')).toBe(false)
    expect(isDate('2026-1-01')).toBe(false)
  })

  it('adds days across months, years, leap days and clock changes', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30')
    expect(addDays('2026-10-25', 0)).toBe('2026-10-25')
    expect(() => addDays('2026-10-25', 0.5)).toThrow(RangeError)
    expect(() => addDays('25/10/2026', 1)).toThrow(RangeError)
  })

  it('counts whole days between dates, whatever the clocks did', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2)
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2)
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2)
    expect(daysBetween('2025-12-31', '2026-12-31')).toBe(365)
  })

  it('lists the days ending on a date, oldest first', () => {
    expect(dateRange('2026-03-01', 3)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01'])
    expect(dateRange('2026-03-30', 2)).toEqual(['2026-03-29', '2026-03-30'])
    expect(dateRange('2026-03-01', 1)).toEqual(['2026-03-01'])
    expect(dateRange('2026-03-01', 0)).toEqual([])
    expect(dateRange('2026-12-31', 365)[0]).toBe('2026-01-01')
    expect(() => dateRange('2026-03-01', -1)).toThrow(RangeError)
  })
})

describe('the wall-clock reading', () => {
  // What localParts reads, worked out the slow, layout-free way.
  const formatters = new Map<string, Intl.DateTimeFormat>()
  const reference = (utc: Date, timeZone: string) => {
    const parts: Record<string, string> = {}
    const formatter =
      formatters.get(timeZone) ??
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
    formatters.set(timeZone, formatter)
    for (const part of formatter.formatToParts(utc)) parts[part.type] = part.value
    return `${parts.year?.padStart(4, '0')}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
  }

  it('agrees with the formatter’s parts across daylight saving changes in odd zones', () => {
    const zones = [
      'UTC',
      'Europe/London',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'Pacific/Chatham',
    ]
    // Every 37 minutes through 2026: both clock changes of every zone, at odd minutes.
    const start = Date.UTC(2026, 0, 1)
    const wrong: string[] = []
    for (const zone of zones)
      for (let t = start; t < start + 366 * 86_400_000; t += 37 * 60_000) {
        const utc = new Date(t)
        if (localDateTime(utc, zone) !== reference(utc, zone)) wrong.push(`${utc.toISOString()} in ${zone}`)
      }
    expect(wrong).toEqual([])
  })

  it('reads a year before 1000 too (the text does not fit the quick pattern)', () => {
    expect(localParts(new Date(Date.UTC(500, 5, 1, 12)), 'UTC').date).toBe('0500-06-01')
  })
})
