// Staff roles and invite terms, shared by the admin page and staff.server.ts.
import type { Role } from '#db/schema/users.ts'

export const STAFF_ROLES = ['keyworker', 'clinician', 'admin'] as const satisfies readonly Role[]
export type StaffRole = (typeof STAFF_ROLES)[number]

export const INVITE_DAYS = 7
