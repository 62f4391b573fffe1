// This domain's part of the privacy export (every urge, use entry and goal check-in, as JSON),
// and the same entries as CSV files for spreadsheets.
import { asc, eq } from 'drizzle-orm'
import { getDb } from '#db/client.ts'
import { goalCheckIns, goals, urges, useEntries } from '#db/schema/index.ts'
import { loadProgramme } from '#programme/engine/index.ts'
import { publishedTracking } from './forms.server.ts'

const iso = (d: Date) => d.toISOString()

async function rows(userId: string) {
  const db = getDb()
  return {
    urges: await db.select().from(urges).where(eq(urges.userId, userId)).orderBy(asc(urges.occurredAt)).all(),
    use: await db
      .select()
      .from(useEntries)
      .where(eq(useEntries.userId, userId))
      .orderBy(asc(useEntries.occurredAt))
      .all(),
    checkIns: await db
      .select()
      .from(goalCheckIns)
      .where(eq(goalCheckIns.userId, userId))
      .orderBy(asc(goalCheckIns.localDate))
      .all(),
    goals: await db.select({ id: goals.id, what: goals.what }).from(goals).where(eq(goals.userId, userId)).all(),
  }
}

/** `urges`, `useDiary` and `goalCheckIns` for the privacy export. */
export async function exportTracking(userId: string) {
  const all = await rows(userId)
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
  return `${[header, ...lines].map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`
}

export const CSV_FILES = ['urges', 'use-diary', 'goal-check-ins'] as const
export type CsvFile = (typeof CSV_FILES)[number]

const OUTCOMES: Record<string, string> = {
  'rode-out': 'rode it out',
  used: 'used',
  done: 'done',
  partly: 'partly',
  not: 'not this time',
}

/** Words, not codes, in the spreadsheets: list ids become their labels. */
async function labeller() {
  const programme = loadProgramme()
  const tracking = await publishedTracking()
  const labels = new Map<string, string>(
    [...tracking.triggers, ...tracking.copingStrategies, ...tracking.feelings].map((i) => [i.id, i.label]),
  )
  for (const s of programme.battery.substances) labels.set(s.id, s.name)
  return (id: string | null) => (id === null ? null : (labels.get(id) ?? OUTCOMES[id] ?? id))
}

export async function trackingCsv(userId: string, file: CsvFile): Promise<string> {
  const all = await rows(userId)
  const label = await labeller()
  const goalWords = new Map(all.goals.map((g) => [g.id, g.what]))
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
        label(u.trigger),
        u.triggerNote,
        u.place,
        u.withWhom,
        label(u.feeling),
        u.thought,
        u.coping.map(label),
        u.copingNote,
        label(u.outcome),
        label(u.usedSubstance),
        u.usedAmount,
        u.usedUnit,
        u.note,
      ]),
    )
  if (file === 'use-diary')
    return csv(
      [
        'date',
        'time zone',
        'hour',
        'substance',
        'amount',
        'unit',
        'alcohol units',
        'spent (£)',
        'note',
        'what happened and what I learned',
      ],
      all.use.map((e) => [
        e.localDate,
        e.timeZone,
        e.localHour,
        e.substance ? label(e.substance) : 'no use',
        e.amount,
        e.unit,
        e.alcoholUnits,
        e.spendPence === null ? null : (e.spendPence / 100).toFixed(2),
        e.note,
        e.lapseNote,
      ]),
    )
  return csv(
    ['date', 'goal', 'outcome', 'note'],
    all.checkIns.map((c) => [c.localDate, goalWords.get(c.goalId) ?? '', label(c.outcome), c.note]),
  )
}
