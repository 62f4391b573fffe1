// Username rules, shared by the sign-up form, the invite form and the admin command.
import { z } from 'zod'

export const UsernameSchema = z
  .string({ error: 'Enter a username' })
  .trim()
  .min(3, 'Your username needs at least 3 characters')
  .max(30, 'Your username can have at most 30 characters')
  .regex(/^[a-zA-Z0-9._-]+$/, 'Use only letters, numbers, dots, dashes and underscores (no spaces)')
  .transform((u) => u.toLowerCase())
