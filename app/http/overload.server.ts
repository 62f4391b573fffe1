// Load shedding: a server process answers at most `max` requests at a time; one more gets a quick
// 503 ("very busy, try again in a moment") instead of joining a queue that only grows. Without it,
// a burst above what the process can serve keeps every waiting request (its socket, headers and
// body) in memory and answers all of them late: the bench's capacity search grew one process to
// about 500 MB, and a person waited ten seconds for a page that then failed anyway. With it, memory
// stays bounded, the requests it does take are answered at the usual speed, and the process
// recovers as soon as the burst ends. The count is this process's own work, not domain data:
// every process sheds its own load (ADR 0017), so it holds for any number of processes.
import type { NextFunction, Request, Response } from 'express'

export const BUSY_MESSAGE = 'Foothold is very busy just now. Please try again in a moment: nothing you sent was saved.'

/** Express middleware that answers 503 while `max` requests are already being answered. */
export function shedLoad(max: number) {
  let inFlight = 0
  return (_req: Request, res: Response, next: NextFunction) => {
    if (inFlight >= max) {
      res.set({ 'Retry-After': '2', Connection: 'close', 'Cache-Control': 'no-store' })
      res.status(503).type('text/plain').send(BUSY_MESSAGE)
      return
    }
    inFlight++
    let done = false
    const finish = () => {
      if (done) return
      done = true
      inFlight--
    }
    res.once('finish', finish)
    res.once('close', finish)
    next()
  }
}
