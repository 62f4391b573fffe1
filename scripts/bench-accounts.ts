// The benchmark's server and accounts: the demo server on a throwaway database, and the people
// each route is measured as (the demo client and admin, a client part-way through a check-in, a
// client with a year of tracking, a key worker with 200 clients, clients part-way through a module).
import { type ChildProcess, spawn } from 'node:child_process'
import { eq } from 'drizzle-orm'
import { hashPassphrase } from '#app/domain/accounts/passphrase.server.ts'
import { openDatabase } from '#db/client.ts'
import { users } from '#db/schema/index.ts'
import { seedCaseload } from '#db/seed-caseload.ts'
import { DEMO_ACCOUNTS } from '#db/seed-demo.ts'
import { seedHeavyClient } from '#db/seed-heavy.ts'

export const PORT = Number(process.env.BENCH_PORT || 3200)
export const BASE = `http://127.0.0.1:${PORT}`
/** Its first two steps are a read step and a rating, which the POST benchmark goes between. */
export const BENCH_MODULE = 'riding-out-urges'

export async function startServer(databasePath: string): Promise<ChildProcess> {
  const server = spawn('node_modules/.bin/tsx', ['scripts/demo.ts'], {
    env: { ...process.env, PORT: String(PORT), DATABASE_PATH: databasePath, RATE_LIMIT_FACTOR: '1000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return server
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  server.kill()
  throw new Error('The server did not start within 20 seconds')
}

export async function signIn(role: 'client' | 'admin'): Promise<string> {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)
  if (!account) throw new Error(`No demo ${role}`)
  const response = await fetch(`${BASE}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: BASE },
    body: new URLSearchParams({ username: account.username, passphrase: account.passphrase }),
  })
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  if (response.status !== 302 || !cookie) throw new Error(`Could not sign in as ${role} (status ${response.status})`)
  return cookie
}

export const form = (body: Record<string, string>, cookie = '') => ({
  method: 'POST',
  redirect: 'manual' as const,
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: BASE, Cookie: cookie },
  body: new URLSearchParams(body),
})

/** A new client part-way through an assessment (on its first page). */
export async function assessingClient(): Promise<string> {
  const signup = await fetch(
    `${BASE}/signup`,
    form({ username: `bench-${Date.now()}`, passphrase: 'bench client passphrase' }),
  )
  const cookie = signup.headers.get('set-cookie')?.split(';')[0] ?? ''
  const start = await fetch(`${BASE}/assessment`, form({ substances: 'alcohol', main: 'alcohol' }, cookie))
  if (start.status !== 302) throw new Error(`Could not start an assessment (status ${start.status})`)
  return cookie
}

/**
 * A new client with a year of tracking, seeded straight into the server's database file (WAL
 * lets this process write while the server has it open).
 */
export async function heavyClient(databasePath: string): Promise<string> {
  const username = `bench-heavy-${Date.now()}`
  const signup = await fetch(`${BASE}/signup`, form({ username, passphrase: 'bench client passphrase' }))
  const cookie = signup.headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error(`Could not sign up the heavy client (status ${signup.status})`)
  const db = openDatabase(databasePath)
  try {
    const user = db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()
    if (!user) throw new Error('The heavy client is not in the database')
    seedHeavyClient(db, user.id)
  } finally {
    db.$client.close()
  }
  return cookie
}

const KEYWORKER_PASSPHRASE = 'bench keyworker passphrase'

/**
 * A key worker with a caseload of 200 seeded clients, made straight in the server's database
 * (staff cannot sign up), then signed in; with the link id of a client who shares everything.
 */
export async function keyworker(databasePath: string): Promise<{ cookie: string; linkId: string }> {
  const username = `bench-keyworker-${Date.now()}`
  let linkId = ''
  const passphraseHash = await hashPassphrase(KEYWORKER_PASSPHRASE)
  const db = openDatabase(databasePath)
  try {
    const worker = db
      .insert(users)
      .values({ username, role: 'keyworker', passphraseHash })
      .returning({ id: users.id })
      .get()
    const links = seedCaseload(db, worker.id, 200)
    const full = links.find((link) => Object.values(link.scopes).every(Boolean))
    if (!full) throw new Error('No seeded client shares everything')
    linkId = full.linkId
  } finally {
    db.$client.close()
  }
  const response = await fetch(`${BASE}/login`, form({ username, passphrase: KEYWORKER_PASSPHRASE }))
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  if (response.status !== 302 || !cookie) throw new Error(`Could not sign in the key worker (${response.status})`)
  return { cookie, linkId }
}

/** A new client who has started the bench module (on its first step). */
export async function moduleClient(n: number): Promise<string> {
  const signup = await fetch(
    `${BASE}/signup`,
    form({ username: `bench-m${n}-${Date.now()}`, passphrase: 'bench client passphrase' }),
  )
  const cookie = signup.headers.get('set-cookie')?.split(';')[0] ?? ''
  const start = await fetch(`${BASE}/modules/${BENCH_MODULE}`, form({ intent: 'start' }, cookie))
  if (start.status !== 302) throw new Error(`Could not start a module (status ${start.status})`)
  return cookie
}
