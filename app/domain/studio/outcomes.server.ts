// Programme outcomes for clinicians (issue 14): aggregated, anonymous figures per module and
// instrument. Per module: how many clients started it, how many finished it and the median time
// from start to finish; per instrument: the median change in total between a client's first and
// latest check-in, for clients who finished the module between those two check-ins against
// clients who never finished it. Any count below 5 (0 included) is shown as "fewer than 5",
// and so is every figure worked out from fewer than 5 clients, so no client can be picked out.
// Only client accounts count; nothing names anyone.
import { and, eq, isNotNull } from 'drizzle-orm'
import { getDb } from '#db/client.ts'
import { assessmentResponses, moduleProgress, users } from '#db/schema/index.ts'
import { loadProgramme } from '#programme/engine/index.ts'
import { publishedModules } from './content.server.ts'

/** The smallest count shown as a number. */
export const SMALLEST_SHOWN = 5

/** A figure, or the fact that it rests on fewer than 5 clients. */
export type Figure<T = number> = { suppressed: true } | { suppressed: false; value: T }

export function figure<T>(value: T, basedOn: number): Figure<T> {
  return basedOn < SMALLEST_SHOWN ? { suppressed: true } : { suppressed: false, value }
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

export type ScoreChange = {
  instrumentId: string
  instrumentTitle: string
  /** Finished the module between their first and latest check-in. */
  did: { clients: Figure; medianChange: Figure }
  /** Never finished the module. */
  didNot: { clients: Figure; medianChange: Figure }
}

export type ModuleOutcome = {
  moduleId: string
  title: string
  starts: Figure
  completions: Figure
  /** Median days from start to finish. */
  medianDays: Figure
  scoreChanges: ScoreChange[]
}

const DAY = 24 * 60 * 60 * 1000

/** Outcomes for every published module. */
export async function programmeOutcomes(): Promise<ModuleOutcome[]> {
  const db = getDb()
  const progress = await db
    .select({
      userId: moduleProgress.userId,
      moduleId: moduleProgress.moduleId,
      startedAt: moduleProgress.startedAt,
      completedAt: moduleProgress.completedAt,
    })
    .from(moduleProgress)
    .innerJoin(users, eq(users.id, moduleProgress.userId))
    .where(eq(users.role, 'client'))
    .all()
  const responses = await db
    .select({
      userId: assessmentResponses.userId,
      instrumentId: assessmentResponses.instrumentId,
      total: assessmentResponses.total,
      completedAt: assessmentResponses.completedAt,
    })
    .from(assessmentResponses)
    .innerJoin(users, eq(users.id, assessmentResponses.userId))
    .where(
      and(eq(users.role, 'client'), isNotNull(assessmentResponses.total), isNotNull(assessmentResponses.completedAt)),
    )
    .orderBy(assessmentResponses.completedAt)
    .all()

  // Each client's first and latest total per instrument (only clients with two or more).
  const spans = new Map<string, Map<string, { first: number; firstAt: number; last: number; lastAt: number }>>()
  for (const r of responses) {
    const at = (r.completedAt as Date).getTime()
    const byUser = spans.get(r.instrumentId) ?? new Map()
    const span = byUser.get(r.userId)
    if (!span) byUser.set(r.userId, { first: r.total as number, firstAt: at, last: r.total as number, lastAt: at })
    else if (at >= span.lastAt) Object.assign(span, { last: r.total as number, lastAt: at })
    spans.set(r.instrumentId, byUser)
  }
  const instruments = loadProgramme().instruments
  const modules = await publishedModules()
  return Object.values(modules).map((def) => {
    const rows = progress.filter((p) => p.moduleId === def.id)
    const done = rows.filter((p) => p.completedAt !== null)
    const days = done.map((p) => ((p.completedAt as Date).getTime() - p.startedAt.getTime()) / DAY)
    const finishedAt = new Map(done.map((p) => [p.userId, (p.completedAt as Date).getTime()]))
    const scoreChanges: ScoreChange[] = []
    for (const [instrumentId, byUser] of spans) {
      const instrument = instruments[instrumentId]
      if (!instrument || instrument.scoring.method !== 'sum') continue
      const did: number[] = []
      const didNot: number[] = []
      for (const [userId, span] of byUser) {
        if (span.lastAt === span.firstAt) continue
        const finished = finishedAt.get(userId)
        if (finished === undefined) didNot.push(span.last - span.first)
        else if (finished >= span.firstAt && finished <= span.lastAt) did.push(span.last - span.first)
      }
      scoreChanges.push({
        instrumentId,
        instrumentTitle: instrument.title,
        did: { clients: figure(did.length, did.length), medianChange: figure(median(did) ?? 0, did.length) },
        didNot: {
          clients: figure(didNot.length, didNot.length),
          medianChange: figure(median(didNot) ?? 0, didNot.length),
        },
      })
    }
    const order = Object.keys(instruments)
    scoreChanges.sort((a, b) => order.indexOf(a.instrumentId) - order.indexOf(b.instrumentId))
    return {
      moduleId: def.id,
      title: def.title,
      starts: figure(rows.length, rows.length),
      completions: figure(done.length, done.length),
      medianDays: figure(Math.round((median(days) ?? 0) * 10) / 10, done.length),
      scoreChanges,
    }
  })
}
