// More than one server process on one SQLite file (ADR 0017). These start the production build
// themselves (`node build/main/server.js`) on their own ports and temporary databases, beside the
// suite's demo server: two single-process servers share one file, so that which process answers
// each attempt is certain; then `npm start`'s cluster is started, a process is killed and
// replaced, and SIGTERM stops them all.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'

const FIRST_PORT = Number(process.env.E2E_PORT || 3100) + 100
/** The sign-in limit per username in a window (rate-limit.server.ts), at RATE_LIMIT_FACTOR 1. */
const SIGN_IN_LIMIT = 10

let dir: string
const started: ChildProcess[] = []

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'foothold-processes-'))
})

test.afterAll(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

function startServer(port: number, database: string, processes: number): ChildProcess {
  const child = spawn(process.execPath, ['build/main/server.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: database,
      WEB_CONCURRENCY: String(processes),
      RATE_LIMIT_FACTOR: '1',
      FOOTHOLD_DEMO: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk))
  started.push(child)
  return child
}

/** One request on a new connection (no keep-alive), so the cluster may hand each to any process. */
function send(port: number, method: 'GET' | 'POST', path: string, form?: Record<string, string>) {
  const body = form ? new URLSearchParams(form).toString() : undefined
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: {
          Connection: 'close',
          Origin: `http://localhost:${port}`,
          Host: `localhost:${port}`,
          ...(body
            ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(Buffer.byteLength(body)) }
            : {}),
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

async function waitHealthy(port: number, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    try {
      if ((await send(port, 'GET', '/healthz')) === 200) return
    } catch {
      // Not listening yet.
    }
    if (Date.now() > until) throw new Error(`No answer from /healthz on port ${port}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const signInAttempt = (port: number, username: string) =>
  send(port, 'POST', '/login', { username, passphrase: 'not the right passphrase at all', redirectTo: '' })

const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number)
  } catch {
    return []
  }
}

test('two server processes on one database count sign-in attempts together', async () => {
  test.setTimeout(60_000)
  const database = join(dir, 'two.db')
  const [a, b] = [FIRST_PORT, FIRST_PORT + 1]
  startServer(a, database, 1)
  await waitHealthy(a)
  startServer(b, database, 1)
  await waitHealthy(b)

  // Attempts alternate between the two processes; neither has seen more than half of them.
  const statuses: number[] = []
  for (let i = 0; i < SIGN_IN_LIMIT; i++) statuses.push(await signInAttempt(i % 2 ? b : a, 'sam'))
  expect(statuses).toEqual(Array(SIGN_IN_LIMIT).fill(400))
  // The next attempt is refused, whichever process answers it.
  expect(await signInAttempt(a, 'sam')).toBe(429)
  expect(await signInAttempt(b, 'sam')).toBe(429)
  // Another username is not held up by sam's attempts.
  expect(await signInAttempt(b, 'alex')).toBe(400)
})

test('npm start runs WEB_CONCURRENCY processes, replaces one that dies, and stops them all on SIGTERM', async () => {
  test.setTimeout(60_000)
  const port = FIRST_PORT + 2
  const primary = startServer(port, join(dir, 'cluster.db'), 2)
  await waitHealthy(port)
  await expect.poll(() => childrenOf(primary.pid ?? 0).length, { timeout: 15_000 }).toBe(2)

  // The limit holds across the cluster, whichever process takes each new connection.
  const statuses: number[] = []
  for (let i = 0; i <= SIGN_IN_LIMIT; i++) statuses.push(await signInAttempt(port, 'robin'))
  expect(statuses).toEqual([...Array(SIGN_IN_LIMIT).fill(400), 429])

  const [victim] = childrenOf(primary.pid ?? 0)
  process.kill(victim ?? 0, 'SIGKILL')
  await expect
    .poll(
      () => {
        const now = childrenOf(primary.pid ?? 0)
        return now.length === 2 && !now.includes(victim ?? 0)
      },
      { timeout: 15_000 },
    )
    .toBe(true)
  await waitHealthy(port)
  // Still refused after the restart: the count is in the database, not in the process that died.
  expect(await signInAttempt(port, 'robin')).toBe(429)

  const exited = new Promise<number | null>((resolve) => primary.on('exit', (code) => resolve(code)))
  const workers = childrenOf(primary.pid ?? 0)
  primary.kill('SIGTERM')
  expect(await exited).toBe(0)
  for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow()
})
