// What a key worker's page about one client shows: each part only if the client shares it.
// Tracking figures are the client's own progress dashboard, with goal names and check-ins
// taken out when goals are not shared (a stop goal's milestone names the goal).

import { scoreHistory } from '#app/domain/assessment/results.server.ts'
import { suggestionsBy } from '#app/domain/modules/suggestions.server.ts'
import { moduleList } from '#app/domain/modules/view.server.ts'
import { type LinkedClient, SCOPE_LABELS, SCOPES, scopeList } from '#app/domain/sharing/links.server.ts'
import { publishedModules } from '#app/domain/studio/content.server.ts'
import { listGoals } from '#app/domain/tracking/goals.server.ts'
import { buildProgress, type Progress, type RangeDays } from '#app/domain/tracking/stats.server.ts'
import { shown } from '#app/domain/tracking/view.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import { aboutClient } from '#app/utils/format.ts'
import { clientFlags } from './list.server.ts'

export type ClientPage = Awaited<ReturnType<typeof clientPage>>

/** What the page shows, read afresh on every view. */
export async function clientPage(workerId: string, linked: LinkedClient, range: RangeDays, now = clock.now()) {
  const { client, link, scopes } = linked
  const zone = client.timeZone
  let tracking: Progress | null = null
  if (scopes.tracking) {
    const p = await buildProgress(client.id, range, now)
    tracking = scopes.goals
      ? p
      : {
          ...p,
          checkIns: { done: 0, partly: 0, not: 0, goals: [] },
          milestones: { ...p.milestones, stopGoals: [] },
        }
  }
  // The published programme, so the service's own modules have their titles too (ADR 0019).
  const published = await publishedModules()
  const titles = new Map(Object.values(published).map((m) => [m.id, m.title]))
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
    flags: await clientFlags(workerId, link.id, now),
    assessments: scopes.assessments
      ? (await scoreHistory(client.id)).map((h) => ({
          ...h,
          // A worker's page speaks about the client: "Drinking (AUDIT)", not "Your drinking".
          title: aboutClient(h.title),
          points: h.points.map((p) => ({ ...p, shown: shown(p.at, zone) })),
        }))
      : null,
    modules: scopes.modules
      ? (await moduleList(client.id, published))
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
    goals: scopes.goals ? await listGoals(client.id) : null,
    suggested: (await suggestionsBy(workerId, client.id)).map((s) => ({
      id: s.moduleId,
      title: titles.get(s.moduleId) ?? s.moduleId,
    })),
    modulesToSuggest: [...titles].map(([id, title]) => ({ id, title })),
  }
}
