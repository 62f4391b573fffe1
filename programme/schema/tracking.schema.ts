// Content for tracking urges, use and goals (content/tracking.yaml): the lists a client picks
// from when logging an urge, the units each substance may be logged in, and the drink presets
// of the alcohol unit calculator. Units are never stored here: the engine computes them.
import { z } from 'zod'
import { SubstanceIdSchema } from './battery.schema.ts'
import { IdSchema } from './common.schema.ts'

const text = z.string().trim().min(1)

/** One entry of a pick list (a trigger, a coping strategy, a feeling); clients may add own words too. */
export const TrackingChoiceSchema = z.strictObject({ id: IdSchema, label: text })
export type TrackingChoice = z.infer<typeof TrackingChoiceSchema>

/** A unit a substance may be logged in ("UK units", "grams", "tablets"). */
export const AmountUnitSchema = z.strictObject({
  id: IdSchema,
  label: text,
  /** Decimal places a client may enter: 0 for things counted whole (lines, times). */
  decimals: z.number().int().min(0).max(2),
  /**
   * The largest amount one entry may hold. A guard against typing mistakes (an extra zero),
   * not a clinical limit: set it generously, so that an honest heavy day can still be logged.
   */
  maxPerEntry: z.number().positive(),
})
export type AmountUnit = z.infer<typeof AmountUnitSchema>

/** A standard serving for the unit calculator. Its units are computed from ml and ABV, never stored. */
export const DrinkPresetSchema = z.strictObject({
  id: IdSchema,
  label: text,
  ml: z.number().positive(),
  /** Alcohol by volume, in per cent (12 for a 12 % wine). */
  abv: z.number().positive(),
})
export type DrinkPreset = z.infer<typeof DrinkPresetSchema>

const choices = z.array(TrackingChoiceSchema).min(1)

export const TrackingSchema = z.strictObject({
  /** Where the drink servings and unit rules come from, and which lists are Foothold's own. */
  source: text,
  triggers: choices,
  copingStrategies: choices,
  feelings: choices,
  /** For every substance of the battery, the units it may be logged in; the first is the default. */
  substances: z.record(
    SubstanceIdSchema,
    z
      .array(AmountUnitSchema, {
        error: (issue) =>
          issue.input === undefined ? 'missing: every substance needs the units it is logged in' : undefined,
      })
      .min(1),
  ),
  drinks: z.array(DrinkPresetSchema).min(1),
})
export type Tracking = z.infer<typeof TrackingSchema>
