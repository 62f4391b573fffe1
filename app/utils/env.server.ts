// Environment, validated once with zod so a mistyped setting stops the server at boot with a
// clear message instead of misbehaving later.
import { z } from 'zod'

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true')

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** The SQLite file; read by db/client.ts. */
  DATABASE_PATH: z.string().min(1).default('./data/foothold.db'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Express "trust proxy": a hop count, "loopback", or addresses. Unset: no proxy is trusted. */
  TRUST_PROXY: z
    .string()
    .min(1)
    .transform((v) => (/^\d+$/.test(v) ? Number(v) : v))
    .optional(),
  /** Demo mode: the `npm run demo` start. Only then do accounts with known passphrases exist. */
  FOOTHOLD_DEMO: flag.default(false),
  /** Secure + __Host- cookies. Defaults to on in production unless in demo mode (plain http). */
  COOKIE_SECURE: flag.optional(),
  /** How long a client's session may sit unused, in days (shared devices: 30 minutes). */
  CLIENT_IDLE_DAYS: z.coerce.number().int().min(1).max(30).default(7),
  /** How many days after an assessment a reassessment is offered. */
  REASSESS_DAYS: z.coerce.number().int().min(1).max(365).default(28),
  /** Multiplies every rate limit; tests that sign in many times raise it. */
  RATE_LIMIT_FACTOR: z.coerce.number().positive().max(1000).default(1),
  /** How many server processes `npm start` runs (server.ts). Unset: one per CPU core. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** How many requests one server process answers at a time; one more gets a quick 503 (app/http/overload.server.ts). */
  MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(64),
})

export type Env = z.infer<typeof EnvSchema>

let cached: Env | undefined

export function getEnv(): Env {
  if (cached) return cached
  const parsed = EnvSchema.safeParse(process.env)
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`)
  }
  cached = parsed.data
  return cached
}

export function secureCookiesEnabled(
  env: Pick<Env, 'NODE_ENV' | 'FOOTHOLD_DEMO' | 'COOKIE_SECURE'> = getEnv(),
): boolean {
  return env.COOKIE_SECURE ?? (env.NODE_ENV === 'production' && !env.FOOTHOLD_DEMO)
}
