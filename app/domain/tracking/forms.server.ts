// The zod schemas for the tracking forms (urge log, use diary), built from the content lists so
// that only known triggers, strategies, feelings, substances and units are accepted. Times come
// in as the client's local wall-clock time and must not be in the future.
import { z } from 'zod'
import { publishedText } from '#app/domain/studio/content.server.ts'
import {
  alcoholUnits,
  amountSchema,
  amountUnit,
  DrinkInputSchema,
  loadProgramme,
  SUBSTANCE_IDS,
  type SubstanceId,
  type Tracking,
} from '#programme/engine/index.ts'
import { calculatorTotal } from './amounts.ts'

export const NOTE_MAX = 1000
export const SHORT_MAX = 200
/** After a lapse, a short note of what happened and what the client learned (H-041). */
export const LAPSE_NOTE_MAX = 280
/** Most anyone spends on one entry is far below this; above it is a typing mistake. */
export const SPEND_MAX_POUNDS = 10_000

const optionalText = (max: number) => z.string().trim().max(max, `Please keep this under ${max} characters`).optional()

const number = (message: string) => z.coerce.number({ error: message })

/** 'YYYY-MM-DDTHH:mm' as a datetime-local field sends it; empty means now. */
const localTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Enter a date and time, for example 2026-11-21T18:30')
  .optional()

function ids(list: ReadonlyArray<{ id: string }>) {
  return list.map((item) => item.id) as [string, ...string[]]
}

let cached: ReturnType<typeof build> | undefined
function build(tracking: Tracking) {
  const substance = z.enum(SUBSTANCE_IDS, { error: 'Choose a substance from the list' })
  const amount = number('Enter an amount, like 2 or 1.5').positive('Enter an amount above 0')
  /** Any unit some substance has; whether it fits the chosen substance is checked in checkAmount. */
  const unitIds = [...new Set(Object.values(tracking.substances).flatMap((units) => ids(units)))] as [
    string,
    ...string[],
  ]
  const unit = z.enum(unitIds, { error: 'Choose a unit from the list' })
  /** The calculator's numbers are checked whenever they are sent, not only when they are used. */
  const drinkRules = {
    ml: DrinkInputSchema.shape.ml,
    abv: DrinkInputSchema.shape.abv,
    count: DrinkInputSchema.shape.count.unwrap(),
  }
  const drinkField = (key: keyof typeof drinkRules, message: string) => number(message).pipe(drinkRules[key]).optional()

  /** An amount must fit its substance's unit: a known unit, its limit and its decimals. */
  const checkAmount = (
    value: { substance?: SubstanceId; amount?: number; unit?: string },
    ctx: z.RefinementCtx,
    path: { amount: string; unit: string },
  ) => {
    if (!value.substance || value.amount === undefined) return
    const unit = amountUnit(tracking, value.substance, value.unit || undefined)
    if (!unit) {
      ctx.addIssue({ code: 'custom', path: [path.unit], message: 'Choose a unit from the list' })
      return
    }
    const checked = amountSchema(unit).safeParse(value.amount)
    if (!checked.success)
      for (const issue of checked.error.issues)
        ctx.addIssue({ code: 'custom', path: [path.amount], message: issue.message })
  }

  const UrgeSchema = z
    .object({
      when: localTime,
      intensity: number('Choose how strong the urge is, from 0 to 10')
        .int('Choose a whole number from 0 to 10')
        .min(0, 'Choose a number from 0 to 10')
        .max(10, 'Choose a number from 0 to 10'),
      trigger: z.enum(ids(tracking.triggers), { error: 'Choose a trigger from the list' }).optional(),
      triggerNote: optionalText(SHORT_MAX),
      place: optionalText(SHORT_MAX),
      withWhom: optionalText(SHORT_MAX),
      feeling: z.enum(ids(tracking.feelings), { error: 'Choose a feeling from the list' }).optional(),
      thought: optionalText(NOTE_MAX),
      coping: z
        .array(z.enum(ids(tracking.copingStrategies), { error: 'Choose from the list' }))
        .max(tracking.copingStrategies.length, 'Choose each one only once')
        .default([])
        .transform((chosen) => [...new Set(chosen)]),
      copingNote: optionalText(SHORT_MAX),
      outcome: z.enum(['rode-out', 'used'], { error: 'Choose what happened' }).optional(),
      usedSubstance: substance.optional(),
      usedAmount: amount.optional(),
      usedUnit: unit.optional(),
      note: optionalText(NOTE_MAX),
    })
    .superRefine((value, ctx) => {
      if (value.outcome !== 'used' && (value.usedSubstance || value.usedAmount !== undefined))
        ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'Choose "I used" to say what you used' })
      checkAmount({ substance: value.usedSubstance, amount: value.usedAmount, unit: value.usedUnit }, ctx, {
        amount: 'usedAmount',
        unit: 'usedUnit',
      })
    })

  const UseSchema = z
    .object({
      when: localTime,
      substance,
      amount: amount.optional(),
      unit: unit.optional(),
      /** The alcohol calculator: a preset, or ml and ABV typed in, times how many. */
      drink: z.enum(ids(tracking.drinks), { error: 'Choose a drink from the list' }).optional(),
      ml: drinkField('ml', 'Enter the ml, like 568'),
      abv: drinkField('abv', 'Enter the strength, like 4.5'),
      count: drinkField('count', 'Enter how many you had'),
      spend: number('Enter the money as a number, like 12.50')
        .min(0, 'Money spent cannot be below 0')
        .max(SPEND_MAX_POUNDS, `That is more than £${SPEND_MAX_POUNDS}: check the amount`)
        .optional(),
      note: optionalText(NOTE_MAX),
      lapseNote: optionalText(LAPSE_NOTE_MAX),
    })
    .superRefine((value, ctx) => {
      const calculator = value.drink !== undefined || value.ml !== undefined || value.abv !== undefined
      if (value.substance === 'alcohol' && calculator) {
        const preset = tracking.drinks.find((d) => d.id === value.drink)
        const drink = DrinkInputSchema.safeParse({
          ml: value.ml ?? preset?.ml,
          abv: value.abv ?? preset?.abv,
          count: value.count ?? 1,
        })
        if (!drink.success)
          for (const issue of drink.error.issues)
            ctx.addIssue({ code: 'custom', path: [String(issue.path[0] ?? 'drink')], message: issue.message })
        return
      }
      if (value.amount === undefined) {
        ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Enter how much you used' })
        return
      }
      checkAmount(value, ctx, { amount: 'amount', unit: 'unit' })
    })

  return { tracking, UrgeSchema, UseSchema }
}

/**
 * The schemas for these pick lists: built once for the base edition's (content, not domain
 * data); built on each call for a service's own published lists, so a publish in one process
 * reaches every process at once.
 */
export function trackingForms(tracking: Tracking = loadProgramme().tracking) {
  if (tracking !== loadProgramme().tracking) return build(tracking)
  cached ??= build(tracking)
  return cached
}

/** The pick lists as the service publishes them (the studio may reword entries and add its own). */
export function publishedTracking(): Promise<Tracking> {
  return publishedText('pick-lists')
}

export type UrgeForm = z.infer<ReturnType<typeof build>['UrgeSchema']>
export type UseForm = z.infer<ReturnType<typeof build>['UseSchema']>

/** The pick lists the forms show, as plain data for the page. */
export function trackingChoices(tracking: Tracking) {
  const programme = loadProgramme()
  return {
    triggers: tracking.triggers,
    feelings: tracking.feelings,
    copingStrategies: tracking.copingStrategies,
    substances: programme.battery.substances.map((s) => ({
      id: s.id,
      name: s.name,
      units: tracking.substances[s.id].map((u) => ({ id: u.id, label: u.label })),
    })),
    drinks: tracking.drinks.map((d) => ({ ...d, units: alcoholUnits(d.ml, d.abv) })),
  }
}

export type TrackingChoices = ReturnType<typeof trackingChoices>

/** The unit calculator's total for a posted use form ("Work it out" without JavaScript), or null. */
export function calculatorTotalOf(formData: FormData): number | null {
  const value = (name: string) => {
    const got = formData.get(name)
    return typeof got === 'string' ? got : undefined
  }
  return calculatorTotal(
    { drink: value('drink'), ml: value('ml'), abv: value('abv'), count: value('count') },
    trackingForms().tracking.drinks,
  )
}
