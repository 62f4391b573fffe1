// An exercise: a structured piece of work (a thought record, a support-network map…) done in a
// module's `exercise` step. Its fields drive three things from one definition: the form in the
// browser, the validation of what is posted, and the worksheet (blank, pre-filled, fillable).
import { z } from 'zod'
import { IdSchema } from './common.schema.ts'

const text = z.string().trim().min(1)

/** short: one line; long: a few lines; rating: a whole number from 0 to 10. */
export const FieldKindSchema = z.enum(['short', 'long', 'rating'])
export type FieldKind = z.infer<typeof FieldKindSchema>

export const ExerciseFieldSchema = z.strictObject({
  id: IdSchema,
  kind: FieldKindSchema,
  label: text,
  /** A short example or prompt under the label. */
  hint: text.optional(),
  /** For ratings: what 0 and 10 mean. */
  minLabel: text.optional(),
  maxLabel: text.optional(),
  /** Most fields are optional: an exercise done partly is still worth saving. */
  required: z.boolean().default(false),
})
export type ExerciseField = z.infer<typeof ExerciseFieldSchema>

export const ExerciseColumnSchema = z.strictObject({
  id: IdSchema,
  kind: z.enum(['short', 'rating']),
  label: text,
})
export type ExerciseColumn = z.infer<typeof ExerciseColumnSchema>

/** A table with a fixed number of rows (a plan with three situations, a week of activities). */
export const ExerciseTableSchema = z.strictObject({
  id: IdSchema,
  kind: z.literal('table'),
  label: text,
  hint: text.optional(),
  rows: z.number().int().min(1).max(10),
  columns: z.array(ExerciseColumnSchema).min(1).max(4),
})
export type ExerciseTable = z.infer<typeof ExerciseTableSchema>

export const ExercisePartSchema = z.union([ExerciseFieldSchema, ExerciseTableSchema])
export type ExercisePart = z.infer<typeof ExercisePartSchema>

export const ExerciseSchema = z.strictObject({
  id: IdSchema,
  version: z.string().trim().min(1),
  title: text,
  /** One or two plain sentences: what this is and how to do it. Printed on the worksheet. */
  intro: text,
  /** A guided timer offered when JavaScript is on (urge surfing); without it the text guides. */
  timer: z.strictObject({ seconds: z.number().int().min(30).max(1800), label: text }).optional(),
  sources: z.array(text).min(1, 'an exercise must cite at least one source'),
  parts: z.array(ExercisePartSchema).min(1),
})
export type Exercise = z.infer<typeof ExerciseSchema>

/** A saved exercise: field id → text or rating; table id → rows of column id → text or rating. */
export type ExerciseValue = string | number
export type ExerciseAnswer = Record<string, ExerciseValue | Array<Record<string, ExerciseValue>>>
