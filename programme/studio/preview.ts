// The studio's preview of a draft module: every route through it, generated from its XState
// machine with xstate/graph (the same sample answers and assessment variants as the content
// check), and the replay of a route, so an author can see each branch as a client would.
import { getSimplePaths } from 'xstate/graph'
import type { Facts } from '../engine/modules/conditions.ts'
import type { ModuleDefinition } from '../engine/modules/definition.ts'
import {
  compileModule,
  type ModuleEvent,
  type ModuleState,
  startModule,
  stepModule,
} from '../engine/modules/machine.ts'
import { factVariants, sampleAnswers } from '../engine/modules/paths.ts'
import { FINISHED, type Step } from '../schema/module.schema.ts'

/** At most this many routes are listed: past it, the branching is too much to read anyway. */
export const MAX_ROUTES = 40
const LIMIT = 5_000

/** One step of a route: the step, and the answer that takes the client on along this route. */
export type RouteStep = { stepId: string; title: string; answer: string; event: ModuleEvent }

export type PreviewRoute = {
  /** 1, 2, 3 … in the order listed. */
  number: number
  /** Who takes this route, when it depends on their check-in: "a client who named opioids". */
  who: string
  /** The assessment facts the route was walked with (null: no check-in yet). */
  facts: Facts | null
  steps: RouteStep[]
}

/** Who a set of check-in facts describes: "a client who named opioids". */
export function describeFacts(facts: Facts | null): string {
  if (facts === null) return 'a client with no check-in yet'
  const parts = [
    ...Object.entries(facts.scores).map(([id, v]) => `scored ${v} on ${id}`),
    ...Object.entries(facts.items).map(([id, v]) => `answered ${v} to ${id}`),
    ...(facts.substances.length > 0 ? [`named ${facts.substances.join(', ')}`] : []),
  ]
  return parts.length > 0 ? `a client who ${parts.join(' and ')}` : 'a client with a check-in'
}

/** The answer in words, as the preview lists it: "chose Low", "rated 10", "skipped". */
export function describeAnswer(step: Step, event: ModuleEvent): string {
  if (event.type === 'SKIP') return 'skipped'
  if (event.type !== 'NEXT') return event.type.toLowerCase()
  const answer = event.answer
  switch (step.type) {
    case 'choice': {
      const ids = Array.isArray(answer) ? answer.map(String) : []
      return `chose ${step.options
        .filter((o) => ids.includes(o.id))
        .map((o) => `“${o.label}”`)
        .join(' and ')}`
    }
    case 'rating':
      return `rated ${String(answer)}`
    case 'reflect':
      return 'wrote a few words'
    case 'exercise':
      return 'filled in the exercise'
    case 'goal':
      return 'set a goal'
    case 'summary':
      return 'finished'
    default:
      return 'carried on'
  }
}

function eventsAt(def: ModuleDefinition, value: unknown): ModuleEvent[] {
  const step = def.steps.find((s) => s.id === value)
  if (!step) return []
  const events: ModuleEvent[] = sampleAnswers(def, step).map((answer) => ({ type: 'NEXT', answer }))
  if (step.optional) events.push({ type: 'SKIP' })
  return events
}

/**
 * Every distinct route (sequence of steps) from the start to the end, for each variant of the
 * client's check-in the module's conditions ask about. Routes that visit the same steps are listed
 * once, under the first client variant that takes them.
 */
export function previewRoutes(def: ModuleDefinition): { routes: PreviewRoute[]; more: boolean } {
  const machine = compileModule(def)
  const seen = new Set<string>()
  const routes: PreviewRoute[] = []
  let more = false
  for (const facts of factVariants(def)) {
    let paths: ReturnType<typeof getSimplePaths<typeof machine>>
    try {
      paths = getSimplePaths(machine, {
        input: { facts },
        limit: LIMIT,
        serializeState: (s) => JSON.stringify([s.value, s.context.answers]),
        events: (s) => eventsAt(def, s.value),
        toState: (s) => s.value === FINISHED,
      })
    } catch {
      // Too many states to walk: the lint panel reports it; list what the other variants give.
      more = true
      continue
    }
    for (const path of paths) {
      const steps: RouteStep[] = path.steps.slice(1).map((entry, i) => {
        const at = path.steps[i]?.state.value
        const step = def.steps.find((s) => s.id === at) as Step
        return { stepId: step.id, title: step.title, answer: describeAnswer(step, entry.event), event: entry.event }
      })
      const key = steps.map((s) => s.stepId).join(' ')
      if (seen.has(key)) continue
      seen.add(key)
      if (routes.length >= MAX_ROUTES) {
        more = true
        break
      }
      routes.push({ number: routes.length + 1, who: describeFacts(facts), facts, steps })
    }
  }
  return { routes, more }
}

/** The preview's state after following the first `count` steps of a route. */
export function walkRoute(def: ModuleDefinition, route: PreviewRoute, count: number): ModuleState {
  let state = startModule(def, route.facts)
  for (const step of route.steps.slice(0, Math.max(0, count))) state = stepModule(def, state, step.event)
  return state
}
