import { describe, expect, it } from 'vitest'
import type { AmountUnit } from '../../schema/tracking.schema.ts'
import { loadProgramme } from '../load.ts'
import { ABV_MAX, ALCOHOL_ML_MAX, alcoholUnits, amountSchema, DrinkInputSchema, hasAtMostDecimals } from './units.ts'

describe('alcoholUnits (ml × ABV / 1000, one decimal place)', () => {
  it.each([
    // [ml, ABV %, units]
    [568, 4, 2.3], // a pint of 4 % beer: 2.272
    [175, 12, 2.1],
    [25, 40, 1],
    [1000, 40, 40], // a litre of spirits
    [500, 0, 0], // alcohol-free
  ])('%i ml at %f %% is %f units', (ml, abv, units) => {
    expect(alcoholUnits(ml, abv)).toBe(units)
  })

  it('rounds halves up, as the NHS figures do, without float noise', () => {
    expect(alcoholUnits(330, 5)).toBe(1.7) // 1.65
    expect(alcoholUnits(750, 8.2)).toBe(6.2) // 6.15, which floats hold as 6.1499…
    expect(alcoholUnits(275, 5.5)).toBe(1.5) // 1.5125
  })

  it('counts drinks before rounding, so several drinks do not gather rounding errors', () => {
    expect(alcoholUnits(330, 5, 3)).toBe(5) // 4.95, not 3 × 1.7
    expect(alcoholUnits(568, 3.6, 0.5)).toBe(1) // half a pint
  })

  it('refuses what cannot be a drink', () => {
    expect(() => alcoholUnits(0, 5)).toThrow(RangeError)
    expect(() => alcoholUnits(ALCOHOL_ML_MAX + 1, 5)).toThrow(RangeError)
    expect(() => alcoholUnits(330, ABV_MAX + 1)).toThrow(RangeError)
    expect(() => alcoholUnits(330, -1)).toThrow(RangeError)
    expect(() => alcoholUnits(330, 5, 0)).toThrow(RangeError)
    expect(() => alcoholUnits(Number.NaN, 5)).toThrow(RangeError)
  })
})

describe('the drink presets (NHS "Alcohol units" servings)', () => {
  const units = Object.fromEntries(loadProgramme().tracking.drinks.map((d) => [d.id, alcoholUnits(d.ml, d.abv)]))

  it('compute to the NHS page’s figures, to its rounding', () => {
    // The page's figures: 2, 3, 1.7, 1.5, 2.1, 3, 10, 1, 1.4 and 1.5 units; it gives the 440 ml
    // can of 5.5 % (2.42 by the formula) as 2 units.
    expect(units).toEqual({
      'pint-lower-strength': 2,
      'pint-higher-strength': 3,
      can: 2.4,
      'bottle-of-beer': 1.7,
      'small-glass-of-wine': 1.5,
      'standard-glass-of-wine': 2.1,
      'large-glass-of-wine': 3,
      'bottle-of-wine': 10.1,
      'single-spirits': 1,
      'large-single-spirits': 1.4,
      alcopop: 1.5,
    })
  })
})

describe('DrinkInputSchema', () => {
  it('takes one drink unless told how many', () => {
    expect(DrinkInputSchema.parse({ ml: 568, abv: 4 })).toEqual({ ml: 568, abv: 4, count: 1 })
  })

  it('explains what is wrong', () => {
    const result = DrinkInputSchema.safeParse({ ml: 50000, abv: 4, count: 2 })
    expect(result.error?.issues.map((i) => i.message)).toEqual(['That is more than 5000 ml: check the amount'])
  })
})

describe('amountSchema (one use-diary amount)', () => {
  const grams: AmountUnit = { id: 'grams', label: 'grams', decimals: 2, maxPerEntry: 30 }
  const lines: AmountUnit = { id: 'lines', label: 'lines', decimals: 0, maxPerEntry: 100 }

  it('accepts amounts above 0, up to the unit’s limit and decimals', () => {
    expect(amountSchema(grams).parse(0.25)).toBe(0.25)
    expect(amountSchema(grams).parse(30)).toBe(30)
    expect(amountSchema(lines).parse(4)).toBe(4)
  })

  it.each([
    [grams, 0, 'Enter an amount above 0'],
    [grams, 300, 'That is more than 30 grams: check the amount'],
    [grams, 0.125, 'Use at most 2 decimal places'],
    [lines, 2.5, 'Enter a whole number of lines'],
  ])('refuses %o %f: %s', (unit, amount, message) => {
    expect(amountSchema(unit).safeParse(amount).error?.issues[0]?.message).toBe(message)
  })

  it('counts decimals despite binary fractions', () => {
    expect(hasAtMostDecimals(0.1 + 0.2, 1)).toBe(true)
    expect(hasAtMostDecimals(1.15, 2)).toBe(true)
    expect(hasAtMostDecimals(1.15, 1)).toBe(false)
  })

  it('works for every unit in the content', () => {
    for (const units of Object.values(loadProgramme().tracking.substances))
      for (const unit of units) expect(amountSchema(unit).safeParse(unit.maxPerEntry).success).toBe(true)
  })
})
