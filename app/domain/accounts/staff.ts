// Staff roles and invite terms, shared by the admin page and staff.server.ts.
import type { Role } from '#db/schema/users.ts'

export const STAFF_ROLES = ['keyworker', 'clinician', 'admin'] as const satisfies readonly Role[]
export type StaffRole = (typeof STAFF_ROLES)[number]

export const INVITE_DAYS = 7

/** How long a passphrase-reset link works: long enough to pass on today, short enough to go stale. */
export const RESET_HOURS = 24
