// Share codes: short enough to read out or copy from a phone, from an alphabet without the
// characters people confuse (0/O, 1/I/L), single use, and good for 48 hours. Only a SHA-256 of
// the code is stored; the code itself exists in the client's browser and the worker's hands.
import { createHash, randomInt } from 'node:crypto'

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const CODE_LENGTH = 8
export const CODE_LIFETIME_MS = 48 * 60 * 60 * 1000

/** A new code, 8 characters drawn uniformly from the alphabet (about 40 bits). */
export function generateShareCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

/** How the code is shown: two groups of four, "ABCD-EFGH". */
export function formatShareCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/**
 * What a worker typed, as a code: any case, with spaces or dashes, and the look-alikes people
 * type for the characters left out (O for 0 is not in the alphabet, so O stays O). Null when it
 * cannot be a code at all.
 */
export function normaliseShareCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '')
  if (code.length !== CODE_LENGTH) return null
  for (const char of code) if (!CODE_ALPHABET.includes(char)) return null
  return code
}

export function hashShareCode(code: string): string {
  return createHash('sha256').update(`foothold-share-code:${code}`).digest('hex')
}

/** Whether a code made at `expiresAt` can still be used at `now`. */
export function codeIsLive(code: { expiresAt: Date; usedAt: Date | null }, now: Date): boolean {
  return code.usedAt === null && code.expiresAt.getTime() > now.getTime()
}
