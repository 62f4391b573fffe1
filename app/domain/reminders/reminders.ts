// "Add to my calendar" (issue 15 §4; hazard H-040): the form's schema. The client picks the
// title every event carries (neutral by default), which reminders, the time and, for weekly
// ones, the day. A plain .ts file: the page uses it too.
import { z } from 'zod'

export const DEFAULT_TITLE = 'Foothold check-in'
export const TITLE_MAX = 60
/** Monday first, as the tracking tables count weekdays (0 = Monday). */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const

const ticked = z
  .literal('on', { error: 'Tick the box or leave it empty' })
  .optional()
  .transform((value) => value === 'on')

export const ReminderFormSchema = z
  .object({
    title: z
      .string({ error: 'Enter a title for the reminders' })
      .trim()
      .min(1, 'Enter a title for the reminders')
      .max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters`),
    checkIn: ticked,
    goals: ticked,
    log: z.enum(['none', 'daily', 'weekly'], { error: 'Choose how often to be reminded to log' }).default('none'),
    time: z.string({ error: 'Enter a time' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 19:30'),
    weekday: z.enum(['0', '1', '2', '3', '4', '5', '6'], { error: 'Choose a day' }).transform(Number),
  })
  .refine((form) => form.checkIn || form.goals || form.log !== 'none', {
    path: ['checkIn'],
    message: 'Choose at least one reminder',
  })
export type ReminderForm = z.infer<typeof ReminderFormSchema>
