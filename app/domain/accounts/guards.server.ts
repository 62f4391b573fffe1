// The guard vocabulary every loader and action starts with.
import { redirect } from '@remix-run/node'
import type { Role, User } from '#db/schema/index.ts'
import { getSession } from './session.server.ts'

// The root loader and the page's own loader both ask who is signed in: look the session up once
// per request (Remix runs them on the same Request object).
const usersOfRequests = new WeakMap<Request, Promise<User | null>>()

export function getUser(request: Request): Promise<User | null> {
  let user = usersOfRequests.get(request)
  if (!user) {
    user = getSession(request).then((session) => session?.user ?? null)
    usersOfRequests.set(request, user)
  }
  return user
}

/** The signed-in user; otherwise a redirect to sign in that comes back here afterwards. */
export async function requireUser(request: Request): Promise<User> {
  const user = await getUser(request)
  if (user) return user
  const url = new URL(request.url)
  const params = new URLSearchParams({ redirectTo: url.pathname })
  throw redirect(`/login?${params}`)
}

/** The signed-in user if their role is one of `roles`; otherwise 403. */
export async function requireRole(request: Request, ...roles: Role[]): Promise<User> {
  const user = await requireUser(request)
  if (!roles.includes(user.role)) {
    throw new Response('You do not have access to this page.', { status: 403 })
  }
  return user
}

/** For sign-in and sign-up pages: someone already signed in goes to their home page. */
export async function requireAnonymous(request: Request): Promise<void> {
  if (await getUser(request)) throw redirect('/home')
}

/** Only same-site paths, so a crafted link cannot bounce someone to another site after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/home'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) {
    return fallback
  }
  return to
}
