// How a count of units reads: "1 unit", "1 UK unit", "2.5 grams", never "1 units". The content
// names units in the plural ("UK units", "grams", "tablets"); a count of exactly one drops the
// final s. Pure, so pages and PDFs share it (issue 16, item 11).
import { alcoholUnits, DrinkInputSchema } from '#programme/engine/tracking/units.ts'

/** The unit's name for `amount` of it: "UK units" → "UK unit" when the amount is 1. */
export function unitName(amount: number | string, plural: string): string {
  return Number(amount) === 1 && /[^s]s$/.test(plural) ? plural.slice(0, -1) : plural
}

/** "1 UK unit", "2 UK units", "0.5 grams" (`plural` as the content names it). */
export function countOf(amount: number | string, plural: string): string {
  return `${amount} ${unitName(amount, plural)}`
}

/** UK units of alcohol with the right word: "1 unit", "3.4 units". */
export function alcoholUnitsText(units: number | string): string {
  return countOf(units, 'units')
}

/**
 * The unit calculator's running total from its fields (a preset drink, or ml and ABV typed in,
 * times how many), or null while they do not make a drink: the server's own sum (alcoholUnits).
 */
export function calculatorTotal(
  fields: { drink?: string; ml?: string; abv?: string; count?: string },
  drinks: ReadonlyArray<{ id: string; ml: number; abv: number }>,
): number | null {
  const preset = drinks.find((d) => d.id === fields.drink)
  const read = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : Number(value))
  const drink = DrinkInputSchema.safeParse({
    ml: read(fields.ml) ?? preset?.ml,
    abv: read(fields.abv) ?? preset?.abv,
    count: read(fields.count) ?? 1,
  })
  return drink.success ? alcoholUnits(drink.data.ml, drink.data.abv, drink.data.count) : null
}

/** A total of UK units to one decimal place: "3.5 UK units", "0.0 UK units", but "1 UK unit". */
export function ukUnits(total: number): string {
  const tenth = Math.round(total * 10) / 10
  return tenth === 1 ? '1 UK unit' : `${tenth.toFixed(1)} UK units`
}
