// The goals page's own rules, pure: the form a goal is set and edited with (the module goal step's
// answer plus how often to check in, and no deadline already past in the client's own days), and
// the stretch of days one check-in covers (a day, or a Monday-to-Sunday week).
import { z } from 'zod'
import { WEEKDAYS, weekdayOf } from '#app/utils/format.ts'
import { addDays, GoalAnswerSchema } from '#programme/engine/index.ts'

export const FREQUENCIES = ['daily', 'weekly'] as const
export type Frequency = (typeof FREQUENCIES)[number]

export const PAST_DEADLINE = 'That date has passed. Choose today or a later day, or leave it empty.'

/**
 * The goal form for a client whose local date is `today`. A deadline before today is refused;
 * `kept` is an edited goal's saved deadline, which may stay as it was (a title fixed after the
 * date has gone by is not refused for it).
 */
export function goalFormSchema(today: string, kept: string | null = null) {
  return GoalAnswerSchema.extend({
    frequency: z.enum(FREQUENCIES, { error: 'Choose every day or every week' }).default('daily'),
  }).refine((goal) => !goal.byWhen || goal.byWhen >= today || goal.byWhen === kept, {
    path: ['byWhen'],
    message: PAST_DEADLINE,
  })
}
export type GoalForm = z.infer<ReturnType<typeof goalFormSchema>>

/** The first and last local dates that one check-in on `date` covers: the day, or its week from Monday. */
export function checkInPeriod(frequency: Frequency, date: string): { from: string; to: string } {
  if (frequency === 'daily') return { from: date, to: date }
  const from = addDays(date, -WEEKDAYS.indexOf(weekdayOf(date)))
  return { from, to: addDays(from, 6) }
}
