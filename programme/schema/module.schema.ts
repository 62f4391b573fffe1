// A module: a short piece of guided work (10–15 minutes) for one or more life areas, made of
// steps. Branching and skipping use small declarative conditions, never expression strings.
import { z } from 'zod'
import { SubstanceIdSchema } from './battery.schema.ts'
import { IdSchema } from './common.schema.ts'
import { LifeAreaIdSchema } from './life-areas.schema.ts'

const text = z.string().trim().min(1)

/** The machine's end state; no step may take this id. */
export const FINISHED = 'finished'
const StepIdSchema = IdSchema.refine((id) => id !== FINISHED, `"${FINISHED}" is reserved`)

const bounds = {
  atLeast: z.number().int().optional(),
  atMost: z.number().int().optional(),
}

/**
 * A condition on earlier answers in this module, or on the client's latest assessment.
 * - `{ answer: step, is: option }`: that choice step's answer includes the option;
 * - `{ answer: step, atLeast, atMost }`: that rating step's answer is in range;
 * - `{ score: instrument, atLeast, atMost }`: the latest assessment total is in range;
 * - `{ item: itemId, atLeast, atMost }`: the latest assessment answer to that item is in range
 *   (e.g. the readiness ruler);
 * - `{ substance }`: the client named that substance in their latest assessment;
 * - `all`, `any`, `not` combine them.
 * Anything about an assessment is false when the client has not completed one.
 */
export type Condition =
  | { answer: string; is: string }
  | { answer: string; atLeast?: number; atMost?: number }
  | { score: string; atLeast?: number; atMost?: number }
  | { item: string; atLeast?: number; atMost?: number }
  | { substance: z.infer<typeof SubstanceIdSchema> }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }

const hasBound = (c: { atLeast?: number; atMost?: number }) => c.atLeast !== undefined || c.atMost !== undefined

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ answer: IdSchema, is: IdSchema }),
    z.strictObject({ answer: IdSchema, ...bounds }).refine(hasBound, 'give atLeast or atMost'),
    z.strictObject({ score: IdSchema, ...bounds }).refine(hasBound, 'give atLeast or atMost'),
    z.strictObject({ item: IdSchema, ...bounds }).refine(hasBound, 'give atLeast or atMost'),
    z.strictObject({ substance: SubstanceIdSchema }),
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
  ]),
)

/** Safety notices a module carries; each is shown only to clients it concerns (see the engine). */
export const NOTICE_IDS = ['overdose-after-a-break', 'alcohol-withdrawal', 'sedative-taper'] as const
export const NoticeIdSchema = z.enum(NOTICE_IDS)
export type NoticeId = z.infer<typeof NoticeIdSchema>

const stepBase = {
  id: StepIdSchema,
  /** The step's heading. */
  title: text,
  /** Show this step only when the condition holds; otherwise it is passed over. */
  when: ConditionSchema.optional(),
  /** Checked in order after the step is answered; the first that holds decides the next step. */
  goto: z.array(z.strictObject({ if: ConditionSchema, step: StepIdSchema })).optional(),
  /** The next step when no goto applies; by default the step listed after this one. */
  next: StepIdSchema.optional(),
  /** The client may skip this step. */
  optional: z.boolean().default(false),
}

export const ReadStepSchema = z.strictObject({
  ...stepBase,
  type: z.literal('read'),
  /** A Markdown file in the module's folder. */
  file: z.string().regex(/^[a-z0-9-]+\.md$/, 'a Markdown file name such as intro.md'),
})

export const ReflectStepSchema = z.strictObject({
  ...stepBase,
  type: z.literal('reflect'),
  prompt: text,
  hint: text.optional(),
})

export const ChoiceOptionSchema = z.strictObject({
  id: IdSchema,
  label: text,
  /** Choosing this option (single choice only) leads to that step. */
  goto: StepIdSchema.optional(),
  /** Choosing this option raises a safety rule: the support panel shows at once. */
  safety: z.literal('self-harm').optional(),
})

export const ChoiceStepSchema = z.strictObject({
  ...stepBase,
  type: z.literal('choice'),
  prompt: text,
  hint: text.optional(),
  multiple: z.boolean().default(false),
  options: z.array(ChoiceOptionSchema).min(2),
})

export const RatingStepSchema = z.strictObject({
  ...stepBase,
  type: z.literal('rating'),
  prompt: text,
  hint: text.optional(),
  minLabel: text,
  maxLabel: text,
})

export const ExerciseStepSchema = z.strictObject({
  ...stepBase,
  type: z.literal('exercise'),
  /** An exercise id from content/exercises/. */
  exercise: IdSchema,
})

export const WorksheetStepSchema = z.strictObject({
  ...stepBase,
  type: z.literal('worksheet'),
  /** The exercise step (earlier in this module) whose worksheet is offered. */
  for: StepIdSchema,
  text: text.optional(),
})

export const GoalTypeSchema = z.enum(['stop', 'cut-down', 'lifestyle'])
export type GoalType = z.infer<typeof GoalTypeSchema>

export const GoalStepSchema = z.strictObject({
  ...stepBase,
  type: z.literal('goal'),
  prompt: text,
  hint: text.optional(),
  /** The goal type suggested (the client can change it). */
  suggest: GoalTypeSchema.default('lifestyle'),
})

export const SummaryStepSchema = z.strictObject({
  ...stepBase,
  type: z.literal('summary'),
  /** A Markdown file in the module's folder: what next. The steps done are listed above it. */
  file: z.string().regex(/^[a-z0-9-]+\.md$/, 'a Markdown file name such as summary.md'),
})

export const StepSchema = z.discriminatedUnion('type', [
  ReadStepSchema,
  ReflectStepSchema,
  ChoiceStepSchema,
  RatingStepSchema,
  ExerciseStepSchema,
  WorksheetStepSchema,
  GoalStepSchema,
  SummaryStepSchema,
])
export type Step = z.infer<typeof StepSchema>
export type StepType = Step['type']
export type StepOf<T extends StepType> = Extract<Step, { type: T }>

export const ModuleSchema = z.strictObject({
  id: IdSchema,
  /** Bump it whenever the steps change: clients part-way through keep the version they began. */
  version: z.string().trim().min(1),
  title: text,
  /** One or two sentences for the module list. */
  summary: text,
  areas: z.array(LifeAreaIdSchema).min(1),
  minutes: z.number().int().min(5).max(30),
  sources: z.array(text).min(1, 'a module must cite at least one source'),
  notices: z.array(NoticeIdSchema).default([]),
  steps: z.array(StepSchema).min(2),
})
export type Module = z.infer<typeof ModuleSchema>
