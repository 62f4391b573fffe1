// Generated path checks for a module (xstate/graph): walk every state reachable with sample
// answers for each step and every variant of the assessment facts the module's conditions ask
// about, then report steps no path reaches and states from which no path finishes.
import { getAdjacencyMap } from 'xstate/graph'
import { SUBSTANCE_IDS } from '../../schema/battery.schema.ts'
import type { Exercise } from '../../schema/exercise.schema.ts'
import { type Condition, FINISHED, type Step } from '../../schema/module.schema.ts'
import { type Facts, leaves } from './conditions.ts'
import type { ModuleDefinition } from './definition.ts'
import { compileModule, type ModuleEvent } from './machine.ts'

const LIMIT = 20_000

function conditionsOf(def: ModuleDefinition): Condition[] {
  return def.steps.flatMap((step) => [
    ...(step.when ? leaves(step.when) : []),
    ...(step.type === 'summary' ? [] : (step.goto ?? []).flatMap((g) => leaves(g.if))),
  ])
}

/** Boundary values: each bound, and one either side. */
function samples(conditions: Condition[], key: (c: Condition) => string | undefined): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>()
  for (const c of conditions) {
    const k = key(c)
    if (k === undefined || !('atLeast' in c || 'atMost' in c)) continue
    const set = out.get(k) ?? new Set<number>()
    for (const bound of [(c as { atLeast?: number }).atLeast, (c as { atMost?: number }).atMost]) {
      if (bound !== undefined) for (const v of [bound - 1, bound, bound + 1]) set.add(v)
    }
    out.set(k, set)
  }
  return out
}

/** No assessment; a neutral one; and one per boundary value and per substance asked about. */
export function factVariants(def: ModuleDefinition): Array<Facts | null> {
  const conditions = conditionsOf(def)
  const neutral: Facts = { scores: {}, items: {}, substances: [] }
  const variants: Array<Facts | null> = [null, neutral]
  for (const [id, values] of samples(conditions, (c) => ('score' in c ? c.score : undefined)))
    for (const v of values) variants.push({ ...neutral, scores: { [id]: v } })
  for (const [id, values] of samples(conditions, (c) => ('item' in c ? c.item : undefined)))
    for (const v of values) variants.push({ ...neutral, items: { [id]: v } })
  const substances = new Set(conditions.flatMap((c) => ('substance' in c ? [c.substance] : [])))
  for (const s of substances) variants.push({ ...neutral, substances: [s] })
  if (substances.size > 1) variants.push({ ...neutral, substances: [...SUBSTANCE_IDS] })
  return variants
}

function exerciseSample(exercise: Exercise): Record<string, unknown> {
  return Object.fromEntries(
    exercise.parts.map((p) => [
      p.id,
      p.kind === 'table'
        ? [Object.fromEntries(p.columns.map((c) => [c.id, c.kind === 'rating' ? 5 : 'x']))]
        : p.kind === 'rating'
          ? 5
          : 'x',
    ]),
  )
}

/** Sample answers that between them take every route out of a step. */
export function sampleAnswers(def: ModuleDefinition, step: Step): unknown[] {
  switch (step.type) {
    case 'choice':
      return step.multiple
        ? [...step.options.map((o) => [o.id]), step.options.map((o) => o.id)]
        : step.options.map((o) => [o.id])
    case 'rating': {
      const bounds = samples(conditionsOf(def), (c) => ('answer' in c && !('is' in c) ? c.answer : undefined)).get(
        step.id,
      )
      return [...new Set([0, 10, ...(bounds ?? [])])].filter((v) => v >= 0 && v <= 10)
    }
    case 'reflect':
      return ['a few words']
    case 'exercise': {
      const exercise = def.exercises[step.exercise]
      return [exercise ? exerciseSample(exercise) : {}]
    }
    case 'goal':
      return [{ what: 'Drink less', type: step.suggest, area: def.areas[0] }]
    default:
      return [null]
  }
}

export type PathReport = { unreachable: string[]; neverFinish: string[]; tooMany: boolean; states: number }

export function checkPaths(def: ModuleDefinition): PathReport {
  const machine = compileModule(def)
  const reached = new Set<string>()
  const neverFinish = new Set<string>()
  let states = 0
  let tooMany = false
  for (const facts of factVariants(def)) {
    const map = getAdjacencyMap(machine, {
      input: { facts },
      limit: LIMIT,
      // Answers decide routes; the history only decides BACK, which is not walked.
      serializeState: (s) => JSON.stringify([s.value, s.context.answers]),
      events: (snapshot) => {
        const step = def.steps.find((s) => s.id === snapshot.value)
        if (!step) return []
        const events: ModuleEvent[] = sampleAnswers(def, step).map((answer) => ({ type: 'NEXT', answer }))
        if (step.optional) events.push({ type: 'SKIP' })
        return events
      },
    })
    const entries = Object.entries(map)
    states += entries.length
    if (entries.length >= LIMIT) tooMany = true
    // Which states can reach `finished`: fixed point over the edges.
    const finishing = new Set(entries.filter(([, v]) => v.state.value === FINISHED).map(([k]) => k))
    const key = (s: { value: unknown; context: { answers: unknown } }) => JSON.stringify([s.value, s.context.answers])
    for (let changed = true; changed; ) {
      changed = false
      for (const [k, v] of entries) {
        if (finishing.has(k)) continue
        const next = Object.values(v.transitions) as Array<{ state: { value: unknown; context: { answers: unknown } } }>
        if (next.some((t) => finishing.has(key(t.state)))) {
          finishing.add(k)
          changed = true
        }
      }
    }
    for (const [k, v] of entries) {
      reached.add(String(v.state.value))
      if (!finishing.has(k)) neverFinish.add(String(v.state.value))
    }
  }
  return {
    unreachable: def.steps.map((s) => s.id).filter((id) => !reached.has(id)),
    neverFinish: [...neverFinish],
    tooMany,
    states,
  }
}
