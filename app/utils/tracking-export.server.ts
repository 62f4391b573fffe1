// This domain's part of the privacy export (every urge, use entry and goal check-in, as JSON),
// and the same entries as CSV files for spreadsheets.
import { asc, eq } from 'drizzle-orm'
import { getDb } from '#db/client.ts'
import { goalCheckIns, urges, useEntries } from '#db/schema/index.ts'

const iso = (d: Date) => d.toISOString()

function rows(userId: string) {
  const db = getDb()
  return {
    urges: db.select().from(urges).where(eq(urges.userId, userId)).orderBy(asc(urges.occurredAt)).all(),
    use: db.select().from(useEntries).where(eq(useEntries.userId, userId)).orderBy(asc(useEntries.occurredAt)).all(),
    checkIns: db
      .select()
      .from(goalCheckIns)
      .where(eq(goalCheckIns.userId, userId))
      .orderBy(asc(goalCheckIns.localDate))
      .all(),
  }
}

/** `urges`, `useDiary` and `goalCheckIns` for the privacy export. */
export function exportTracking(userId: string) {
  const all = rows(userId)
  return {
    urges: all.urges.map(({ userId: _u, ...u }) => ({
      ...u,
      occurredAt: iso(u.occurredAt),
      createdAt: iso(u.createdAt),
      updatedAt: iso(u.updatedAt),
    })),
    useDiary: all.use.map(({ userId: _u, ...e }) => ({
      ...e,
      occurredAt: iso(e.occurredAt),
      createdAt: iso(e.createdAt),
      updatedAt: iso(e.updatedAt),
    })),
    goalCheckIns: all.checkIns.map(({ userId: _u, ...c }) => ({
      ...c,
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
    })),
  }
}

/** One CSV field: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = Array.isArray(value) ? value.join('; ') : value instanceof Date ? value.toISOString() : String(value)
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function csv(header: string[], lines: unknown[][]): string {
  return [header, ...lines].map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n'
}

export const CSV_FILES = ['urges', 'use-diary', 'goal-check-ins'] as const
export type CsvFile = (typeof CSV_FILES)[number]

export function trackingCsv(userId: string, file: CsvFile): string {
  const all = rows(userId)
  if (file === 'urges')
    return csv(
      [
        'date',
        'time zone',
        'hour',
        'intensity',
        'trigger',
        'trigger note',
        'where',
        'who with',
        'feeling',
        'thought',
        'coping',
        'coping note',
        'outcome',
        'used',
        'amount',
        'unit',
        'note',
      ],
      all.urges.map((u) => [
        u.localDate,
        u.timeZone,
        u.localHour,
        u.intensity,
        u.trigger,
        u.triggerNote,
        u.place,
        u.withWhom,
        u.feeling,
        u.thought,
        u.coping,
        u.copingNote,
        u.outcome,
        u.usedSubstance,
        u.usedAmount,
        u.usedUnit,
        u.note,
      ]),
    )
  if (file === 'use-diary')
    return csv(
      ['date', 'time zone', 'hour', 'substance', 'amount', 'unit', 'alcohol units', 'spent (£)', 'note'],
      all.use.map((e) => [
        e.localDate,
        e.timeZone,
        e.localHour,
        e.substance ?? 'no use',
        e.amount,
        e.unit,
        e.alcoholUnits,
        e.spendPence === null ? null : (e.spendPence / 100).toFixed(2),
        e.note,
      ]),
    )
  return csv(
    ['date', 'goal id', 'outcome', 'note'],
    all.checkIns.map((c) => [c.localDate, c.goalId, c.outcome, c.note]),
  )
}
