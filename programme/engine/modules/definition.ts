// A module as the engine runs it: the parsed module.yaml plus the Markdown it points to and the
// exercises it uses, so that one JSON value is everything needed to run (and pin) a version.
import type { Exercise } from '../../schema/exercise.schema.ts'
import { FINISHED, type Module, type Step } from '../../schema/module.schema.ts'

export type ModuleDefinition = Module & {
  /** Markdown by file name, for read and summary steps. */
  texts: Record<string, string>
  /** The exercises its exercise steps use, by exercise id. */
  exercises: Record<string, Exercise>
}

export function stepIndex(def: ModuleDefinition, id: string): number {
  return def.steps.findIndex((step) => step.id === id)
}

export function findStep(def: ModuleDefinition, id: string): Step | undefined {
  return def.steps.find((step) => step.id === id)
}

/** Where a step leads when no goto applies: its `next`, else the step listed after it. */
export function defaultNext(def: ModuleDefinition, index: number): string {
  const step = def.steps[index]
  if (!step || step.type === 'summary') return FINISHED
  return step.next ?? def.steps[index + 1]?.id ?? FINISHED
}

/** Every step a step can lead to directly (for reference checks and BACK transitions). */
export function targetsOf(def: ModuleDefinition, index: number): string[] {
  const step = def.steps[index]
  if (!step) return []
  const targets = new Set<string>([defaultNext(def, index)])
  if (step.type !== 'summary') for (const g of step.goto ?? []) targets.add(g.step)
  if (step.type === 'choice') for (const o of step.options) if (o.goto) targets.add(o.goto)
  return [...targets]
}
