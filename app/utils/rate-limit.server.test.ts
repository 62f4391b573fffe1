import { describe, expect, it } from 'vitest'
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

describe('RateLimiter', () => {
  it('allows up to the limit in a window, then refuses with the time left', () => {
    const time = clock()
    const limiter = new RateLimiter(3, 60_000, time.now)
    expect([1, 2, 3].map(() => limiter.hit('ip').allowed)).toEqual([true, true, true])
    time.advance(15_000)
    expect(limiter.hit('ip')).toEqual({ allowed: false, retryAfterSeconds: 45 })
  })

  it('starts afresh when the window has passed', () => {
    const time = clock()
    const limiter = new RateLimiter(1, 60_000, time.now)
    limiter.hit('ip')
    expect(limiter.hit('ip').allowed).toBe(false)
    time.advance(60_000)
    expect(limiter.hit('ip').allowed).toBe(true)
  })

  it('counts keys separately and can forget one', () => {
    const limiter = new RateLimiter(1, 60_000)
    limiter.hit('a')
    expect(limiter.hit('b').allowed).toBe(true)
    expect(limiter.hit('a').allowed).toBe(false)
    limiter.reset('a')
    expect(limiter.hit('a').allowed).toBe(true)
  })

  it('checkLimits refuses when any one limit is spent, and counts against all of them', () => {
    const perIp = new RateLimiter(5, 60_000)
    const perName = new RateLimiter(1, 60_000)
    expect(
      checkLimits([
        [perIp, 'ip'],
        [perName, 'sam'],
      ]).allowed,
    ).toBe(true)
    expect(
      checkLimits([
        [perIp, 'ip'],
        [perName, 'sam'],
      ]).allowed,
    ).toBe(false)
    expect(
      checkLimits([
        [perIp, 'ip'],
        [perName, 'alex'],
      ]).allowed,
    ).toBe(true)
    // Three attempts counted against the IP so far.
    expect([1, 2, 3].map(() => perIp.hit('ip').allowed)).toEqual([true, true, false])
  })

  it('says how long to wait in whole minutes', () => {
    expect(tooManyAttemptsMessage(30)).toMatch(/wait 1 minute and/)
    expect(tooManyAttemptsMessage(600)).toMatch(/wait 10 minutes/)
  })

  it('points to the Help page and its crisis contacts', () => {
    expect(tooManyAttemptsMessage(60)).toMatch(/If you need help now, the Help page .* lists crisis contacts\./)
  })
})
