// The date range of a session summary, from a GET form: `?from=YYYY-MM-DD&to=YYYY-MM-DD` in the
// client's own calendar, defaulting to the last 28 days, refused with a message by the field
// when a date is not real, in the future, the wrong way round, or the range is over 366 days.
import { z } from 'zod'
import { clock } from '#app/utils/clock.server.ts'
import { addDays, daysBetween, isDate, todayIn } from '#programme/engine/index.ts'

export const SUMMARY_DEFAULT_DAYS = 28
export const SUMMARY_MAX_DAYS = 366

export type SummaryRange = { from: string; to: string; days: number }
type RangeErrors = Partial<Record<'from' | 'to', string[]>>
export type ParsedRange =
  | { ok: true; range: SummaryRange }
  | { ok: false; values: { from: string; to: string }; errors: RangeErrors }

const dateField = (which: string) =>
  z
    .string()
    .trim()
    .optional()
    // An empty date box in a GET form arrives as "": it means "the default", not a mistake.
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || isDate(value), {
      error: `Enter the ${which} date as a real date, for example 2026-11-21`,
    })

/**
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD`, both optional: `to` defaults to `today` (the client's) and
 * `from` to 28 days up to and including `to`. A schema per day, as "today" is part of the rule.
 */
export function SummaryRangeSchema(today: string) {
  return z.object({ from: dateField('start'), to: dateField('end') }).transform((value, ctx): SummaryRange => {
    const to = value.to ?? today
    const from = value.from ?? addDays(to, 1 - SUMMARY_DEFAULT_DAYS)
    const refuse = (path: 'from' | 'to', message: string) => {
      ctx.issues.push({ code: 'custom', path: [path], message, input: value })
      return z.NEVER
    }
    if (from > today) return refuse('from', 'The start date is in the future. Choose today or an earlier day.')
    if (to > today) return refuse('to', 'The end date is in the future. Choose today or an earlier day.')
    if (from > to) return refuse('from', 'The start date is after the end date. Choose an earlier start.')
    const days = daysBetween(from, to) + 1
    if (days > SUMMARY_MAX_DAYS)
      return refuse('from', `That is ${days} days. Choose a range of ${SUMMARY_MAX_DAYS} days or fewer.`)
    return { from, to, days }
  })
}

/** The range in a request's search params, in the client's calendar; errors by field when refused. */
export function parseSummaryRange(params: URLSearchParams, timeZone: string, now = clock.now()): ParsedRange {
  const values = { from: params.get('from') ?? '', to: params.get('to') ?? '' }
  const parsed = SummaryRangeSchema(todayIn(timeZone, now)).safeParse(values)
  if (parsed.success) return { ok: true, range: parsed.data }
  const errors: RangeErrors = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === 'to' ? 'to' : 'from'
    errors[field] = [...(errors[field] ?? []), issue.message]
  }
  return { ok: false, values, errors }
}
