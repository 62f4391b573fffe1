import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { getDb, openDatabase } from '#db/client.ts'
import { rateLimits } from '#db/schema/rate-limits.ts'
import { checkLimits, RateLimiter, tooManyAttemptsMessage } from './rate-limit.server.ts'

function clock(start = 0) {
  let now = start
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms
    },
  }
}

const allowed = async (limiter: RateLimiter, key: string, times: number) => {
  const results: boolean[] = []
  for (let i = 0; i < times; i++) results.push((await limiter.hit(key)).allowed)
  return results
}

describe('RateLimiter', () => {
  it('allows up to the limit in a window, then refuses with the time left', async () => {
    const time = clock()
    const limiter = new RateLimiter('a1', 3, 60_000, { now: time.now })
    expect(await allowed(limiter, 'ip', 3)).toEqual([true, true, true])
    time.advance(15_000)
    expect(await limiter.hit('ip')).toEqual({ allowed: false, retryAfterSeconds: 45 })
  })

  it('starts afresh when the window has passed', async () => {
    const time = clock()
    const limiter = new RateLimiter('a2', 1, 60_000, { now: time.now })
    await limiter.hit('ip')
    expect((await limiter.hit('ip')).allowed).toBe(false)
    time.advance(60_000)
    expect((await limiter.hit('ip')).allowed).toBe(true)
    expect((await limiter.hit('ip')).allowed).toBe(false)
  })

  it('counts keys separately and can forget one', async () => {
    const limiter = new RateLimiter('a3', 1, 60_000)
    await limiter.hit('a')
    expect((await limiter.hit('b')).allowed).toBe(true)
    expect((await limiter.hit('a')).allowed).toBe(false)
    await limiter.reset('a')
    expect((await limiter.hit('a')).allowed).toBe(true)
  })

  it('keeps limiters with the same key apart by name', async () => {
    const first = new RateLimiter('a4', 1, 60_000)
    const second = new RateLimiter('a5', 1, 60_000)
    await first.hit('sam')
    expect((await second.hit('sam')).allowed).toBe(true)
  })

  it('deletes the rows of windows that have ended', async () => {
    const time = clock(1_000_000)
    const limiter = new RateLimiter('a6', 5, 60_000, { now: time.now })
    await limiter.hit('old')
    time.advance(120_000)
    await limiter.hit('new')
    const keys = (await getDb().select({ key: rateLimits.key }).from(rateLimits)).map((row) => row.key)
    expect(keys).toContain('a6:new')
    expect(keys).not.toContain('a6:old')
  })

  it('checkLimits refuses when any one limit is spent, and counts against all of them', async () => {
    const perIp = new RateLimiter('b1', 5, 60_000)
    const perName = new RateLimiter('b2', 1, 60_000)
    const pairs = (name: string): Array<[RateLimiter, string]> => [
      [perIp, 'ip'],
      [perName, name],
    ]
    expect((await checkLimits(pairs('sam'))).allowed).toBe(true)
    expect((await checkLimits(pairs('sam'))).allowed).toBe(false)
    expect((await checkLimits(pairs('alex'))).allowed).toBe(true)
    // Three attempts counted against the IP so far.
    expect(await allowed(perIp, 'ip', 3)).toEqual([true, true, false])
  })

  it('says how long to wait in whole minutes', () => {
    expect(tooManyAttemptsMessage(30)).toMatch(/wait 1 minute and/)
    expect(tooManyAttemptsMessage(600)).toMatch(/wait 10 minutes/)
  })

  it('points to the Help page and its crisis contacts', () => {
    expect(tooManyAttemptsMessage(60)).toMatch(/If you need help now, the Help page .* lists crisis contacts\./)
  })
})

describe('RateLimiter across connections', () => {
  const dir = mkdtempSync(join(tmpdir(), 'foothold-rate-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('counts attempts made through two connections to one file together', async () => {
    const path = join(dir, 'shared.db')
    const one = openDatabase(path)
    const two = openDatabase(path)
    const viaOne = new RateLimiter('c1', 10, 60_000, { db: () => one })
    const viaTwo = new RateLimiter('c1', 10, 60_000, { db: () => two })
    const results: boolean[] = []
    for (let i = 0; i < 11; i++) results.push((await (i % 2 ? viaTwo : viaOne).hit('sam')).allowed)
    expect(results).toEqual([...Array(10).fill(true), false])
    one.$client.close()
    two.$client.close()
  })
})
