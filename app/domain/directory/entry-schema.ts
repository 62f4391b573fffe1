// One directory entry as the CSV and the admin form both write it: the same column names
// (docs/directory-csv.md), the same zod schema, so a row that imports is a row the form accepts.
// Empty cells are `undefined` (conform sends empty fields as missing; the CSV reader does the same).
import { z } from 'zod'
import { DIRECTORY_KINDS, isMeetingKind } from '#programme/engine/directory/kinds.ts'
import { parseOpeningHours, parseSchedule } from '#programme/engine/directory/schedule.ts'
import { isDate, isTimeZone } from '#programme/engine/tracking/time.ts'

/** The CSV header, in order; export writes it and import requires exactly these columns. */
export const CSV_COLUMNS = [
  'id',
  'name',
  'kind',
  'address',
  'town',
  'postcode_district',
  'phone',
  'website',
  'opening_hours',
  'schedule',
  'time_zone',
  'accessibility',
  'languages',
  'last_verified',
] as const

export type CsvColumn = (typeof CSV_COLUMNS)[number]

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters`)
    .optional()
    .transform((value) => value || undefined)

export const EntryIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'An id is up to 64 letters, numbers, - or _')
  // /admin/directory/new is the page that adds an entry.
  .refine((id) => id.toLowerCase() !== 'new', 'An id cannot be "new"')

export const EntrySchema = z
  .object({
    id: EntryIdSchema.optional(),
    name: z
      .string({ error: 'Write the name' })
      .trim()
      .min(1, 'Write the name')
      .max(200, 'The name can be at most 200 characters'),
    kind: z.enum(DIRECTORY_KINDS, { error: `Use one of: ${DIRECTORY_KINDS.join(', ')}` }),
    address: z
      .string({ error: 'Write the address, or "online"' })
      .trim()
      .min(1, 'Write the address, or "online"')
      .max(300, 'The address can be at most 300 characters'),
    town: text(100, 'The town'),
    postcode_district: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{1,2}[0-9][0-9A-Z]?$/, 'Write only the first half of the postcode, like LS1 or M4')
      .optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()-]{2,29}$/, 'Write a phone number using digits, spaces and +')
      .optional(),
    website: z
      .string()
      .trim()
      .max(300, 'The web address can be at most 300 characters')
      .refine(
        (url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol),
        'Write a web address starting https://',
      )
      .optional(),
    opening_hours: z
      .string()
      .trim()
      .max(300)
      .superRefine((value, ctx) => {
        const parsed = parseOpeningHours(value)
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error })
      })
      .optional(),
    schedule: z
      .string()
      .trim()
      .max(60)
      .superRefine((value, ctx) => {
        const parsed = parseSchedule(value)
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error })
      })
      .optional(),
    time_zone: z
      .string()
      .trim()
      .refine(isTimeZone, 'Use a time zone name like Europe/London')
      .optional()
      .transform((zone) => zone ?? 'Europe/London'),
    accessibility: text(500, 'Accessibility notes'),
    languages: text(200, 'Languages'),
    last_verified: z
      .string({ error: 'Write the date it was last checked, like 2026-11-30' })
      .trim()
      .refine(isDate, 'Write the date it was last checked, like 2026-11-30'),
  })
  .superRefine((entry, ctx) => {
    if (isMeetingKind(entry.kind) && !entry.schedule)
      ctx.addIssue({
        code: 'custom',
        path: ['schedule'],
        message: 'A meeting needs a schedule, like "weekly Tue 19:30"',
      })
    if (!isMeetingKind(entry.kind) && entry.schedule)
      ctx.addIssue({ code: 'custom', path: ['schedule'], message: 'Only meetings have a schedule; use opening hours' })
  })

export type EntryInput = z.infer<typeof EntrySchema>
