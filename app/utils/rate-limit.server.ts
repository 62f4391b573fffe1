// Fixed-window rate limits kept in the database (ADR 0017, superseding ADR 0005's in-memory
// Map), so that every server process counts the same attempts: an attacker gains nothing from
// landing on another process. Each attempt is one UPSERT that starts a new window or adds one to
// the current one, with the window logic in SQL, so two processes counting at once cannot both
// see the old count. Rows whose window has ended are deleted now and then.
import { eq, lte, sql } from 'drizzle-orm'
import { type Db, getDb } from '#db/client.ts'
import { rateLimits } from '#db/schema/rate-limits.ts'
import { clock } from './clock.server.ts'
import { getEnv } from './env.server.ts'

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/** How often (at most) a process deletes the rows of windows that have ended. */
const PRUNE_EVERY_MS = 60_000

export class RateLimiter {
  #lastPrunedAt = Number.NEGATIVE_INFINITY

  /**
   * @param name keeps this limiter's keys apart from every other limiter's in the shared table.
   * @param options `now` and `db` for tests; the server reads the clock and its own database.
   */
  constructor(
    readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
    readonly options: { now?: () => number; db?: () => Db } = {},
  ) {}

  #now(): number {
    return this.options.now ? this.options.now() : clock.now().getTime()
  }

  #db(): Db {
    return this.options.db ? this.options.db() : getDb()
  }

  #rowKey(key: string): string {
    return `${this.name}:${key}`
  }

  /** Counts one attempt for the key and says whether it may go ahead. */
  async hit(key: string): Promise<RateLimitResult> {
    const now = this.#now()
    const db = this.#db()
    if (now - this.#lastPrunedAt >= PRUNE_EVERY_MS) {
      this.#lastPrunedAt = now
      await db.delete(rateLimits).where(lte(rateLimits.resetAt, now))
    }
    // In ON CONFLICT DO UPDATE, bare column names are the row as it was; excluded.* is the new one.
    const ended = sql`${sql.identifier(rateLimits.resetAt.name)} <= ${now}`
    const [window] = await db
      .insert(rateLimits)
      .values({ key: this.#rowKey(key), count: 1, resetAt: now + this.windowMs })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`CASE WHEN ${ended} THEN 1 ELSE ${sql.identifier(rateLimits.count.name)} + 1 END`,
          resetAt: sql`CASE WHEN ${ended} THEN excluded.reset_at ELSE ${sql.identifier(rateLimits.resetAt.name)} END`,
        },
      })
      .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt })
    if (!window) throw new Error('The rate limit was not counted')
    if (window.count > this.limit) {
      return { allowed: false, retryAfterSeconds: Math.ceil((window.resetAt - now) / 1000) }
    }
    return { allowed: true }
  }

  /** Forgets a key, e.g. a username after a successful sign-in. */
  async reset(key: string): Promise<void> {
    await this.#db()
      .delete(rateLimits)
      .where(eq(rateLimits.key, this.#rowKey(key)))
  }
}

const MINUTE = 60_000
const factor = () => getEnv().RATE_LIMIT_FACTOR

// The limiters themselves hold no counts (those are in the database), only their settings.
let limiters: ReturnType<typeof createLimiters> | undefined

function createLimiters() {
  return {
    loginPerIp: new RateLimiter('loginPerIp', 30 * factor(), 15 * MINUTE),
    loginPerUsername: new RateLimiter('loginPerUsername', 10 * factor(), 15 * MINUTE),
    signupPerIp: new RateLimiter('signupPerIp', 10 * factor(), 60 * MINUTE),
    signupPerUsername: new RateLimiter('signupPerUsername', 5 * factor(), 60 * MINUTE),
    invitePerIp: new RateLimiter('invitePerIp', 20 * factor(), 15 * MINUTE),
    /** Share codes are about 40 bits: 10 tries per worker and 30 per address an hour make guessing hopeless. */
    redeemPerWorker: new RateLimiter('redeemPerWorker', 10 * factor(), 60 * MINUTE),
    redeemPerIp: new RateLimiter('redeemPerIp', 30 * factor(), 60 * MINUTE),
  }
}

export function getLimiters() {
  limiters ??= createLimiters()
  return limiters
}

/** Checks every (limiter, key) pair, counting an attempt against each; the first refusal wins. */
export async function checkLimits(checks: Array<[RateLimiter, string]>): Promise<RateLimitResult> {
  let refused: RateLimitResult = { allowed: true }
  for (const [limiter, key] of checks) {
    const result = await limiter.hit(key)
    if (!result.allowed && refused.allowed) refused = result
  }
  return refused
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return `Too many attempts. For your safety, please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again. If you need help now, the Help page (linked at the bottom of every page) lists crisis contacts.`
}
