// How tracking entries read on the pages: the latest entries with times in the zone each was
// logged in, and a saved entry as its edit form's values.
import { desc, eq, sql } from 'drizzle-orm'
import { clock } from '#app/utils/clock.server.ts'
import { prepared } from '#db/prepared.ts'
import { type Urge, type UseEntry, urges, useEntries } from '#db/schema/index.ts'
import { amountUnit, loadProgramme, localDateTime, localParts, type SubstanceId } from '#programme/engine/index.ts'
import { publishedTracking } from './forms.server.ts'

// Only the columns the lists show: a row of every column costs several times as much to read.
const recentUrges = prepared((db) =>
  db
    .select({
      id: urges.id,
      occurredAt: urges.occurredAt,
      timeZone: urges.timeZone,
      intensity: urges.intensity,
      trigger: urges.trigger,
      outcome: urges.outcome,
    })
    .from(urges)
    .where(eq(urges.userId, sql.placeholder('userId')))
    .orderBy(desc(urges.occurredAt))
    .limit(sql.placeholder('limit'))
    .prepare(),
)

const recentUse = prepared((db) =>
  db
    .select({
      id: useEntries.id,
      occurredAt: useEntries.occurredAt,
      timeZone: useEntries.timeZone,
      localDate: useEntries.localDate,
      substance: useEntries.substance,
      amount: useEntries.amount,
      unit: useEntries.unit,
      spendPence: useEntries.spendPence,
    })
    .from(useEntries)
    .where(eq(useEntries.userId, sql.placeholder('userId')))
    .orderBy(desc(useEntries.occurredAt))
    .limit(sql.placeholder('limit'))
    .prepare(),
)

const text = (value: string | number | null) => (value === null ? undefined : String(value))

/** A saved urge as the detail form's values. */
export function urgeDefaults(urge: Urge) {
  return {
    when: localDateTime(urge.occurredAt, urge.timeZone),
    intensity: String(urge.intensity),
    trigger: text(urge.trigger),
    triggerNote: text(urge.triggerNote),
    place: text(urge.place),
    withWhom: text(urge.withWhom),
    feeling: text(urge.feeling),
    thought: text(urge.thought),
    coping: urge.coping,
    copingNote: text(urge.copingNote),
    outcome: text(urge.outcome),
    usedSubstance: text(urge.usedSubstance),
    usedAmount: text(urge.usedAmount),
    usedUnit: text(urge.usedUnit),
    note: text(urge.note),
  }
}

/** A saved use entry as the form's values (the amount as logged; alcohol as units). */
export function useDefaults(entry: UseEntry) {
  return {
    when: localDateTime(entry.occurredAt, entry.timeZone),
    substance: text(entry.substance),
    amount: text(entry.amount),
    unit: text(entry.unit),
    spend: entry.spendPence === null ? undefined : (entry.spendPence / 100).toFixed(2),
    note: text(entry.note),
    lapseNote: text(entry.lapseNote),
  }
}

const formats = new Map<string, Intl.DateTimeFormat>()

/**
 * A date formatter for a zone, kept by `kind` and zone: building one costs far more than using
 * one. Bounded, because zones arrive from browsers.
 */
export function formatIn(kind: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone })
    if (formats.size < 200) formats.set(key, format)
  }
  return format
}

const SHOWN: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
}

/**
 * How an instant reads to the client, in the zone given: "Sat 21 Nov, 18:30". Given `now`, an
 * instant in another year than now's (in that zone) shows its year: "Fri 21 Nov 2025, 18:30".
 */
export function shown(at: Date, timeZone: string, now?: Date): string {
  return now ? shownAgainst(now).when(at, timeZone) : formatIn('shown', timeZone, SHOWN).format(at)
}

/**
 * `shown` with a `now` for a list of instants, and now's year in a zone: that year is worked out
 * once a zone for the list, not once an entry.
 */
function shownAgainst(now: Date) {
  const years = new Map<string, string>()
  const thisYear = (timeZone: string) => {
    let year = years.get(timeZone)
    if (year === undefined) {
      year = localParts(now, timeZone).date.slice(0, 4)
      years.set(timeZone, year)
    }
    return year
  }
  const when = (at: Date, timeZone: string) =>
    localParts(at, timeZone).date.slice(0, 4) !== thisYear(timeZone)
      ? noWeekdayComma(formatIn('shown-year', timeZone, { ...SHOWN, year: 'numeric' }).format(at))
      : formatIn('shown', timeZone, SHOWN).format(at)
  return { when, thisYear }
}

/** A local date as the client reads it: "Mon 4 May", with its year when not `thisYear`'s. */
function shownDate(date: string, thisYear: string): string {
  const withYear = date.slice(0, 4) !== thisYear
  const format = formatIn(withYear ? 'date-year' : 'date', 'UTC', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  })
  return noWeekdayComma(format.format(new Date(`${date}T12:00:00Z`)))
}

/** With a year, en-GB puts a comma after the weekday ("Tue, 30 Dec 2025"); without, it does not. */
function noWeekdayComma(text: string): string {
  return text.replace(/^(\p{L}+),/u, '$1')
}

/**
 * When one entry happened, as its page heads it: "Sat 21 Nov, 18:30", with the year when it is
 * not this year; a no-use day is a date ("Fri 21 Nov 2025").
 */
export function entryWhen(
  entry: { occurredAt: Date; timeZone: string; localDate: string; substance?: string | null },
  now = clock.now(),
): string {
  return entry.substance === null
    ? shownDate(entry.localDate, localParts(now, entry.timeZone).date.slice(0, 4))
    : shown(entry.occurredAt, entry.timeZone, now)
}

/** The latest entries, newest first, as the log pages list them. */
export async function recentEntries(userId: string, limit = 20, now = clock.now()) {
  const tracking = await publishedTracking()
  const substanceNames = new Map<string, string>(loadProgramme().battery.substances.map((b) => [b.id, b.name]))
  const label = new Map(
    [...tracking.triggers, ...tracking.copingStrategies, ...tracking.feelings].map((i) => [i.id, i.label]),
  )
  const [urgeRows, useRows] = await Promise.all([
    recentUrges().all({ userId, limit }),
    recentUse().all({ userId, limit }),
  ])
  const { when, thisYear } = shownAgainst(now)
  return {
    urges: urgeRows.map((u) => ({
      id: u.id,
      when: when(u.occurredAt, u.timeZone),
      intensity: u.intensity,
      trigger: u.trigger ? (label.get(u.trigger) ?? u.trigger) : null,
      outcome: u.outcome,
    })),
    use: useRows.map((e) => ({
      id: e.id,
      when: e.substance ? when(e.occurredAt, e.timeZone) : shownDate(e.localDate, thisYear(e.timeZone)),
      substance: e.substance ? (substanceNames.get(e.substance) ?? e.substance) : null,
      amount: e.amount,
      unit: e.substance
        ? (amountUnit(tracking, e.substance as SubstanceId, e.unit ?? undefined)?.label ?? e.unit)
        : null,
      spendPence: e.spendPence,
    })),
  }
}
