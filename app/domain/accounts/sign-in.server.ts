// Sign-in and sign-up with rate limits. Failed sign-ins never say whether the username exists.

import { checkLimits, getLimiters, tooManyAttemptsMessage } from '#app/utils/rate-limit.server.ts'
import type { User } from '#db/schema/index.ts'
import { authenticate, createUser, UsernameTakenError } from './account.server.ts'

export const SIGN_IN_FAILED = 'That username and passphrase do not match an account. Check them and try again.'

export type AuthResult =
  | { ok: true; user: User }
  | { ok: false; status: 400 | 429; message: string; field?: 'username' }

export async function signIn(input: { username: string; passphrase: string; ip: string }): Promise<AuthResult> {
  const limiters = getLimiters()
  const username = input.username.toLowerCase()
  const limit = await checkLimits([
    [limiters.loginPerIp, input.ip],
    [limiters.loginPerUsername, username],
  ])
  if (!limit.allowed) return { ok: false, status: 429, message: tooManyAttemptsMessage(limit.retryAfterSeconds) }
  const user = await authenticate(username, input.passphrase)
  if (!user) return { ok: false, status: 400, message: SIGN_IN_FAILED }
  await limiters.loginPerUsername.reset(username)
  return { ok: true, user }
}

export async function signUpClient(input: { username: string; passphrase: string; ip: string }): Promise<AuthResult> {
  const limiters = getLimiters()
  const limit = await checkLimits([
    [limiters.signupPerIp, input.ip],
    [limiters.signupPerUsername, input.username.toLowerCase()],
  ])
  if (!limit.allowed) return { ok: false, status: 429, message: tooManyAttemptsMessage(limit.retryAfterSeconds) }
  try {
    const user = await createUser({ username: input.username, passphrase: input.passphrase, role: 'client' })
    return { ok: true, user }
  } catch (error) {
    if (error instanceof UsernameTakenError)
      return { ok: false, status: 400, message: error.message, field: 'username' }
    throw error
  }
}
