// Helpers for calling loaders and actions directly in integration tests.

import { createUser } from '#app/domain/accounts/account.server.ts'
import { createSession } from '#app/domain/accounts/session.server.ts'
import type { Role } from '#db/schema/index.ts'

let counter = 0

/** A new account with a unique username; its passphrase is `passphrase`. */
export async function makeUser(role: Role = 'client', passphrase = 'correct horse battery') {
  counter += 1
  return createUser({ username: `${role}-${counter}-${Date.now() % 100000}`, passphrase, role })
}

/** The Cookie header value for a Set-Cookie header. */
export function cookieFrom(setCookie: string): string {
  return setCookie.split(';')[0] ?? ''
}

export async function signedInCookie(
  user: { id: string; role: Role },
  options?: { sharedDevice?: boolean },
  now?: Date,
) {
  return cookieFrom(await createSession(user, options, now))
}

export function makeRequest(
  path: string,
  { cookie, method = 'GET', form }: { cookie?: string; method?: string; form?: Record<string, string> } = {},
) {
  const headers = new Headers()
  if (cookie) headers.set('Cookie', cookie)
  const body = form ? new URLSearchParams(form) : undefined
  if (body) headers.set('Content-Type', 'application/x-www-form-urlencoded')
  return new Request(`http://localhost${path}`, { method: form ? 'POST' : method, headers, body })
}

export const loadContext = { clientIp: '127.0.0.1', cspNonce: 'test' }
