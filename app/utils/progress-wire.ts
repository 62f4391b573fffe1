// The progress dashboard as it travels to the browser: one JSON string, made once per memo
// entry on the server and parsed once in the page, with the day-by-day series as rows of
// values rather than objects that repeat every key. A 30-day dashboard is half the size so.
import type { Progress, UrgePeriod, UsePeriod } from '#app/domain/tracking/stats.server.ts'

const URGE_KEYS = ['date', 'end', 'count', 'avgIntensity', 'rodeOut', 'used'] as const satisfies ReadonlyArray<
  keyof UrgePeriod
>
const USE_KEYS = [
  'date',
  'end',
  'entries',
  'alcoholUnits',
  'spendPence',
  'amounts',
  'noUseDays',
] as const satisfies ReadonlyArray<keyof UsePeriod>

const rows = <T>(list: T[], keys: ReadonlyArray<keyof T>) => list.map((item) => keys.map((key) => item[key]))
const objects = <T>(list: unknown[][], keys: ReadonlyArray<keyof T>) =>
  list.map((row) => {
    const item: Record<PropertyKey, unknown> = {}
    keys.forEach((key, i) => {
      item[key] = row[i]
    })
    return item as T
  })

/** The dashboard with its series as rows of values: what travels, inside a page's JSON. */
export type PackedProgress = Omit<Progress, 'urges' | 'use'> & { urges: unknown[][]; use: unknown[][] }

export function packed({ urges, use, ...rest }: Progress): PackedProgress {
  return { ...rest, urges: rows(urges, URGE_KEYS), use: rows(use, USE_KEYS) }
}

export function unpacked({ urges, use, ...rest }: PackedProgress): Progress {
  return { ...rest, urges: objects<UrgePeriod>(urges, URGE_KEYS), use: objects<UsePeriod>(use, USE_KEYS) }
}

export const packProgress = (progress: Progress): string => JSON.stringify(packed(progress))
export const unpackProgress = (json: string): Progress => unpacked(JSON.parse(json) as PackedProgress)
