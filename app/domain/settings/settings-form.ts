// The settings form's schema: the service settings, with up to MAX_CONTACT_ROWS contact rows
// of which blank ones are ignored. Row numbers are kept, so an error shows on the right row.
import { z } from 'zod'
import { MAX_CONTACT_ROWS } from './defaults.ts'
import { CrisisContactSchema, ServiceSettingsSchema } from './settings.ts'

const ContactRowSchema = z
  .object({ name: z.string().optional(), phone: z.string().optional(), description: z.string().optional() })
  .transform((row, ctx) => {
    if (!row.name?.trim() && !row.phone?.trim() && !row.description?.trim()) return null
    const parsed = CrisisContactSchema.safeParse(row)
    if (parsed.success) return parsed.data
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path })
    return z.NEVER
  })

export const SettingsFormSchema = ServiceSettingsSchema.extend({
  crisisContacts: z
    .array(ContactRowSchema)
    .max(MAX_CONTACT_ROWS)
    .default([])
    .transform((rows) => rows.filter((row) => row !== null))
    .refine((rows) => rows.length >= 1, 'Keep at least one crisis contact'),
})
