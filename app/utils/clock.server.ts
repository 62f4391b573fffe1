// The one clock every route and domain function reads the time from. Production reads the
// system clock; a test pins it (`pinClock`) so that anything worked out from "now" — flags over
// the last 7 days, streaks, a check-in being due — stays what the test expects as the calendar
// moves. Nothing else may call `new Date()` for "now" on the server: `clock.test.ts` checks.
let pinned: (() => Date) | null = null

export const clock = {
  /** The current time: the pinned time in a test, else the system clock. */
  now(): Date {
    return pinned ? pinned() : new Date()
  },
}

/** Tests only: read the time from `source` (a fixed date, or a function) until `unpinClock`. */
export function pinClock(source: Date | (() => Date)): void {
  pinned = typeof source === 'function' ? source : () => new Date(source.getTime())
}

export function unpinClock(): void {
  pinned = null
}
