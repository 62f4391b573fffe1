// Compiles a module definition into an XState v5 machine, one state per step plus `finished`.
// The server steps it with the pure `initialTransition`/`transition` (STYLE.md): no actor is
// ever started, and a persisted `{ value, context }` is all that is kept between requests.
import { type AnyMachineSnapshot, assign, initialTransition, setup, transition } from 'xstate'
import { type Condition, FINISHED } from '../../schema/module.schema.ts'
import { evaluate, type Facts } from './conditions.ts'
import { defaultNext, type ModuleDefinition } from './definition.ts'

export type ModuleEvent = { type: 'NEXT'; answer?: unknown } | { type: 'BACK' } | { type: 'SKIP' } | { type: 'RESTART' }

export type ModuleContext = {
  /** Answers by step id; kept when going back so the form shows them again. */
  answers: Record<string, unknown>
  /** Steps answered or skipped, in order: BACK returns to the last one. */
  history: string[]
  /** The client's latest assessment when they started (null if none). */
  facts: Facts | null
}

/** What is stored between requests. */
export type ModuleState = { value: string; context: ModuleContext }

const machineSetup = setup({
  types: {} as { context: ModuleContext; events: ModuleEvent; input: { facts: Facts | null } },
  guards: {
    /** Condition on the answers including the one being submitted for `step`. */
    holdsWith: ({ context, event }, params: { condition: Condition; step: string }) =>
      evaluate(
        params.condition,
        event.type === 'NEXT' ? { ...context.answers, [params.step]: event.answer } : context.answers,
        context.facts,
      ),
    /** A step's `when` is checked on entry, against what has been saved. */
    whenFails: ({ context }, params: { condition: Condition }) =>
      !evaluate(params.condition, context.answers, context.facts),
    chose: ({ event }, params: { option: string }) =>
      event.type === 'NEXT' && Array.isArray(event.answer) && event.answer.includes(params.option),
    cameFrom: ({ context }, params: { step: string }) => context.history.at(-1) === params.step,
  },
  actions: {
    record: assign(({ context, event }, params: { step: string }) => ({
      answers: event.type === 'NEXT' ? { ...context.answers, [params.step]: event.answer ?? null } : context.answers,
      history: [...context.history, params.step],
    })),
    skip: assign(({ context }, params: { step: string }) => {
      const { [params.step]: _dropped, ...answers } = context.answers
      return { answers, history: [...context.history, params.step] }
    }),
    back: assign(({ context }) => ({ history: context.history.slice(0, -1) })),
    reset: assign({ answers: {}, history: [] }),
  },
})

export type ModuleMachine = ReturnType<typeof buildMachine>

function buildMachine(def: ModuleDefinition) {
  const ids = def.steps.map((step) => step.id)
  const back = (self: string) =>
    ids
      .filter((id) => id !== self)
      .map((id) => ({
        guard: { type: 'cameFrom' as const, params: { step: id } },
        target: id,
        actions: 'back' as const,
      }))
  const states = Object.fromEntries(
    def.steps.map((step, index) => {
      const next = defaultNext(def, index)
      const record = { type: 'record' as const, params: { step: step.id } }
      const optionGotos =
        step.type === 'choice' && !step.multiple
          ? step.options.flatMap((o) =>
              o.goto
                ? [{ guard: { type: 'chose' as const, params: { option: o.id } }, target: o.goto, actions: record }]
                : [],
            )
          : []
      const gotos =
        step.type === 'summary'
          ? []
          : (step.goto ?? []).map((g) => ({
              guard: { type: 'holdsWith' as const, params: { condition: g.if, step: step.id } },
              target: g.step,
              actions: record,
            }))
      return [
        step.id,
        {
          ...(step.when
            ? { always: { guard: { type: 'whenFails' as const, params: { condition: step.when } }, target: next } }
            : {}),
          on: {
            NEXT: [...optionGotos, ...gotos, { target: next, actions: record }],
            BACK: back(step.id),
            ...(step.optional
              ? { SKIP: { target: next, actions: { type: 'skip' as const, params: { step: step.id } } } }
              : {}),
          },
        },
      ]
    }),
  )
  return machineSetup.createMachine({
    id: def.id,
    initial: ids[0],
    context: ({ input }) => ({ answers: {}, history: [], facts: input.facts }),
    on: { RESTART: { target: `.${ids[0]}`, actions: 'reset' } },
    states: { ...states, [FINISHED]: { on: { BACK: back(FINISHED) } } },
  })
}

const compiled = new WeakMap<ModuleDefinition, ModuleMachine>()

/** The module's machine (cached per definition object). */
export function compileModule(def: ModuleDefinition): ModuleMachine {
  let machine = compiled.get(def)
  if (!machine) {
    machine = buildMachine(def)
    compiled.set(def, machine)
  }
  return machine
}

function persist(snapshot: AnyMachineSnapshot): ModuleState {
  return { value: String(snapshot.value), context: snapshot.context as ModuleContext }
}

/** A fresh start: the first step whose `when` holds. */
export function startModule(def: ModuleDefinition, facts: Facts | null): ModuleState {
  const [snapshot] = initialTransition(compileModule(def), { facts })
  return persist(snapshot)
}

/** The state after `event`; the same state when the event does not apply here. */
export function stepModule(def: ModuleDefinition, state: ModuleState, event: ModuleEvent): ModuleState {
  const machine = compileModule(def)
  const [snapshot] = transition(machine, machine.resolveState(state), event)
  return persist(snapshot)
}

export function isFinished(state: ModuleState): boolean {
  return state.value === FINISHED
}
