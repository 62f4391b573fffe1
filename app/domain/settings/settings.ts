// Service settings as data: their zod schemas and UK defaults. Shared by the admin form, the
// settings store (settings.server.ts) and the page shell.
import { z } from 'zod'
import { DEFAULT_QUICK_EXIT_URL, DEFAULT_SERVICE_NAME } from './defaults.ts'

export const CrisisContactSchema = z.object({
  name: z.string({ error: 'Enter a name' }).trim().min(1, 'Enter a name').max(80, 'Keep the name under 80 characters'),
  phone: z
    .string({ error: 'Enter a phone number' })
    .trim()
    .min(1, 'Enter a phone number')
    .max(30, 'Keep the number under 30 characters')
    .regex(/^[0-9+ ()-]+$/, 'Use only digits, spaces, +, ( ) and -'),
  description: z.string().trim().max(200, 'Keep the description under 200 characters').default(''),
})

export const ServiceSettingsSchema = z.object({
  serviceName: z
    .string({ error: 'Enter the service name' })
    .trim()
    .min(1, 'Enter the service name')
    .max(80, 'Keep the name under 80 characters'),
  crisisContacts: z.array(CrisisContactSchema).min(1, 'Keep at least one crisis contact').max(8),
  quickExitUrl: z
    .url({ protocol: /^https$/, error: 'Enter a full https:// address' })
    .max(300, 'Keep the address under 300 characters'),
})

export type ServiceSettings = z.infer<typeof ServiceSettingsSchema>
export type CrisisContact = z.infer<typeof CrisisContactSchema>

/** UK defaults, from CLINICAL.md's safety rules. A service replaces them with its own. */
export const DEFAULT_SETTINGS: ServiceSettings = {
  serviceName: DEFAULT_SERVICE_NAME,
  crisisContacts: [
    { name: 'Emergency services', phone: '999', description: 'If you or someone else is in danger right now.' },
    { name: 'NHS 111', phone: '111', description: 'Urgent medical help or advice, any time, day or night.' },
    {
      name: 'Samaritans',
      phone: '116 123',
      description: 'Free, any time, to talk about anything that is upsetting you.',
    },
  ],
  quickExitUrl: DEFAULT_QUICK_EXIT_URL,
}
