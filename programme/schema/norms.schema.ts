// Reference figures for normative feedback; each one cites where it comes from.
import { z } from 'zod'
import { IdSchema } from './common.schema.ts'

export const NormSchema = z.strictObject({
  id: IdSchema,
  value: z.number(),
  unit: z.string().trim().min(1),
  label: z.string().trim().min(1),
  meaning: z.string().trim().min(1),
  source: z.string().trim().min(1),
})
export type Norm = z.infer<typeof NormSchema>

export const NormsSchema = z.strictObject({ norms: z.array(NormSchema) })
export type Norms = z.infer<typeof NormsSchema>
