// Logging urges and use, editing and deleting them. Each write stamps the entry with the
// client's time zone and its local date, hour and weekday, worked out once here, so that the
// dashboard's aggregates are plain GROUP BYs in SQL (docs/architecture.md § Tracking).
import { and, eq, isNull, sql } from 'drizzle-orm'
import { timeZoneOf } from '#app/domain/accounts/account.server.ts'
import { selfHarmEvent } from '#app/domain/safety/free-text.server.ts'
import { mixingEvent } from '#app/domain/safety/mixing.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import { longDate } from '#app/utils/format.ts'
import { getDb } from '#db/client.ts'
import { safetyEvents, urges, useEntries, users } from '#db/schema/index.ts'
import { alcoholUnits, amountUnit, isTimeZone, localDateTime, localParts, localToUtc } from '#programme/engine/index.ts'
import { trackingForms, type UrgeForm, type UseForm } from './forms.server.ts'
import { afterBreakEvent } from './use-after-break.server.ts'

/** A little slack for clocks that disagree: a time more than this ahead of the server's is refused. */
const FUTURE_SLACK_MS = 5 * 60_000

export type When = { occurredAt: Date; timeZone: string; localDate: string; localHour: number; localWeekday: number }
export type Refused = { ok: false; field: string; message: string }

/** Remembers the zone the client's browser reports (sent by the tracking forms when JavaScript runs). */
/** Said when a post's hidden time-zone field holds something that is not a time zone. */
export const ZONE_UNREADABLE = "We could not read your device's time zone, so nothing was saved. Please try again."

/**
 * The zone a form's hidden `timeZone` field reported: absent or empty is fine (no JavaScript, so
 * the account's zone is used), anything else must be a real time zone, or the post is refused.
 */
export function reportedTimeZone(value: unknown): { ok: true; zone: string | null } | { ok: false } {
  if (value === null || value === undefined || value === '') return { ok: true, zone: null }
  if (typeof value !== 'string' || value.length > 64 || !isTimeZone(value)) return { ok: false }
  return { ok: true, zone: value }
}

export async function rememberTimeZone(userId: string, reported: unknown): Promise<void> {
  if (typeof reported !== 'string' || !isTimeZone(reported) || reported === (await timeZoneOf(userId))) return
  await getDb().update(users).set({ timeZone: reported }).where(eq(users.id, userId)).run()
}

/** How far back an entry may be dated: further is almost always a wrong year (issue 16, item 13). */
const OLDEST_DAYS = 366

/**
 * Said when a date is more than a year back: nothing is saved, and the client is asked whether
 * they meant the same day in the last year (the likely slip is the year).
 */
export function tooOldMessage(local: string, timeZone: string, now: Date): string {
  const thisYear = Number(localParts(now, timeZone).date.slice(0, 4))
  const rest = local.slice(4)
  let guess = `${thisYear}${rest}`
  try {
    if (localToUtc(guess, timeZone).getTime() > now.getTime() + FUTURE_SLACK_MS) guess = `${thisYear - 1}${rest}`
  } catch {
    guess = ''
  }
  const meant = guess ? ` Did you mean ${longDate(guess.slice(0, 10))}?` : ''
  return `That date is more than a year ago, so nothing was saved.${meant} Check the year and try again.`
}

/**
 * The instant and local parts of a form's "when" (empty: now); refused if in the future or more
 * than a year back. `kept`: the entry's saved local time, which an edit may leave as it was.
 */
export function entryTime(local: string | undefined, timeZone: string, now: Date, kept?: string): When | Refused {
  let occurredAt: Date
  try {
    occurredAt = local ? localToUtc(local, timeZone) : now
  } catch {
    return { ok: false, field: 'when', message: 'Enter a real date and time' }
  }
  if (occurredAt.getTime() > now.getTime() + FUTURE_SLACK_MS)
    return { ok: false, field: 'when', message: 'That time is in the future. Enter when it happened.' }
  if (local && local !== kept && occurredAt.getTime() < now.getTime() - OLDEST_DAYS * 86_400_000)
    return { ok: false, field: 'when', message: tooOldMessage(local, timeZone, now) }
  const parts = localParts(occurredAt, timeZone)
  return { occurredAt, timeZone, localDate: parts.date, localHour: parts.hour, localWeekday: parts.weekday }
}

function urgeValues(form: UrgeForm) {
  const used = form.outcome === 'used'
  const tracking = trackingForms().tracking
  const unit =
    used && form.usedSubstance ? amountUnit(tracking, form.usedSubstance, form.usedUnit || undefined) : undefined
  return {
    intensity: form.intensity,
    trigger: form.trigger ?? null,
    triggerNote: form.triggerNote || null,
    place: form.place || null,
    withWhom: form.withWhom || null,
    feeling: form.feeling ?? null,
    thought: form.thought || null,
    coping: form.coping,
    copingNote: form.copingNote || null,
    outcome: form.outcome ?? null,
    usedSubstance: used ? (form.usedSubstance ?? null) : null,
    usedAmount: used ? (form.usedAmount ?? null) : null,
    usedUnit: used && form.usedAmount !== undefined ? (unit?.id ?? null) : null,
    note: form.note || null,
  }
}

/** Everything the client wrote in their own words about an urge (checked for self-harm words, H-027). */
function urgeTexts(values: ReturnType<typeof urgeValues>) {
  return [values.triggerNote, values.place, values.withWhom, values.thought, values.copingNote, values.note]
}

function diaryValues(form: UseForm) {
  const tracking = trackingForms().tracking
  const preset = tracking.drinks.find((d) => d.id === form.drink)
  const calculated = form.substance === 'alcohol' && (preset || form.ml !== undefined)
  const units = calculated
    ? alcoholUnits(form.ml ?? preset?.ml ?? 0, form.abv ?? preset?.abv ?? 0, form.count ?? 1)
    : undefined
  const unit = amountUnit(tracking, form.substance, calculated ? undefined : form.unit || undefined)
  const amount = calculated ? units : form.amount
  return {
    substance: form.substance,
    amount: amount ?? null,
    unit: unit?.id ?? null,
    alcoholUnits:
      form.substance === 'alcohol' ? (units ?? (unit?.id === 'units' ? (form.amount ?? null) : null)) : null,
    spendPence: form.spend === undefined ? null : Math.round(form.spend * 100),
    note: form.note || null,
    lapseNote: form.lapseNote || null,
  }
}

/** An urge this strong shows coping options and crisis contacts at once, and is flagged (CLINICAL.md). */
export const VERY_HIGH_URGE = 9

/** `selfHarmWords`: the text had self-harm words, so the support panel comes before the next page. */
type Saved = { ok: true; selfHarmWords: boolean }

export async function logUrge(
  userId: string,
  form: UrgeForm,
  now = clock.now(),
): Promise<(Saved & { id: string }) | Refused> {
  const when = entryTime(form.when, await timeZoneOf(userId), now)
  if ('ok' in when) return when
  const values = urgeValues(form)
  // Decided first; the transaction only writes.
  const id = crypto.randomUUID()
  const selfHarm = await selfHarmEvent(userId, 'urge-note', urgeTexts(values), now)
  getDb().transaction((tx) => {
    tx.insert(urges)
      .values({ id, userId, ...when, ...values, createdAt: now, updatedAt: now })
      .run()
    if (form.intensity >= VERY_HIGH_URGE)
      tx.insert(safetyEvents).values({ userId, rule: 'very-high-urge', source: 'tracking:urge', createdAt: now }).run()
    if (selfHarm) tx.insert(safetyEvents).values(selfHarm).run()
  })
  return { ok: true, id, selfHarmWords: selfHarm !== null }
}

/**
 * Saves a new use entry. `afterBreak`: it is use of a depressant after a break (H-026), so the
 * page it lands on shows the tolerance warning; an edit never raises it (use-after-break.server.ts).
 */
export async function logUse(
  userId: string,
  form: UseForm,
  now = clock.now(),
): Promise<(Saved & { id: string; afterBreak: boolean }) | Refused> {
  const when = entryTime(form.when, await timeZoneOf(userId), now)
  if ('ok' in when) return when
  const values = diaryValues(form)
  // Checked before the insert, so the rule reads the diary as it was before this entry.
  const afterBreak = await afterBreakEvent(userId, { ...when, ...values }, now)
  const mixing = await mixingEvent(userId, { ...when, ...values }, now)
  const selfHarm = await selfHarmEvent(userId, 'use-note', [values.note, values.lapseNote], now)
  const id = crypto.randomUUID()
  getDb().transaction((tx) => {
    tx.insert(useEntries)
      .values({ id, userId, ...when, ...values, createdAt: now, updatedAt: now })
      .run()
    tx.delete(useEntries).where(noUseMark(userId, when.localDate)).run()
    if (afterBreak) tx.insert(safetyEvents).values(afterBreak).run()
    if (mixing) tx.insert(safetyEvents).values(mixing).run()
    if (selfHarm) tx.insert(safetyEvents).values(selfHarm).run()
  })
  return { ok: true, id, afterBreak: afterBreak !== null, selfHarmWords: selfHarm !== null }
}

/** The "no use" mark of one local day: a use entry on that day replaces it. */
function noUseMark(userId: string, localDate: string) {
  return and(eq(useEntries.userId, userId), eq(useEntries.localDate, localDate), isNull(useEntries.substance))
}

/** Said when "No use today" is pressed on a day that already has use logged. */
export const NO_USE_AFTER_USE =
  'You have already logged use today, so today cannot be marked as a day with no use. You can change or delete that entry below.'

/**
 * "No use today": one row per day, so tapping twice counts once. A unique index on the client's
 * no-use rows by day (`use_entries_no_use_once_a_day`) keeps the first, even when two posts race.
 * Refused when use is logged that day: the insert itself checks, in one statement, so a use
 * entry saved at the same moment cannot leave both.
 */
export async function logNoUse(userId: string, now = clock.now()): Promise<{ ok: true } | Refused> {
  const timeZone = await timeZoneOf(userId)
  const when = entryTime(undefined, timeZone, now) as When
  const at = now.getTime()
  await getDb().run(sql`
    insert into use_entries
      (id, user_id, occurred_at, time_zone, local_date, local_hour, local_weekday, created_at, updated_at)
    select ${crypto.randomUUID()}, ${userId}, ${when.occurredAt.getTime()}, ${timeZone}, ${when.localDate},
      ${when.localHour}, ${when.localWeekday}, ${at}, ${at}
    where not exists (select 1 from use_entries
      where user_id = ${userId} and local_date = ${when.localDate} and substance is not null)
    on conflict do nothing`)
  const marked = await getDb()
    .select({ id: useEntries.id })
    .from(useEntries)
    .where(noUseMark(userId, when.localDate))
    .get()
  return marked ? { ok: true } : { ok: false, field: 'intent', message: NO_USE_AFTER_USE }
}

export async function updateUrge(
  userId: string,
  id: string,
  form: UrgeForm,
  now = clock.now(),
): Promise<Saved | Refused | null> {
  const existing = await getUrge(userId, id)
  if (!existing) return null
  // An entry keeps the zone it was logged in, so its wall-clock time means what it did then.
  const when = entryTime(form.when, existing.timeZone, now, localDateTime(existing.occurredAt, existing.timeZone))
  if ('ok' in when) return when
  const values = urgeValues(form)
  const selfHarm = await selfHarmEvent(userId, 'urge-note', urgeTexts(values), now)
  // (Deleted since it was read: the words were still written, so the event stands.)
  const changes = getDb().transaction((tx) => {
    const done = tx
      .update(urges)
      .set({ ...when, ...values, updatedAt: now })
      .where(and(eq(urges.id, id), eq(urges.userId, userId)))
      .run()
    if (selfHarm) tx.insert(safetyEvents).values(selfHarm).run()
    return done.changes
  })
  return changes === 1 ? { ok: true, selfHarmWords: selfHarm !== null } : null
}

export async function updateUse(
  userId: string,
  id: string,
  form: UseForm,
  now = clock.now(),
): Promise<Saved | Refused | null> {
  const existing = await getUse(userId, id)
  if (!existing) return null
  const when = entryTime(form.when, existing.timeZone, now, localDateTime(existing.occurredAt, existing.timeZone))
  if ('ok' in when) return when
  const values = diaryValues(form)
  const selfHarm = await selfHarmEvent(userId, 'use-note', [values.note, values.lapseNote], now)
  const changes = getDb().transaction((tx) => {
    const done = tx
      .update(useEntries)
      .set({ ...when, ...values, updatedAt: now })
      .where(and(eq(useEntries.id, id), eq(useEntries.userId, userId)))
      .run()
    // Moved onto a day marked "no use": the entry replaces the mark.
    tx.delete(useEntries).where(noUseMark(userId, when.localDate)).run()
    if (selfHarm) tx.insert(safetyEvents).values(selfHarm).run()
    return done.changes
  })
  return changes === 1 ? { ok: true, selfHarmWords: selfHarm !== null } : null
}

/** Deletes one of the client's own entries; false if there is no such entry of theirs. */
export async function deleteEntry(userId: string, kind: 'urge' | 'use', id: string): Promise<boolean> {
  const table = kind === 'urge' ? urges : useEntries
  const done = await getDb()
    .delete(table)
    .where(and(eq(table.id, id), eq(table.userId, userId)))
    .run()
  return done.changes === 1
}

export async function getUrge(userId: string, id: string) {
  return getDb()
    .select()
    .from(urges)
    .where(and(eq(urges.id, id), eq(urges.userId, userId)))
    .get()
}

export async function getUse(userId: string, id: string) {
  return getDb()
    .select()
    .from(useEntries)
    .where(and(eq(useEntries.id, id), eq(useEntries.userId, userId)))
    .get()
}
