// The six life areas of Foothold's own life-area check, and their (our own) need bands.
import { z } from 'zod'
import { BandSchema, IdSchema } from './common.schema.ts'

/** The areas in their declared order; ties in ranking are broken by this order. */
export const LIFE_AREA_IDS = ['situations', 'emotions', 'thoughts', 'physical', 'behaviours', 'lifestyle'] as const
export const LifeAreaIdSchema = z.enum(LIFE_AREA_IDS)
export type LifeAreaId = z.infer<typeof LifeAreaIdSchema>

export const LifeAreaSchema = z.strictObject({
  id: LifeAreaIdSchema,
  name: z.string().trim().min(1),
  description: z.string().trim().min(1),
  /** The reason shown with a recommendation; `{score}` is replaced by the area's score. */
  needs: z.string().includes('{score}', { message: 'needs must contain {score}' }),
})
export type LifeArea = z.infer<typeof LifeAreaSchema>

/** A need band; `recommend` says whether modules for an area in this band are suggested. */
export const LifeAreaBandSchema = BandSchema.extend({ recommend: z.boolean() })
export type LifeAreaBand = z.infer<typeof LifeAreaBandSchema>

export const LifeAreasSchema = z.strictObject({
  /** The instrument whose items (each tagged with an area) are scored per area. */
  instrument: IdSchema,
  source: z.string().trim().min(1),
  areas: z.array(LifeAreaSchema).min(1),
  bands: z.array(LifeAreaBandSchema).min(1),
})
export type LifeAreas = z.infer<typeof LifeAreasSchema>
