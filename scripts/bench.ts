// `npm run bench`: a real day (ADR 0018). Seeds a fresh SQLite file with 1,000 clients (a year of
// tracking each) and 20 key workers, starts the built app as production does, and drives an
// OPEN-LOOP mix at fixed arrival rates (scripts/bench-load.ts): 60 % client pages, 25 % client
// posts, 15 % key-worker pages, the user changing on every request. It prints p50/p95/p99 per
// route at 100 requests a second, the capacity (the highest rate whose p95 stays ≤ 250 ms) of the
// mix and of the bare page (/account-deleted as the same users, ADR 0009) in the same run, with
// /healthz beside them for reference, the server's memory, the capacity with two
// processes and the time from process start to the first 200 from /healthz; then checks the
// budgets and exits 1 if one is missed.
//
// BENCH_QUICK=1: a smoke run of about two minutes (shorter steps, fewer of them).
// BENCH_APP_DIR=<checkout>: measure another checkout's build (it must have been built).
// BENCH_CLIENTS / BENCH_WORKERS: the size of the day (default 1,000 and 20).
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { APP_DIR, memoryOf, type Server, seedTheDay, startServer } from './bench-day.ts'
import { byRoute, ok, openLoop, type Planned, quiet, type Sample, stats, table } from './bench-load.ts'
import { barePage, firstAssessmentPage, mix } from './bench-mix.ts'

const QUICK = process.env.BENCH_QUICK === '1'
const PORT = Number(process.env.BENCH_PORT || 3400)
const CLIENTS = Number(process.env.BENCH_CLIENTS || 1000)
const WORKERS = Number(process.env.BENCH_WORKERS || 20)
/** Seconds at 100 requests a second, for the per-route table and the budget. */
const MAIN_SECONDS = QUICK ? 10 : 30
/** Seconds per step of the capacity search. */
const STEP_SECONDS = QUICK ? 3 : 6
const CAPACITY_P95_MS = 250
const BUDGET = { rate: 100, p95: 50, p99: 150, errors: 0, capacityShare: 0.5, rssMb: 300 }
const STEPS = [25, 50, 100, 150, 200, 300, 450, 700, 1000, 1500, 2200, 3300]

type Step = { rate: number; p95: number; errors: number; count: number }

/** Steps the arrival rate up until p95 passes CAPACITY_P95_MS (or 1 % fail), then bisects twice. */
async function capacity(
  base: string,
  label: string,
  next: () => Planned | null,
): Promise<{ rate: number; steps: Step[] }> {
  const steps: Step[] = []
  const tryRate = async (rate: number) => {
    const run = await openLoop(base, rate, STEP_SECONDS, next)
    const s = stats(run.samples)
    const step = { rate, p95: s.p95, errors: s.errors, count: s.count }
    steps.push(step)
    const good = s.p95 <= CAPACITY_P95_MS && s.errors <= s.count * 0.01
    console.log(
      `  ${label.padEnd(18)} ${String(rate).padStart(5)} req/s  p95 ${s.p95.toFixed(1).padStart(7)} ms  errors ${s.errors}/${s.count}${run.lateSends > run.sent * 0.05 ? `  (generator late on ${run.lateSends} sends)` : ''}  ${good ? 'ok' : 'over'}`,
    )
    // Let a backlog drain before the next step.
    await quiet(base)
    return good
  }
  let best = 0
  let worst = 0
  for (const rate of STEPS) {
    if (await tryRate(rate)) best = rate
    else {
      worst = rate
      break
    }
  }
  if (worst === 0) return { rate: best, steps }
  for (let i = 0; i < (QUICK ? 1 : 2); i++) {
    const middle = Math.round((best + worst) / 2)
    if (middle === best || middle === worst) break
    if (await tryRate(middle)) best = middle
    else worst = middle
  }
  return { rate: best, steps }
}

function errorSamples(samples: Sample[], limit = 5) {
  const bad = samples.filter((s) => !ok(s.status))
  const counts = new Map<string, number>()
  for (const s of bad)
    counts.set(`${s.route} → ${s.status || s.error}`, (counts.get(`${s.route} → ${s.status || s.error}`) ?? 0) + 1)
  for (const [what, n] of counts) console.log(`  ${n}× ${what}`)
  for (const s of bad.slice(0, limit))
    console.log(`  e.g. ${s.route} ${s.status} ${s.error ?? ''} ${(s.body ?? '').replace(/\s+/g, ' ').slice(0, 200)}`)
}

const rssOf = (server: Server) => {
  const all = memoryOf(server.process.pid as number)
  const serving = all.filter((p) => !p.launcher)
  return { all, serving, totalMb: serving.reduce((sum, p) => sum + p.rssMb, 0) }
}

const dir = mkdtempSync(join(tmpdir(), 'foothold-bench-'))
const databasePath = join(dir, 'day.db')
const failures: string[] = []
let server: Server | undefined
try {
  console.log(`Measuring the build in ${APP_DIR}${QUICK ? ' (BENCH_QUICK: a smoke run)' : ''}`)
  console.log(
    `${cpus().length} cores; load average before: ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  )
  const day = await seedTheDay(databasePath, CLIENTS, WORKERS)
  const rowCount = Object.values(day.rows).reduce((a, b) => a + b, 0)
  console.log(
    `Seeded ${CLIENTS} clients and ${WORKERS} key workers (${rowCount.toLocaleString('en-GB')} rows) in ${day.seedSeconds.toFixed(1)} s:`,
  )
  console.log(
    `  ${Object.entries(day.rows)
      .map(([table, n]) => `${table} ${n.toLocaleString('en-GB')}`)
      .join(', ')}`,
  )

  // One process first: the main figures.
  server = await startServer(databasePath, PORT, 1)
  const startMs = server.startMs
  console.log(`\nStart to first 200 from /healthz (WEB_CONCURRENCY=1, ${CLIENTS} clients): ${startMs.toFixed(0)} ms`)
  const home = await fetch(`${server.base}/home`, {
    redirect: 'manual',
    headers: { cookie: day.cookies.get(day.clients[0]?.id ?? '') ?? '' },
  })
  if (home.status !== 200) throw new Error(`A seeded session is not signed in: /home answered ${home.status}`)
  const assessmentPage = await firstAssessmentPage(server.base, day)
  const next = mix(day, assessmentPage)
  const bare = (): Planned => ({ route: 'bare: /healthz', method: 'GET', path: '/healthz' })
  const shell = barePage(day)

  // Warm up (JIT, SQLite page cache), then the main figures at 100 requests a second.
  await openLoop(server.base, 50, QUICK ? 3 : 8, next)
  await openLoop(server.base, 100, 2, bare)
  await openLoop(server.base, 100, 2, shell)
  console.log(
    `\nOpen loop at ${BUDGET.rate} requests/s for ${MAIN_SECONDS} s (the mix), then the same for the bare page and /healthz:`,
  )
  await quiet(server.base)
  const main = await openLoop(server.base, BUDGET.rate, MAIN_SECONDS, next)
  await quiet(server.base)
  const shellMain = await openLoop(server.base, BUDGET.rate, MAIN_SECONDS / 2, shell)
  await quiet(server.base)
  const bareMain = await openLoop(server.base, BUDGET.rate, MAIN_SECONDS / 2, bare)
  const overall = stats(main.samples)
  const memoryAt100 = rssOf(server)
  console.log(
    table([
      ...byRoute(main.samples),
      ['ALL (the mix)', overall],
      ['bare page (alone)', stats(shellMain.samples)],
      ['bare: /healthz (alone)', stats(bareMain.samples)],
    ]),
  )
  if (main.lateSends > main.sent * 0.05) console.log(`  (the generator sent ${main.lateSends} requests > 10 ms late)`)
  if (overall.errors > 0) {
    console.log('Errors:')
    errorSamples(main.samples)
  }

  console.log(`\nCapacity: the highest arrival rate with p95 ≤ ${CAPACITY_P95_MS} ms (${STEP_SECONDS} s a step)`)
  await quiet(server.base)
  const mixCapacity = await capacity(server.base, 'mix', next)
  const shellCapacity = await capacity(server.base, 'bare page', shell)
  const bareCapacity = await capacity(server.base, 'bare /healthz', bare)
  const memory = rssOf(server)
  await server.stop()

  // Two processes (WEB_CONCURRENCY=2), same database: the mix's capacity.
  server = await startServer(databasePath, PORT + 1, 2)
  await openLoop(server.base, 50, QUICK ? 2 : 5, next)
  console.log('\nWEB_CONCURRENCY=2:')
  const serving2 = rssOf(server).serving.length
  const mixCapacity2 = await capacity(server.base, 'mix, 2 processes', next)
  const memory2 = rssOf(server)
  await server.stop()
  server = undefined

  const after = loadavg()
  console.log(
    `\nLoad average after: ${after.map((n) => n.toFixed(1)).join(' ')}${(after[0] ?? 0) > cpus().length ? ' (above the core count: other work shared the machine, so read the figures with care)' : ''}`,
  )
  console.log('\nSummary')
  console.log(`  seeding                         ${day.seedSeconds.toFixed(1)} s`)
  console.log(`  start to first /healthz 200     ${startMs.toFixed(0)} ms`)
  console.log(
    `  at ${BUDGET.rate} req/s (mix)               p50 ${overall.p50.toFixed(1)} ms, p95 ${overall.p95.toFixed(1)} ms, p99 ${overall.p99.toFixed(1)} ms, ${overall.errors} errors of ${overall.count}`,
  )
  const b = stats(bareMain.samples)
  console.log(
    `  at ${BUDGET.rate} req/s (/healthz)           p50 ${b.p50.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms, p99 ${b.p99.toFixed(1)} ms`,
  )
  const share = mixCapacity.rate / Math.max(1, shellCapacity.rate)
  console.log(`  capacity, 1 process (mix)       ${mixCapacity.rate} req/s`)
  console.log(`  capacity, 1 process (bare page) ${shellCapacity.rate} req/s  (mix = ${(share * 100).toFixed(0)} %)`)
  console.log(
    `  capacity, 1 process (/healthz)  ${bareCapacity.rate} req/s  (mix = ${((mixCapacity.rate / Math.max(1, bareCapacity.rate)) * 100).toFixed(0)} %, for reference)`,
  )
  console.log(
    `  capacity, 2 processes (mix)     ${mixCapacity2.rate} req/s  (${serving2} serving process${serving2 === 1 ? '' : 'es'})`,
  )
  console.log(
    `  RSS after 100 req/s, 1 process  ${memoryAt100.totalMb.toFixed(0)} MB (before the capacity search overloads it)`,
  )
  console.log(`  RSS after the run, 1 process    ${memory.totalMb.toFixed(0)} MB`)
  for (const p of memory.all)
    console.log(
      `    ${String(p.pid).padStart(7)} ${p.rssMb.toFixed(0).padStart(5)} MB ${p.launcher ? '(launcher, not counted) ' : ''}${p.command.slice(0, 90)}`,
    )
  console.log(`  RSS after the run, 2 processes  ${memory2.totalMb.toFixed(0)} MB (all serving processes together)`)

  if (overall.p95 > BUDGET.p95)
    failures.push(`p95 at ${BUDGET.rate} req/s is ${overall.p95.toFixed(1)} ms (budget ${BUDGET.p95})`)
  if (overall.p99 > BUDGET.p99)
    failures.push(`p99 at ${BUDGET.rate} req/s is ${overall.p99.toFixed(1)} ms (budget ${BUDGET.p99})`)
  if (overall.errors > BUDGET.errors) failures.push(`${overall.errors} errors at ${BUDGET.rate} req/s (budget 0)`)
  if (share < BUDGET.capacityShare)
    failures.push(
      `capacity is ${(share * 100).toFixed(0)} % of the bare page's (budget ${BUDGET.capacityShare * 100} %)`,
    )
  if (memory.totalMb > BUDGET.rssMb) failures.push(`RSS is ${memory.totalMb.toFixed(0)} MB (budget ${BUDGET.rssMb})`)
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error))
} finally {
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
}
console.log(
  failures.length === 0
    ? '\nBudgets met: p95 ≤ 50 ms, p99 ≤ 150 ms and 0 errors at 100 req/s; capacity ≥ 50 % of the bare page; RSS ≤ 300 MB.'
    : `\nBudgets missed:\n${failures.map((f) => `  - ${f}`).join('\n')}`,
)
process.exit(failures.length === 0 ? 0 : 1)
