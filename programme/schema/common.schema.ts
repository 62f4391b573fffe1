// Pieces shared by every content schema: ids and score bands.
import { z } from 'zod'

/** A stable content id: lower-case words and numbers joined by hyphens (`phq-9-1`). */
export const IdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, numbers and hyphens')

const text = z.string().trim().min(1)

/** Colour level of a band, from no concern to the most serious. */
export const BandLevelSchema = z.enum(['none', 'low', 'moderate', 'high', 'severe'])
export type BandLevel = z.infer<typeof BandLevelSchema>

/**
 * A score range (inclusive at both ends) with its published label and a plain meaning. That
 * min ≤ max, and that an instrument's bands cover its score range, is checked by the loader.
 */
export const BandSchema = z.strictObject({
  id: IdSchema,
  min: z.number().int(),
  max: z.number().int(),
  label: text,
  /** One or two sentences at a reading age of about 11–12. */
  meaning: text,
  level: BandLevelSchema,
})
export type Band = z.infer<typeof BandSchema>
