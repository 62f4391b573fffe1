// What each step type accepts as its answer: one zod schema per step, used by the server to
// parse a posted form (field names follow conform's `table[0].column` convention) and to
// validate an answer before it reaches the machine. The schema's output is the stored answer.
import { z } from 'zod'
import { SUBSTANCE_IDS } from '../../schema/battery.schema.ts'
import type { Exercise, ExerciseAnswer } from '../../schema/exercise.schema.ts'
import { LIFE_AREA_IDS } from '../../schema/life-areas.schema.ts'
import { GoalTypeSchema, type Step } from '../../schema/module.schema.ts'
import type { ModuleDefinition } from './definition.ts'

export const SHORT_MAX = 300
export const LONG_MAX = 4000

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Please keep this under ${max} characters`)
    .optional()
    .transform((v) => v || undefined)

const requiredText = (max: number, message: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Please keep this under ${max} characters`)

const rating = (message = 'Choose a number from 0 to 10') =>
  z.coerce.number({ error: message }).int(message).min(0, message).max(10, message)

export const GoalAnswerSchema = z.strictObject({
  what: requiredText(SHORT_MAX, 'Say what your goal is'),
  type: GoalTypeSchema.default('lifestyle'),
  substance: z.enum(SUBSTANCE_IDS, { error: 'Choose a substance from the list' }).optional(),
  howMuch: optionalText(SHORT_MAX),
  byWhen: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date, for example 2027-01-31')
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'Enter a real date')
    .optional(),
  why: optionalText(LONG_MAX),
  area: z.enum(LIFE_AREA_IDS, { error: 'Choose a life area from the list' }),
})
export type GoalAnswer = z.infer<typeof GoalAnswerSchema>

/** The answer schema for an exercise: short and long text, 0–10 ratings, tables of rows. */
export function exerciseAnswerSchema(exercise: Exercise): z.ZodType<ExerciseAnswer> {
  const shape: Record<string, z.ZodType> = {}
  for (const part of exercise.parts) {
    if (part.kind === 'table') {
      const row = z.object(
        Object.fromEntries(
          part.columns.map((c) => [c.id, c.kind === 'rating' ? rating().optional() : optionalText(SHORT_MAX)]),
        ),
      )
      shape[part.id] = z
        .array(row.optional())
        .max(part.rows)
        .optional()
        // Keep only rows with something in them, so a half-used table prints cleanly.
        .transform((rows) =>
          (rows ?? []).flatMap((r) => {
            const kept = Object.fromEntries(Object.entries(r ?? {}).filter(([, v]) => v !== undefined))
            return Object.keys(kept).length > 0 ? [kept] : []
          }),
        )
    } else if (part.kind === 'rating') {
      shape[part.id] = part.required ? rating() : rating().optional()
    } else {
      const max = part.kind === 'long' ? LONG_MAX : SHORT_MAX
      shape[part.id] = part.required ? requiredText(max, `Fill in “${part.label}”`) : optionalText(max)
    }
  }
  return z
    .object(shape)
    .transform((value) =>
      Object.fromEntries(
        Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
      ),
    ) as unknown as z.ZodType<ExerciseAnswer>
}

/**
 * The form schema for a step. Its output is the answer stored for the step: null for steps
 * without input, a string (reflect), option ids (choice), 0–10 (rating), an ExerciseAnswer or
 * a GoalAnswer.
 */
export function stepAnswerSchema(def: ModuleDefinition, step: Step): z.ZodType<unknown> {
  switch (step.type) {
    case 'read':
    case 'worksheet':
    case 'summary':
      return z.object({}).transform(() => null)
    case 'reflect':
      return z
        .object({
          text: step.optional
            ? optionalText(LONG_MAX)
            : requiredText(LONG_MAX, 'Write a few words before you carry on'),
        })
        .transform((v) => v.text ?? null)
    case 'choice': {
      const ids = step.options.map((o) => o.id) as [string, ...string[]]
      const option = z.enum(ids, { error: 'Choose one of the options shown' })
      return step.multiple
        ? z
            .object({ choice: z.array(option, { error: 'Choose at least one' }).min(1, 'Choose at least one') })
            .transform((v) => [...new Set(v.choice)])
        : z.object({ choice: option }).transform((v) => [v.choice])
    }
    case 'rating':
      return z.object({ rating: rating() }).transform((v) => v.rating)
    case 'exercise': {
      const exercise = def.exercises[step.exercise]
      if (!exercise) throw new Error(`Module ${def.id} uses unknown exercise ${step.exercise}`)
      return exerciseAnswerSchema(exercise)
    }
    case 'goal':
      return GoalAnswerSchema
  }
}
