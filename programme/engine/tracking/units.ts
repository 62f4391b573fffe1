// UK alcohol units and the amounts a client logs. One validation stack: the zod schemas here
// serve both the form and the server, and the content check uses the same limits for presets.
import { z } from 'zod'
import type { SubstanceId } from '../../schema/battery.schema.ts'
import type { AmountUnit, Tracking } from '../../schema/tracking.schema.ts'

/**
 * The largest volume of one drink (or one container) in ml: a 5-litre box of wine or a
 * 3-litre bottle of cider fits; anything bigger is almost surely a typing mistake.
 */
export const ALCOHOL_ML_MAX = 5000
/** Alcohol by volume is a percentage, so it cannot pass 100 (rectified spirit is about 96 %). */
export const ABV_MAX = 100
/** How many of the same drink one calculator line may count. */
export const DRINK_COUNT_MAX = 100

/** To whole tenths, half up, without float noise (750 × 8.2 / 1000 is 6.1499…, but 6.15 rounds to 6.2). */
function roundToTenth(value: number): number {
  const tenths = Number((value * 10).toPrecision(12))
  return Math.round(tenths) / 10
}

/** What the unit calculator posts: one kind of drink and how many of it. */
export const DrinkInputSchema = z.object({
  ml: z
    .number()
    .positive('Enter how many ml')
    .max(ALCOHOL_ML_MAX, `That is more than ${ALCOHOL_ML_MAX} ml: check the amount`),
  abv: z.number().min(0, 'Strength cannot be below 0 %').max(ABV_MAX, `Strength cannot be above ${ABV_MAX} %`),
  count: z
    .number()
    .positive('Enter how many you had')
    .max(DRINK_COUNT_MAX, `That is more than ${DRINK_COUNT_MAX}: check the number`)
    .default(1),
})
export type DrinkInput = z.infer<typeof DrinkInputSchema>

/**
 * UK units in `count` drinks of `ml` at `abvPercent` % ABV: ml × ABV / 1000 (one unit is
 * 10 ml of pure alcohol; NHS, "Alcohol units"). Rounded to one decimal place, half up, as the
 * NHS figures and UK drink labels show them (330 ml of 5 % beer, 1.65, shows as 1.7). The
 * count is applied before rounding, so three such bottles are 5.0 units, not 3 × 1.7 = 5.1.
 * Throws a RangeError outside the limits of `DrinkInputSchema`.
 */
export function alcoholUnits(ml: number, abvPercent: number, count = 1): number {
  const parsed = DrinkInputSchema.safeParse({ ml, abv: abvPercent, count })
  if (!parsed.success) throw new RangeError(`Not a drink: ${parsed.error.issues.map((i) => i.message).join('; ')}`)
  return roundToTenth((ml * abvPercent * count) / 1000)
}

/** Whether `amount` has no more decimal places than `decimals` (0.25 has 2). */
export function hasAtMostDecimals(amount: number, decimals: number): boolean {
  const scaled = amount * 10 ** decimals
  return Math.abs(scaled - Math.round(scaled)) < 1e-6
}

/** The amount of one use-diary entry in `unit`: above 0, within the unit's limit and its decimals. */
export function amountSchema(unit: AmountUnit) {
  return z
    .number()
    .positive('Enter an amount above 0')
    .max(unit.maxPerEntry, `That is more than ${unit.maxPerEntry} ${unit.label}: check the amount`)
    .refine((amount) => hasAtMostDecimals(amount, unit.decimals), {
      message:
        unit.decimals === 0
          ? `Enter a whole number of ${unit.label}`
          : `Use at most ${unit.decimals} decimal place${unit.decimals === 1 ? '' : 's'}`,
    })
}

/** The unit `unitId` of a substance, or its default (the first) when no id is given; undefined if unknown. */
export function amountUnit(tracking: Tracking, substance: SubstanceId, unitId?: string): AmountUnit | undefined {
  const units = tracking.substances[substance]
  return unitId === undefined ? units[0] : units.find((unit) => unit.id === unitId)
}
