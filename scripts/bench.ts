// `npm run bench`: starts the production build on a freshly seeded database and measures
// throughput and p95 latency of key routes at 10 connections, next to two bare routes of the
// same server: /healthz (JSON, no page rendering) and a bare page (a static server-rendered
// page: the cost every page pays for the shell). Each route must reach BUDGET of the bare
// page's throughput; the ratio to /healthz is printed too (docs/decisions/0009).
// Later issues add their routes to ROUTES.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import {
  assessingClient,
  BASE,
  BENCH_MODULE,
  form,
  heavyClient,
  keyworker,
  moduleClient,
  signIn,
  startServer,
} from './bench-accounts.ts'
import { benchWorksheets } from './bench-worksheets.ts'

const SECONDS = Number(process.env.BENCH_SECONDS || 5)
const CONNECTIONS = 10
const BUDGET = 0.6
const ROUNDS = 3
const ROUND_SECONDS = Math.max(2, Math.round(SECONDS / 2))

type Who = 'client' | 'admin' | 'assessing' | 'heavy' | 'keyworker'
type Route = {
  name: string
  /** `{linkId}` stands for the bench key worker's link to a client who shares everything. */
  path: string
  as?: Who
  /** A cycle of form posts, each connection as its own client (so posts never race). */
  posts?: Array<Record<string, string>>
  /** An absolute floor in requests per second, instead of the share of the bare page. */
  minRps?: number
}

/** BENCH_ONLY="module step,module list" measures just those routes (matched by name prefix). */
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim())

const BARE_JSON: Route = { name: 'bare JSON', path: '/healthz' }
const BARE_PAGE: Route = { name: 'bare page', path: '/account-deleted' }
const ALL_ROUTES: Route[] = [
  { name: 'start page', path: '/' },
  { name: 'sign-in page', path: '/login' },
  { name: 'help', path: '/help' },
  { name: 'client home', path: '/home', as: 'client' },
  { name: 'privacy', path: '/privacy', as: 'client' },
  { name: 'staff admin', path: '/admin/staff', as: 'admin' },
  { name: 'assessment page', path: '/assessment/questions', as: 'assessing' },
  { name: 'assessment results', path: '/assessment/results', as: 'client' },
  { name: 'score history', path: '/assessment/history', as: 'client' },
  { name: 'module list', path: '/modules', as: 'client' },
  { name: 'module step', path: `/modules/${BENCH_MODULE}`, as: 'client' },
  // A client with a year of daily use, about three urges a day and weekly goal check-ins.
  { name: 'progress 7d', path: '/progress?range=7', as: 'heavy' },
  { name: 'progress 30d', path: '/progress?range=30', as: 'heavy' },
  { name: 'progress 90d', path: '/progress?range=90', as: 'heavy' },
  { name: 'progress 365d', path: '/progress?range=365', as: 'heavy' },
  // A key worker with 200 clients, each with 60–90 days of history (db/seed-caseload.ts).
  { name: 'caseload', path: '/caseload', as: 'keyworker' },
  { name: 'client page', path: '/caseload/{linkId}', as: 'keyworker' },
  {
    // The urge quick log: one durable insert (WAL, synchronous=FULL) per post; must reach 500/s.
    name: 'quick-log POST',
    path: '/track',
    posts: [{ intensity: '5' }],
    minRps: 500,
  },
  {
    // Forward from the first step and back again: two durable writes per cycle.
    name: 'module step POST',
    path: `/modules/${BENCH_MODULE}`,
    posts: [
      { intent: 'next', step: 'intro' },
      { intent: 'back', step: 'urge-strength' },
    ],
  },
]

const ROUTES = only ? ALL_ROUTES.filter((r) => only.some((name) => r.name.startsWith(name))) : ALL_ROUTES

/** Ids known only once the database is seeded, put into routes' paths. */
const ids = { linkId: '' }
const pathOf = (route: Route) => route.path.replace('{linkId}', ids.linkId)

type Measured = { rps: number; p95: number; bad: number; statuses: string }

/** One autocannon run; `refused` counts 4xx/5xx (and, for pages, redirects) by status. */
function run(options: autocannon.Options, times: number[], refused: Map<number, number>, posting: boolean) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)))
    instance.on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime)
      // A form post answers with a redirect; anything 4xx/5xx is a failure.
      if (status >= 400 || (!posting && status >= 300)) refused.set(status, (refused.get(status) ?? 0) + 1)
    })
  })
}

async function measure(route: Route, cookies: Record<string, string>, seconds = SECONDS, posters: string[] = []) {
  const times: number[] = []
  const refused = new Map<number, number>()
  let results: autocannon.Result[]
  if (route.posts) {
    const posts = route.posts
    // Leave every posting client on the cycle's first step, whatever the last run stopped on.
    const last = posts.at(-1)
    if (last) for (const cookie of posters) await fetch(`${BASE}${pathOf(route)}`, form(last, cookie))
    // One connection per client, each its own autocannon run, so no two race on one module.
    results = await Promise.all(
      posters.slice(0, CONNECTIONS).map((cookie) =>
        run(
          {
            url: `${BASE}${pathOf(route)}`,
            connections: 1,
            duration: seconds,
            requests: posts.map((body) => ({
              method: 'POST' as const,
              headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE, cookie },
              body: new URLSearchParams(body).toString(),
            })),
          },
          times,
          refused,
          true,
        ),
      ),
    )
  } else {
    const headers = route.as ? { cookie: cookies[route.as] ?? '' } : {}
    results = [
      await run(
        { url: `${BASE}${pathOf(route)}`, connections: CONNECTIONS, duration: seconds, headers },
        times,
        refused,
        false,
      ),
    ]
  }
  times.sort((a, b) => a - b)
  const p95 = times[Math.floor(times.length * 0.95)] ?? Number.NaN
  const failures = results.reduce((sum, r) => sum + r.errors + r.timeouts, 0)
  const bad = [...refused.values()].reduce((a, b) => a + b, 0) + failures
  const statuses = [...refused].map(([status, count]) => `${count}× ${status}`).join(', ')
  const rps = results.reduce((sum, r) => sum + r.requests.average, 0)
  return { rps, p95, bad, statuses } satisfies Measured
}

const dir = mkdtempSync(join(tmpdir(), 'foothold-bench-'))
const databasePath = join(dir, 'bench.db')
const server = await startServer(databasePath)
let failed = false
try {
  const worker = await keyworker(databasePath)
  ids.linkId = worker.linkId
  const cookies = {
    client: await signIn('client'),
    admin: await signIn('admin'),
    assessing: await assessingClient(),
    heavy: await heavyClient(databasePath),
    keyworker: worker.cookie,
  }
  await fetch(`${BASE}/modules/${BENCH_MODULE}`, form({ intent: 'start' }, cookies.client))
  const posters: string[] = []
  for (let n = 0; n < CONNECTIONS; n++) posters.push(await moduleClient(n))
  // Warm every route up first, so the JIT has compiled each code path before timing starts.
  for (const route of [BARE_JSON, BARE_PAGE, ...ROUTES]) await measure(route, cookies, 2, posters)
  const json = await measure(BARE_JSON, cookies)
  let bare = await measure(BARE_PAGE, cookies)
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per route; budget: ≥ ${BUDGET * 100}% of the bare page`)
  console.log(
    `(each route is measured in ${ROUNDS} rounds of ${ROUND_SECONDS} s, each next to a round of the bare page as the same user; the verdict is the median of the ${ROUNDS} ratios)\n`,
  )
  console.log(
    `${'route'.padEnd(40)}${'req/s'.padStart(8)}${'p95 ms'.padStart(9)}${'vs page'.padStart(9)}${'page'.padStart(7)}${'vs JSON'.padStart(9)}`,
  )
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`
  const row = (route: Route, r: { rps: number; p95: number }, verdict = '', ratio = r.rps / bare.rps) =>
    console.log(
      `${`${route.name} ${pathOf(route)}`.padEnd(40)}${r.rps.toFixed(0).padStart(8)}${r.p95.toFixed(1).padStart(9)}${`${(ratio * 100).toFixed(0)}%`.padStart(9)}${bare.rps.toFixed(0).padStart(7)}${pct(r.rps, json.rps).padStart(9)}  ${verdict}`,
    )
  row(BARE_JSON, json)
  row(BARE_PAGE, bare)
  for (const route of ROUTES) {
    let result: Measured
    let ratio = 0
    if (route.minRps) result = await measure(route, cookies, SECONDS, posters)
    else {
      // This machine's speed drifts by more than the differences measured (and the load generator
      // shares its two cores): each round pairs the route with a bare-page run beside it, and the
      // median of the rounds' ratios decides. The bare page is asked for as the same user, so it
      // pays the same shell (the session, the signed-in navigation) and the ratio shows what the
      // route's own data and rendering add, as ADR 0009 means it to.
      const rounds: Array<{ bare: Measured; route: Measured }> = []
      for (let i = 0; i < ROUNDS; i++)
        rounds.push({
          bare: await measure({ ...BARE_PAGE, as: route.as }, cookies, ROUND_SECONDS),
          route: await measure(route, cookies, ROUND_SECONDS, posters),
        })
      rounds.sort((a, b) => a.route.rps / a.bare.rps - b.route.rps / b.bare.rps)
      const middle = rounds[Math.floor(ROUNDS / 2)] ?? rounds[0]
      if (!middle) throw new Error('No rounds measured')
      bare = middle.bare
      ratio = middle.route.rps / middle.bare.rps
      result = { ...middle.route, bad: rounds.reduce((sum, r) => sum + r.route.bad, 0) }
    }
    const ok = (route.minRps ? result.rps >= route.minRps : ratio >= BUDGET) && result.bad === 0
    if (!ok) failed = true
    const verdict = ok
      ? 'ok'
      : result.bad
        ? `FAIL (${result.bad} bad responses: ${result.statuses || 'errors/timeouts'})`
        : 'FAIL'
    row(route, result, verdict, route.minRps ? result.rps / bare.rps : ratio)
  }
  console.log('\nWorksheet PDFs (rendered in process, median of 50)')
  for (const sheet of await benchWorksheets()) {
    if (!sheet.ok) failed = true
    console.log(
      `${`worksheet ${sheet.kind}`.padEnd(40)}${sheet.medianMs.toFixed(1).padStart(8)} ms  ${sheet.ok ? 'ok' : 'FAIL'}`,
    )
  }
} finally {
  server.kill()
  rmSync(dir, { recursive: true, force: true })
}
process.exitCode = failed ? 1 : 0
