// `npm run bench:cost`: what each kind of request in the bench's mix costs the server, in CPU
// milliseconds (user + system time of the serving process, read from /proc before and after a
// batch of requests of one kind). CPU time per request moves far less than latencies and
// capacities when other work shares the machine, so this is the table to read when looking for
// the page to make cheaper (ADR 0018); it still rises with the machine's load (up to a third on
// a busy one), so every kind is measured in each of BENCH_COST_ROUNDS rounds (default 10) and a
// change of load falls on every row alike. It seeds the same day as `npm run bench`, starts the
// built app with one process, warms it up, then sends BENCH_COST_N requests (default 300) of
// each kind, a few at a time. The last lines predict the capacity ratio the bench checks: the
// CPU cost of the bare page over the mix's average cost, weighted by the mix's shares.
//
// BENCH_SERVER_NODE_OPTIONS="--import ./scripts/bench-profile.mjs" profiles the server meanwhile
// (node refuses --cpu-prof in NODE_OPTIONS; see that file).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { memoryOf, seedTheDay, startServer } from './bench-day.ts'
import { ok, type Planned, type Sample, stats } from './bench-load.ts'
import { barePage, firstAssessmentPage, MIX, mix } from './bench-mix.ts'

const N = Number(process.env.BENCH_COST_N || 300)
/** Rounds over every kind of request (BENCH_COST_ROUNDS), N / ROUNDS requests of each a round. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_COST_ROUNDS || 10))
const IN_FLIGHT = 4
const PORT = Number(process.env.BENCH_PORT || 3402)
const CLIENTS = Number(process.env.BENCH_CLIENTS || 1000)
const WORKERS = Number(process.env.BENCH_WORKERS || 20)
const TICKS_PER_SECOND = 100

/** User + system CPU time of a process, in milliseconds. */
function cpuMs(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
}

const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT })

function request(base: URL, planned: Planned): Promise<Sample> {
  const body = planned.body ? new URLSearchParams(planned.body).toString() : undefined
  const headers: Record<string, string> = {}
  if (planned.cookie) headers.cookie = planned.cookie
  if (body) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    headers['content-length'] = String(Buffer.byteLength(body))
    headers.origin = base.origin
  }
  const began = performance.now()
  return new Promise((resolve) => {
    const req = http.request(
      { host: base.hostname, port: base.port, path: planned.path, method: planned.method, headers, agent },
      (res) => {
        res.resume()
        res.on('end', () => {
          const status = res.statusCode ?? 0
          planned.done?.(status)
          resolve({ route: planned.route, ms: performance.now() - began, status })
        })
      },
    )
    req.on('error', (error) => resolve({ route: planned.route, ms: 0, status: 0, error: error.message }))
    req.end(body)
  })
}

/** Sends `n` of `next()`'s requests, IN_FLIGHT at a time; returns the samples. */
async function batch(base: URL, n: number, next: () => Planned | null) {
  const samples: Sample[] = []
  let left = n
  const lane = async () => {
    while (left > 0) {
      const planned = next()
      if (!planned) {
        await new Promise((r) => setTimeout(r, 1))
        continue
      }
      left--
      samples.push(await request(base, planned))
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane))
  return samples
}

const dir = mkdtempSync(join(tmpdir(), 'foothold-bench-cost-'))
const databasePath = join(dir, 'day.db')
let stop: (() => Promise<void>) | undefined
try {
  const day = await seedTheDay(databasePath, CLIENTS, WORKERS)
  const server = await startServer(databasePath, PORT, 1)
  stop = server.stop
  const serving = memoryOf(server.process.pid as number).filter((p) => !p.launcher)
  if (serving.length !== 1) throw new Error(`Expected one serving process, found ${serving.length}`)
  const pid = (serving[0] as { pid: number }).pid
  const base = new URL(server.base)
  const assessmentPage = await firstAssessmentPage(server.base, day)
  const bare = (): Planned => ({ route: 'bare: /healthz', method: 'GET', path: '/healthz' })
  // Warm up: the JIT and SQLite's page cache.
  await batch(base, 600, mix(day, assessmentPage))
  await batch(base, 300, bare)

  const references: Array<[number, string]> = [
    [0, 'bare page'],
    [0, 'bare: /healthz'],
  ]
  // Each kind's requests go in ROUNDS batches, every kind once a round: a machine whose load
  // changes over the minutes of a run then slows every row alike, rather than the rows measured
  // while it was busy (one batch a kind, in turn, moved the ratio by 10 points between runs).
  const kinds = [...MIX, ...references].map(([share, route]) => ({
    route,
    share,
    next: route === 'bare: /healthz' ? bare : route === 'bare page' ? barePage(day) : mix(day, assessmentPage, route),
    cpu: 0,
    samples: [] as Sample[],
  }))
  const perRound = Math.max(1, Math.round(N / ROUNDS))
  for (let round = 0; round < ROUNDS; round++)
    for (const kind of kinds) {
      const before = cpuMs(pid)
      kind.samples.push(...(await batch(base, perRound, kind.next)))
      kind.cpu += cpuMs(pid) - before
    }
  const rows = kinds.map(({ route, share, cpu, samples }) => ({
    route,
    share,
    cpu: cpu / samples.length,
    p50: stats(samples).p50,
    errors: samples.filter((x) => !ok(x.status)).length,
  }))
  console.log(
    `CPU time of the server per request (${perRound * ROUNDS} of each in ${ROUNDS} rounds, ${IN_FLIGHT} at a time, one process):`,
  )
  console.log(`${'route'.padEnd(28)} ${'share'.padStart(6)} ${'cpu ms'.padStart(8)} ${'p50 ms'.padStart(8)}  errors`)
  for (const r of [...rows].sort((a, b) => b.cpu - a.cpu))
    console.log(
      `${r.route.padEnd(28)} ${`${r.share}%`.padStart(6)} ${r.cpu.toFixed(2).padStart(8)} ${r.p50.toFixed(1).padStart(8)}  ${r.errors}`,
    )
  const total = rows.reduce((sum, r) => sum + r.share, 0)
  const mixCpu = rows.reduce((sum, r) => sum + r.share * r.cpu, 0) / total
  const cpuOf = (route: string) => rows.find((r) => r.route === route)?.cpu ?? 0
  console.log(`\nThe mix, weighted by its shares: ${mixCpu.toFixed(2)} ms of CPU a request`)
  console.log(`The bare page: ${cpuOf('bare page').toFixed(2)} ms; /healthz: ${cpuOf('bare: /healthz').toFixed(2)} ms`)
  console.log(
    `Predicted capacity of the mix (CPU-bound, one core): ${((cpuOf('bare page') / mixCpu) * 100).toFixed(0)} % of the bare page's, ${((cpuOf('bare: /healthz') / mixCpu) * 100).toFixed(0)} % of /healthz's`,
  )
} finally {
  await stop?.()
  rmSync(dir, { recursive: true, force: true })
}
