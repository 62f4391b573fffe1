// `npm run lighthouse`: Lighthouse 12 (mobile preset: a mid-range phone, simulated slow 4G and
// a 4× slower CPU) on the main pages of each role, against the production build served with the
// demo data (the demo client has a year of tracking). Prints performance, accessibility and best
// practices per page, and exits non-zero when any page scores below 95 / 100 / 100.
// Uses Debian's Chromium ($CHROMIUM_PATH to use another). Signed-in pages get the session
// cookie as a header. Run after `npm run build` (the npm script builds first).
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import lighthouse from 'lighthouse'
import { openDatabase } from '#db/client.ts'
import { careLinks, users } from '#db/schema/index.ts'
import { DEMO_ACCOUNTS } from '#db/seed-demo.ts'

const PORT = Number(process.env.LIGHTHOUSE_PORT || 3400)
/** Chromium's DevTools port, which Lighthouse drives. */
const DEVTOOLS_PORT = PORT + 1
const BASE = `http://localhost:${PORT}`
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const BUDGET = { performance: 95, accessibility: 100, 'best-practices': 100 } as const
type Category = keyof typeof BUDGET
type Role = 'client' | 'keyworker' | 'admin' | null

async function startServer(databasePath: string): Promise<ChildProcess> {
  const server = spawn('node_modules/.bin/tsx', ['scripts/demo.ts'], {
    env: { ...process.env, PORT: String(PORT), DATABASE_PATH: databasePath, RATE_LIMIT_FACTOR: '1000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return server
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  server.kill()
  throw new Error('The server did not start within 30 seconds')
}

async function signIn(role: Exclude<Role, null>): Promise<string> {
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

/** Headless Chromium with the flags Debian's build needs here, and a throwaway profile. */
async function startChromium(profile: string): Promise<ChildProcess> {
  const chromium = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      `--remote-debugging-port=${DEVTOOLS_PORT}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  )
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${DEVTOOLS_PORT}/json/version`)).ok) return chromium
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  chromium.kill()
  throw new Error('Chromium did not start within 10 seconds')
}

/** The demo key worker's link to the demo client (who shares everything). */
function demoClientLink(databasePath: string): string {
  const db = openDatabase(databasePath)
  try {
    const client = db.select({ id: users.id }).from(users).where(eq(users.username, 'demo-client')).get()
    const link = client && db.select().from(careLinks).where(eq(careLinks.clientId, client.id)).get()
    if (!link) throw new Error('The demo client has no key worker link')
    return link.id
  } finally {
    db.$client.close()
  }
}

if (!existsSync(CHROMIUM))
  throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH.`)
const dir = mkdtempSync(join(tmpdir(), 'foothold-lighthouse-'))
const databasePath = join(dir, 'foothold.db')
const started = performance.now()
const server = await startServer(databasePath)
const chrome = await startChromium(join(dir, 'profile'))
let failed = false
try {
  const linkId = demoClientLink(databasePath)
  const pages: Array<{ role: Role; path: string }> = [
    { role: null, path: '/' },
    { role: null, path: '/help' },
    { role: null, path: '/login' },
    { role: 'client', path: '/home' },
    { role: 'client', path: '/track' },
    { role: 'client', path: '/progress' },
    { role: 'client', path: '/modules' },
    { role: 'client', path: '/assessment/results' },
    { role: 'keyworker', path: '/caseload' },
    { role: 'keyworker', path: `/caseload/${linkId}` },
    { role: 'admin', path: '/admin/settings' },
  ]
  const cookies = new Map<Role, string>()
  console.log(`${'page'.padEnd(50)} perf  a11y  best  (TBT, weight)`)
  for (const { role, path } of pages) {
    if (role && !cookies.has(role)) cookies.set(role, await signIn(role))
    const cookie = role ? cookies.get(role) : undefined
    const result = await lighthouse(
      `${BASE}${path}`,
      {
        port: DEVTOOLS_PORT,
        output: 'json',
        logLevel: 'error',
        onlyCategories: Object.keys(BUDGET),
        extraHeaders: cookie ? { Cookie: cookie } : undefined,
      },
      // The default config is the mobile preset with simulated throttling.
    )
    if (!result) throw new Error(`Lighthouse gave no result for ${path}`)
    const { lhr } = result
    if (lhr.finalDisplayedUrl !== `${BASE}${path}`)
      throw new Error(`${path} ended at ${lhr.finalDisplayedUrl}: a redirect (signed out?)`)
    const scores = Object.keys(BUDGET).map((key) => Math.round((lhr.categories[key]?.score ?? 0) * 100))
    const low = (Object.keys(BUDGET) as Category[]).filter((key, i) => (scores[i] ?? 0) < BUDGET[key])
    if (low.length > 0) failed = true
    const tbt = lhr.audits['total-blocking-time']?.numericValue ?? 0
    const bytes = lhr.audits['total-byte-weight']?.numericValue ?? 0
    const name = `${role ?? 'signed out'} ${path.replace(linkId, ':linkId')}`
    console.log(
      `${name.padEnd(50)} ${scores.map((s) => String(s).padStart(4)).join('  ')}  (${Math.round(tbt)} ms, ${Math.round(bytes / 1024)} KiB)${low.length ? `  BELOW: ${low.join(', ')}` : ''}`,
    )
    // Say why, for what failed: each failing audit of a low category.
    for (const key of low)
      for (const ref of lhr.categories[key]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id]
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9)
          console.log(`    ${key}: ${audit.id} ${audit.displayValue ?? ''} (${Math.round(audit.score * 100)})`)
      }
  }
} finally {
  // Chromium writes its profile until it has gone: wait for it before removing the folder.
  const closed = new Promise((resolve) => chrome.once('exit', resolve))
  chrome.kill()
  server.kill()
  await closed
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
}
console.log(`\n${((performance.now() - started) / 1000).toFixed(0)} s. Budget: ${Object.values(BUDGET).join(' / ')}.`)
if (failed) {
  console.log('Some pages are below the budget.')
  process.exitCode = 1
}
