// "Step 3 of 9": where the client is, counting the steps they have done and the steps still
// ahead on the path their answers so far point to.
import { FINISHED } from '../../schema/module.schema.ts'
import { evaluate } from './conditions.ts'
import { defaultNext, type ModuleDefinition, stepIndex } from './definition.ts'
import type { ModuleState } from './machine.ts'

export type Progress = { step: number; total: number; done: number; finished: boolean }

/** Steps ahead from `from` (inclusive), following default routes and passing over hidden steps. */
function stepsAhead(def: ModuleDefinition, state: ModuleState, from: string): number {
  let count = 0
  const seen = new Set<string>()
  let current = from
  while (current !== FINISHED && !seen.has(current)) {
    seen.add(current)
    const index = stepIndex(def, current)
    const step = def.steps[index]
    if (!step) break
    if (!step.when || evaluate(step.when, state.context.answers, state.context.facts)) count++
    current = defaultNext(def, index)
  }
  return count
}

export function progressOf(def: ModuleDefinition, state: ModuleState): Progress {
  const done = state.context.history.length
  if (state.value === FINISHED) return { step: done, total: done, done, finished: true }
  return { step: done + 1, total: done + stepsAhead(def, state, state.value), done, finished: false }
}
