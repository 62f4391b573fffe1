// The bench's day (ADR 0018): a fresh SQLite file seeded with 1,000 clients and 20 key workers
// (db/seed-day.ts), a session for each made straight in the database (as
// app/domain/accounts/session.server.ts makes them), and the app started as production starts it
// (package.json "start" of BENCH_APP_DIR, NODE_ENV=production, the built app) with its process
// tree's memory read from /proc.
import { type ChildProcess, spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createCookie } from '@remix-run/node'
import { hashPassphrase } from '#app/domain/accounts/passphrase.server.ts'
import { openDatabase } from '#db/client.ts'
import { sessions } from '#db/schema/index.ts'
import { type DaySeed, seedDay } from '#db/seed-day.ts'

/** The checkout to measure (its build, its package.json "start", its migrations). */
export const APP_DIR = resolve(process.env.BENCH_APP_DIR || '.')
export const PASSPHRASE = 'bench day passphrase for every account'
/** Production without COOKIE_SECURE uses secure cookies, so this name (session.server.ts). */
const COOKIE_NAME = '__Host-foothold-session'
const DAY = 86_400_000

export type Day = DaySeed & { cookies: Map<string, string>; seedSeconds: number }

export async function seedTheDay(databasePath: string, clients: number, workers: number): Promise<Day> {
  const started = performance.now()
  const passphraseHash = await hashPassphrase(PASSPHRASE)
  const db = openDatabase(databasePath, join(APP_DIR, 'db', 'migrations'))
  const now = new Date()
  const seed = await seedDay(db, { clients, workers, passphraseHash, now })
  // A session per account: the cookie carries a random token, the row only its SHA-256.
  const cookie = createCookie(COOKIE_NAME, { httpOnly: true, sameSite: 'lax', secure: true, path: '/' })
  const cookies = new Map<string, string>()
  const rows: Array<typeof sessions.$inferInsert> = []
  const accounts = [
    ...seed.clients.map((c) => ({ id: c.id, staff: false })),
    ...seed.workers.map((w) => ({ id: w.id, staff: true })),
  ]
  for (const { id, staff } of accounts) {
    const token = randomBytes(32).toString('base64url')
    rows.push({
      idHash: createHash('sha256').update(token).digest('hex'),
      userId: id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + (staff ? 0.5 : 30) * DAY),
      idleSeconds: staff ? 30 * 60 : 30 * 86_400,
      sharedDevice: false,
    })
    cookies.set(id, (await cookie.serialize(token)).split(';')[0] as string)
  }
  db.transaction((tx) => {
    for (let i = 0; i < rows.length; i += 500)
      tx.insert(sessions)
        .values(rows.slice(i, i + 500))
        .run()
  })
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
  db.$client.close()
  return { ...seed, cookies, seedSeconds: (performance.now() - started) / 1000 }
}

export type Server = { process: ChildProcess; startMs: number; base: string; stop: () => Promise<void> }

/** Starts the app as package.json "start" does, and times process start to the first 200 from /healthz. */
export async function startServer(databasePath: string, port: number, processes: number): Promise<Server> {
  const start = JSON.parse(readFileSync(join(APP_DIR, 'package.json'), 'utf8')).scripts.start as string
  const base = `http://127.0.0.1:${port}`
  const taken = await fetch(`${base}/healthz`).then(
    () => true,
    () => false,
  )
  if (taken) throw new Error(`Something already answers on port ${port}: set BENCH_PORT to a free one`)
  const began = performance.now()
  const child = spawn('sh', ['-c', `exec ${start}`], {
    cwd: APP_DIR,
    detached: true,
    env: {
      ...process.env,
      PATH: `${join(APP_DIR, 'node_modules', '.bin')}:${process.env.PATH}`,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: databasePath,
      WEB_CONCURRENCY: String(processes),
      // The bench signs nobody in over HTTP, but many posts come from one address.
      RATE_LIMIT_FACTOR: '1000',
      // scripts/bench-cost.ts may profile the server (e.g. "--import ./scripts/bench-profile.mjs").
      ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    try {
      process.kill(-(child.pid as number), 'SIGTERM')
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
    try {
      process.kill(-(child.pid as number), 'SIGKILL')
    } catch {
      // gone
    }
  }
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode} before answering`)
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) break
    } catch {
      // not up yet
    }
    if (performance.now() - began > 60_000) {
      await stop()
      throw new Error('The server did not answer /healthz within 60 seconds')
    }
    await new Promise((r) => setTimeout(r, 10))
  }
  return { process: child, startMs: performance.now() - began, base, stop }
}

/** Launchers (sh, cross-env, the tsx command line, npm) are not the server: they only wait. */
const LAUNCHER = /^(\S*\/)?(sh|bash|dash)( |$)|cross-env|tsx\/dist\/cli|npm-cli|\.bin\/tsx( |$)/

export type Memory = { pid: number; rssMb: number; command: string; launcher: boolean }

/** Every process under `root` (itself included) with its resident memory, from /proc. */
export function memoryOf(root: number): Memory[] {
  const parents = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parents.set(Number(entry), ppid)
    } catch {
      // ended meanwhile
    }
  }
  const tree = new Set([root])
  for (let grew = true; grew; ) {
    grew = false
    for (const [pid, ppid] of parents)
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid)
        grew = true
      }
  }
  const out: Memory[] = []
  for (const pid of tree) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
      out.push({ pid, rssMb: kb / 1024, command, launcher: LAUNCHER.test(command) })
    } catch {
      // ended meanwhile
    }
  }
  return out
}
