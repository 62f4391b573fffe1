// The one next step the client's home page offers: a module a key worker suggested (their word
// comes first), else the first module suggested by the client's check-in and plan. Only modules
// not yet started: one in progress is offered as "carry on" instead.
import type { ModuleDefinition } from '#programme/engine/index.ts'
import { suggestionsFor } from './suggestions.server.ts'
import { moduleList } from './view.server.ts'

export type NextStep = { moduleId: string; title: string; why: string }

/** `published`: the published modules, when the caller has read them already. */
export async function nextStep(userId: string, published?: Record<string, ModuleDefinition>): Promise<NextStep | null> {
  const modules = await moduleList(userId, published)
  const fresh = new Map(modules.filter((m) => m.status === 'not-started').map((m) => [m.id, m]))
  for (const suggestion of await suggestionsFor(userId)) {
    const module = fresh.get(suggestion.moduleId)
    if (module) return { moduleId: module.id, title: module.title, why: `Suggested by ${suggestion.worker}` }
  }
  // moduleList puts the suggested ones first, each with its reason.
  const first = modules.find((m) => m.reason && m.status === 'not-started')
  return first?.reason ? { moduleId: first.id, title: first.title, why: first.reason } : null
}
