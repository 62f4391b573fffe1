// Passphrase rules and hashing. NIST SP 800-63B and OWASP: length 8–128, no composition rules,
// refuse well-known passwords; argon2id at OWASP's minimum parameters (19 MiB, t=2, p=1).
import { hash, verify } from '@node-rs/argon2'
import { z } from 'zod'
import { isCommonPassphrase } from './common-passphrases.ts'

export const PASSPHRASE_MIN = 8
export const PASSPHRASE_MAX = 128

export const PassphraseSchema = z
  .string({ error: 'Enter a passphrase' })
  .min(PASSPHRASE_MIN, `Your passphrase needs at least ${PASSPHRASE_MIN} characters`)
  .max(PASSPHRASE_MAX, `Your passphrase can have at most ${PASSPHRASE_MAX} characters`)
  .refine((p) => !isCommonPassphrase(p), {
    message:
      'That passphrase is one of the most common ones, so it is easy to guess. Try a few words you will remember.',
  })

/** argon2id, OWASP Password Storage Cheat Sheet minimum: m=19 MiB, t=2, p=1. */
const ARGON2_OPTIONS = {
  // Algorithm.Argon2id; the library's const enum cannot be imported under isolatedModules.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const

export function hashPassphrase(passphrase: string): Promise<string> {
  return hash(passphrase, ARGON2_OPTIONS)
}

export async function verifyPassphrase(passphraseHash: string, passphrase: string): Promise<boolean> {
  try {
    return await verify(passphraseHash, passphrase)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | undefined

/**
 * Spends the same time as a real check when the username does not exist, so response timing
 * does not reveal which usernames are taken.
 */
export async function verifyAgainstDummy(passphrase: string): Promise<false> {
  dummyHash ??= hashPassphrase('foothold-timing-equaliser')
  await verifyPassphrase(await dummyHash, passphrase)
  return false
}
