// An instrument as content: items with their published wording and option scores, a
// declarative scoring rule, bands and safety triggers. One schema serves authoring and loading.
import { z } from 'zod'
import { BandSchema, IdSchema } from './common.schema.ts'
import { LifeAreaIdSchema } from './life-areas.schema.ts'

const text = z.string().trim().min(1)

/**
 * The quantity an answer stands for, used for normative feedback (weekly units): for example
 * "2 to 3 times per week" is { min: 2, max: 3, per: week }. `max: null` means no upper limit.
 */
export const OptionRangeSchema = z.strictObject({
  min: z.number().nonnegative(),
  max: z.number().nonnegative().nullable(),
  per: z.enum(['day', 'week', 'month']),
})
export type OptionRange = z.infer<typeof OptionRangeSchema>

export const OptionSchema = z.strictObject({
  label: text,
  value: z.number().int(),
  range: OptionRangeSchema.optional(),
})
export type Option = z.infer<typeof OptionSchema>

export const ItemSchema = z.strictObject({
  id: IdSchema,
  /** The item's published wording, verbatim. */
  text,
  options: z.array(OptionSchema).min(2),
  /** Only on life-area check items: the area the item counts towards. */
  area: LifeAreaIdSchema.optional(),
})
export type Item = z.infer<typeof ItemSchema>

/**
 * sum: total = sum of item scores, reverse-scored items flipped (max + min − value).
 * none: no total (a ruler: each answer stands alone). by-area: scored per life area.
 */
export const ScoringSchema = z.strictObject({
  method: z.enum(['sum', 'none', 'by-area']),
  reverse: z.array(IdSchema).default([]),
})
export type Scoring = z.infer<typeof ScoringSchema>

export const SafetyRuleSchema = z.enum(['self-harm', 'alcohol-dependence'])
export type SafetyRule = z.infer<typeof SafetyRuleSchema>

/** A small declarative condition: one item's answer, or the total, at or above a value. */
export const SafetyConditionSchema = z.union([
  z.strictObject({ item: IdSchema, gte: z.number() }),
  z.strictObject({ total: z.strictObject({ gte: z.number() }) }),
])
export type SafetyCondition = z.infer<typeof SafetyConditionSchema>

export const SafetyTriggerSchema = z.strictObject({ rule: SafetyRuleSchema, when: SafetyConditionSchema })
export type SafetyTrigger = z.infer<typeof SafetyTriggerSchema>

/** LOINC codes carry a mod-10 check digit; checking it catches a mistyped code. */
export function loincCheckDigitOk(code: string): boolean {
  const match = /^(\d{1,7})-(\d)$/.exec(code)
  if (!match?.[1] || !match[2]) return false
  const digits = [...match[1]].reverse().map(Number)
  let sum = 0
  digits.forEach((digit, index) => {
    const doubled = index % 2 === 0 ? digit * 2 : digit
    sum += doubled > 9 ? doubled - 9 : doubled
  })
  return (10 - (sum % 10)) % 10 === Number(match[2])
}

export const LoincCodeSchema = z.string().refine(loincCheckDigitOk, { message: 'Not a valid LOINC code' })

export const InstrumentSchema = z.strictObject({
  id: IdSchema,
  version: text,
  title: text,
  /** validated: a published instrument scored as published. foothold: our own, never presented as validated. */
  kind: z.enum(['validated', 'foothold']),
  /** Full citation: authors, year, title, where; and where the thresholds come from. */
  source: text,
  licence: text,
  /** Only codes confirmed against LOINC. */
  loinc: z.strictObject({ total: LoincCodeSchema }).optional(),
  /** The instruction or stem shown before the items. */
  intro: text,
  /** Empty in the file for a derived instrument; the loader copies the source items in. */
  items: z.array(ItemSchema).default([]),
  /** Scored from another instrument's answers, never asked on its own (AUDIT-C). */
  derivedFrom: z.strictObject({ instrument: IdSchema, items: z.array(IdSchema).min(1) }).optional(),
  scoring: ScoringSchema,
  bands: z.array(BandSchema).default([]),
  safety: z.array(SafetyTriggerSchema).default([]),
  /** Items whose answers' ranges give weekly units (frequency × units per drinking day). */
  weeklyUnits: z.strictObject({ frequencyItem: IdSchema, quantityItem: IdSchema }).optional(),
})
export type Instrument = z.infer<typeof InstrumentSchema>
