// The bench's load generator (ADR 0018): OPEN-LOOP. Requests are sent on a fixed schedule (one
// every 1/rate seconds) whether or not earlier ones have answered, over keep-alive connections
// (node:http with an Agent; a new socket is opened whenever all are busy). Each request's time is
// counted from when it was DUE, not when it went out, so a server (or generator) that falls
// behind shows in the latencies instead of quietly lowering the rate (no coordinated omission).
import http from 'node:http'

export type Planned = {
  /** The row it is counted under, e.g. "client: home". */
  route: string
  method: 'GET' | 'POST'
  path: string
  cookie?: string
  body?: Record<string, string>
  /** Called with the status once answered (the mix uses it to move a client's state on). */
  done?: (status: number) => void
}

export type Sample = { route: string; ms: number; status: number; error?: string; body?: string }

export type RunResult = { samples: Sample[]; sent: number; seconds: number; lateSends: number }

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024, maxFreeSockets: 1024 })
const TIMEOUT_MS = 10_000

/** A status the mix counts as success: pages 200, posts 200 or a redirect. */
export const ok = (status: number) => status >= 200 && status < 400

type Settle = (status: number, error?: string) => void

function send(
  base: URL,
  request: Planned,
  dueAt: number,
  samples: Sample[],
  pending: Set<Settle>,
  finished: () => void,
) {
  const body = request.body ? new URLSearchParams(request.body).toString() : undefined
  const headers: Record<string, string> = {}
  if (request.cookie) headers.cookie = request.cookie
  if (body) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    headers['content-length'] = String(Buffer.byteLength(body))
    headers.origin = base.origin
  }
  let settled = false
  const settle = (status: number, error?: string, text?: string) => {
    if (settled) return
    settled = true
    pending.delete(settle)
    samples.push({
      route: request.route,
      ms: performance.now() - dueAt,
      status,
      error,
      body: ok(status) ? undefined : text?.slice(0, 300),
    })
    request.done?.(status)
    finished()
  }
  pending.add(settle)
  const req = http.request(
    { host: base.hostname, port: base.port, path: request.path, method: request.method, headers, agent },
    (res) => {
      const status = res.statusCode ?? 0
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => {
        if (!ok(status)) chunks.push(chunk)
      })
      res.on('end', () => settle(status, undefined, Buffer.concat(chunks).toString('utf8')))
      res.on('error', (error) => settle(0, error.message))
    },
  )
  req.setTimeout(TIMEOUT_MS, () => {
    req.destroy(new Error('timed out'))
  })
  req.on('error', (error) => settle(0, error.message))
  req.end(body)
}

/**
 * Sends `next()`'s requests at `rate` a second for `seconds`, then waits (up to the timeout) for
 * the last answers. `next` may return null to skip a slot (nothing free to send).
 */
export async function openLoop(base: string, rate: number, seconds: number, next: () => Planned | null) {
  const url = new URL(base)
  const samples: Sample[] = []
  const pending = new Set<Settle>()
  const total = Math.round(rate * seconds)
  const interval = 1000 / rate
  const start = performance.now() + 5
  let sent = 0
  let inFlight = 0
  let lateSends = 0
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now()
      while (sent < total && start + sent * interval <= now) {
        const dueAt = start + sent * interval
        // More than 10 ms behind schedule: the generator itself could not keep up.
        if (now - dueAt > 10) lateSends++
        sent++
        const request = next()
        if (!request) continue
        inFlight++
        send(url, request, dueAt, samples, pending, () => {
          inFlight--
        })
      }
      if (sent < total) setTimeout(tick, Math.max(0, Math.min(4, start + sent * interval - performance.now())))
      else resolve()
    }
    tick()
  })
  const deadline = performance.now() + TIMEOUT_MS + 1000
  while (inFlight > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10))
  // Whatever is still unanswered counts as an error.
  for (const settle of [...pending]) settle(0, 'no answer')
  return { samples, sent, seconds, lateSends } satisfies RunResult
}

export type Stats = { count: number; p50: number; p95: number; p99: number; errors: number }

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] as number)

export function stats(samples: Sample[]): Stats {
  const times = samples.map((s) => s.ms).sort((a, b) => a - b)
  return {
    count: samples.length,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    p99: quantile(times, 0.99),
    errors: samples.filter((s) => !ok(s.status)).length,
  }
}

export function byRoute(samples: Sample[]): Map<string, Stats> {
  const groups = new Map<string, Sample[]>()
  for (const sample of samples) {
    let group = groups.get(sample.route)
    if (!group) {
      group = []
      groups.set(sample.route, group)
    }
    group.push(sample)
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([route, group]) => [route, stats(group)]))
}

const ms = (n: number) => (Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(1) : n.toFixed(0))

export function table(rows: Array<[string, Stats]>) {
  const lines = [
    `${'route'.padEnd(34)}${'n'.padStart(7)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}`,
  ]
  for (const [name, s] of rows)
    lines.push(
      `${name.padEnd(34)}${String(s.count).padStart(7)}${ms(s.p50).padStart(9)}${ms(s.p95).padStart(9)}${ms(s.p99).padStart(9)}${String(s.errors).padStart(8)}`,
    )
  return lines.join('\n')
}

/** Waits (up to 60 s) until the server answers /healthz within 50 ms: a backlog has drained. */
export async function quiet(base: string) {
  const until = performance.now() + 60_000
  while (performance.now() < until) {
    const began = performance.now()
    try {
      await fetch(`${base}/healthz`)
      if (performance.now() - began < 50) return
    } catch {
      // busy or restarting
    }
    await new Promise((r) => setTimeout(r, 200))
  }
}
