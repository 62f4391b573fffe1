// The assessment battery: the substances a client can name, and which instruments follow.
import { z } from 'zod'
import { IdSchema } from './common.schema.ts'

export const SUBSTANCE_IDS = ['alcohol', 'opioids', 'stimulants', 'cannabis', 'benzodiazepines', 'other'] as const
export const SubstanceIdSchema = z.enum(SUBSTANCE_IDS)
export type SubstanceId = z.infer<typeof SubstanceIdSchema>

export const SubstanceSchema = z.strictObject({
  id: SubstanceIdSchema,
  kind: z.enum(['alcohol', 'drug']),
  /** Shown when the client chooses their substances. */
  name: z.string().trim().min(1),
  /** Put in place of {substance} in the Severity of Dependence Scale. Required for drugs. */
  sdsWording: z.string().trim().min(1).optional(),
})
export type Substance = z.infer<typeof SubstanceSchema>

export const BatteryStepRuleSchema = z.strictObject({
  instrument: IdSchema,
  when: z.enum(['always', 'alcohol-named', 'drug-named']),
  /** main-drug: the main substance if it is a drug, otherwise the first drug named. */
  substance: z.literal('main-drug').optional(),
})
export type BatteryStepRule = z.infer<typeof BatteryStepRuleSchema>

export const BatterySchema = z.strictObject({
  substances: z.array(SubstanceSchema).min(1),
  /** In the order they are asked. */
  steps: z.array(BatteryStepRuleSchema).min(1),
})
export type Battery = z.infer<typeof BatterySchema>
