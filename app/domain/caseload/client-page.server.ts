// What a key worker's page about one client shows: each part only if the client shares it.
// Tracking figures come from the client's own progress dashboard, with goal names and check-ins
// taken out when goals are not shared (a stop goal's milestone names the goal).

import { scoreHistory } from '#app/domain/assessment/results.server.ts'
import { suggestionsBy } from '#app/domain/modules/suggestions.server.ts'
import { moduleList } from '#app/domain/modules/view.server.ts'
import { type LinkedClient, SCOPE_LABELS, SCOPES, scopeList } from '#app/domain/sharing/links.server.ts'
import { listGoals } from '#app/domain/tracking/goals.server.ts'
import { progress } from '#app/domain/tracking/progress-memo.server.ts'
import type { RangeDays } from '#app/domain/tracking/stats.server.ts'
import { shown } from '#app/domain/tracking/view.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import { type PackedProgress, packed } from '#app/utils/progress-wire.ts'
import { loadProgramme } from '#programme/engine/index.ts'
import { caseloadEntry, clientFlags } from './list.server.ts'

export type ClientPage = ReturnType<typeof readClientPage>
const MINUTE_MS = 60_000
/** Per caseload memo entry (dropped on any write about the worker's clients): pages by link, range, minute. */
const pages = new WeakMap<object, Map<string, string>>()

/**
 * What the page shows, kept until anything about the worker's clients is written (the caseload
 * memo's triggers watch every table read here) and for a minute at most, as flags and "today"
 * move with time. Scope changes and revocation write the link, so they drop it too. Kept as the
 * JSON the page is sent as (one string for Remix to encode, as the progress page does).
 */
export function clientPageJson(workerId: string, linked: LinkedClient, range: RangeDays, now = clock.now()): string {
  const entry = caseloadEntry(workerId, now)
  let kept = pages.get(entry)
  if (!kept) {
    kept = new Map()
    pages.set(entry, kept)
  }
  const minute = ` ${Math.floor(now.getTime() / MINUTE_MS)}`
  const key = `${linked.link.id} ${range}${minute}`
  const found = kept.get(key)
  if (found) return found
  for (const old of kept.keys()) if (!old.endsWith(minute)) kept.delete(old)
  const page = JSON.stringify(readClientPage(workerId, linked, range, now))
  kept.set(key, page)
  return page
}

function readClientPage(workerId: string, linked: LinkedClient, range: RangeDays, now: Date) {
  const { client, link, scopes } = linked
  const zone = client.timeZone
  let tracking: PackedProgress | null = null
  if (scopes.tracking) {
    const p = progress(client.id, range, now)
    tracking = packed(
      scopes.goals
        ? p
        : {
            ...p,
            checkIns: { done: 0, partly: 0, not: 0, goals: [] },
            milestones: { ...p.milestones, stopGoals: [] },
          },
    )
  }
  const titles = new Map(Object.values(loadProgramme().modules).map((m) => [m.id, m.title]))
  return {
    client: {
      linkId: link.id,
      name: link.label ?? client.username,
      username: client.username,
      label: link.label,
      since: shown(link.linkedAt, zone),
      lastActive: client.lastActiveAt ? shown(client.lastActiveAt, zone) : null,
      shared: scopeList(scopes).map((s) => SCOPE_LABELS[s]),
      notShared: SCOPES.filter((s) => !scopes[s]).map((s) => SCOPE_LABELS[s]),
    },
    flags: clientFlags(workerId, link.id, now),
    assessments: scopes.assessments
      ? scoreHistory(client.id).map((h) => ({
          ...h,
          points: h.points.map((p) => ({ ...p, shown: shown(p.at, zone) })),
        }))
      : null,
    modules: scopes.modules
      ? moduleList(client.id)
          .filter((m) => m.status !== 'not-started')
          .map((m) => ({
            id: m.id,
            title: m.title,
            status: m.status,
            step: m.step,
            completed: m.completedAt ? shown(m.completedAt, zone) : null,
          }))
      : null,
    tracking,
    goals: scopes.goals ? listGoals(client.id) : null,
    suggested: suggestionsBy(workerId, client.id).map((s) => ({
      id: s.moduleId,
      title: titles.get(s.moduleId) ?? s.moduleId,
    })),
    modulesToSuggest: [...titles].map(([id, title]) => ({ id, title })),
  }
}
