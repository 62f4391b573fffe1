import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { describe, expect, it } from 'vitest'
import { BUSY_MESSAGE, shedLoad } from './overload.server.ts'

describe('load shedding', () => {
  it('answers 503 with Retry-After beyond the limit, and serves again once requests finish', async () => {
    const app = express()
    app.use(shedLoad(2))
    const waiting: Array<() => void> = []
    app.get('/slow', (_req, res) => {
      waiting.push(() => res.send('done'))
    })
    app.get('/fast', (_req, res) => {
      res.send('fast')
    })
    const server = app.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const slow = [fetch(`${base}/slow`), fetch(`${base}/slow`)]
      while (waiting.length < 2) await new Promise((r) => setTimeout(r, 5))
      const busy = await fetch(`${base}/fast`)
      expect(busy.status).toBe(503)
      expect(busy.headers.get('retry-after')).toBe('2')
      expect(await busy.text()).toBe(BUSY_MESSAGE)
      for (const answer of waiting) answer()
      expect((await Promise.all(slow)).map((r) => r.status)).toEqual([200, 200])
      const again = await fetch(`${base}/fast`)
      expect(again.status).toBe(200)
      // A client that gives up frees its place too.
      const controller = new AbortController()
      const abandoned = fetch(`${base}/slow`, { signal: controller.signal }).catch(() => null)
      while (waiting.length < 3) await new Promise((r) => setTimeout(r, 5))
      controller.abort()
      await abandoned
      await new Promise((r) => setTimeout(r, 50))
      const [a, b] = await Promise.all([fetch(`${base}/fast`), fetch(`${base}/fast`)])
      expect([a.status, b.status]).toEqual([200, 200])
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })
})
