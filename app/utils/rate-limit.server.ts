// Fixed-window rate limits kept in memory. Foothold runs as one process on one machine, so a
// Map is enough; a restart clears it, which only ever lets a few more attempts through.
import { getEnv } from './env.server.ts'

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number }

const MAX_KEYS = 50_000

export class RateLimiter {
  #windows = new Map<string, { count: number; resetAt: number }>()

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt for the key and says whether it may go ahead. */
  hit(key: string): RateLimitResult {
    const now = this.now()
    let window = this.#windows.get(key)
    if (!window || window.resetAt <= now) {
      if (this.#windows.size >= MAX_KEYS) this.#prune(now)
      window = { count: 0, resetAt: now + this.windowMs }
      this.#windows.set(key, window)
    }
    window.count += 1
    if (window.count > this.limit) {
      return { allowed: false, retryAfterSeconds: Math.ceil((window.resetAt - now) / 1000) }
    }
    return { allowed: true }
  }

  /** Forgets a key, e.g. a username after a successful sign-in. */
  reset(key: string): void {
    this.#windows.delete(key)
  }

  #prune(now: number): void {
    for (const [key, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(key)
    // Still full of live windows: drop the oldest half rather than grow without bound.
    if (this.#windows.size >= MAX_KEYS) {
      let drop = Math.floor(this.#windows.size / 2)
      for (const key of this.#windows.keys()) {
        if (drop-- <= 0) break
        this.#windows.delete(key)
      }
    }
  }
}

const MINUTE = 60_000
const factor = () => getEnv().RATE_LIMIT_FACTOR

let limiters: ReturnType<typeof createLimiters> | undefined

function createLimiters() {
  return {
    loginPerIp: new RateLimiter(30 * factor(), 15 * MINUTE),
    loginPerUsername: new RateLimiter(10 * factor(), 15 * MINUTE),
    signupPerIp: new RateLimiter(10 * factor(), 60 * MINUTE),
    signupPerUsername: new RateLimiter(5 * factor(), 60 * MINUTE),
    invitePerIp: new RateLimiter(20 * factor(), 15 * MINUTE),
    /** Share codes are about 40 bits: 10 tries per worker and 30 per address an hour make guessing hopeless. */
    redeemPerWorker: new RateLimiter(10 * factor(), 60 * MINUTE),
    redeemPerIp: new RateLimiter(30 * factor(), 60 * MINUTE),
  }
}

export function getLimiters() {
  limiters ??= createLimiters()
  return limiters
}

/** Checks every (limiter, key) pair, counting an attempt against each; the first refusal wins. */
export function checkLimits(checks: Array<[RateLimiter, string]>): RateLimitResult {
  let refused: RateLimitResult = { allowed: true }
  for (const [limiter, key] of checks) {
    const result = limiter.hit(key)
    if (!result.allowed && refused.allowed) refused = result
  }
  return refused
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return `Too many attempts. For your safety, please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again. If you need help now, the Help page (linked at the bottom of every page) lists crisis contacts.`
}
