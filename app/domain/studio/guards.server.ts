// Who may do what in the studio (issue 14): clinicians author and review; admins may read
// everything (the library, versions, the audit, outcomes) and switch an instrument off, but
// never author or review. Key workers and clients have no access.
import { requireRole } from '#app/domain/accounts/guards.server.ts'
import type { Role, User } from '#db/schema/index.ts'

/** The roles that may author and review content. */
export const STUDIO_AUTHORS: readonly Role[] = ['clinician']
/** The roles that may read the studio. */
export const STUDIO_READERS: readonly Role[] = ['clinician', 'admin']

/** Someone acting in the studio, as the domain functions need them. */
export type Actor = Pick<User, 'id' | 'username' | 'role'>

export const canAuthor = (actor: Pick<User, 'role'>) => STUDIO_AUTHORS.includes(actor.role)
export const canRead = (actor: Pick<User, 'role'>) => STUDIO_READERS.includes(actor.role)

/** A studio page's loader: a clinician or an admin; otherwise sign-in or 403. */
export function requireStudioReader(request: Request): Promise<User> {
  return requireRole(request, ...STUDIO_READERS)
}

/** A studio form's action that changes content: clinicians only; otherwise sign-in or 403. */
export function requireStudioAuthor(request: Request): Promise<User> {
  return requireRole(request, ...STUDIO_AUTHORS)
}

/** Switching an instrument off or on: admins only. */
export function requireStudioAdmin(request: Request): Promise<User> {
  return requireRole(request, 'admin')
}
