// Normative feedback: weekly UK units implied by the AUDIT answers, against the UK guideline.
import type { OptionRange } from '../schema/instrument.schema.ts'
import type { Answers, Programme } from './programme.ts'

/**
 * UK Chief Medical Officers' Low Risk Drinking Guidelines (Department of Health, August 2016):
 * to keep health risks from alcohol low, do not regularly drink more than 14 units a week.
 * The same figure, with its citation, is the `uk-weekly-units` entry in content/norms.yaml;
 * the content check fails if the two differ.
 */
export const UK_WEEKLY_UNIT_GUIDELINE = 14

export type UnitsRange = { min: number; max: number | null }

const WEEKS_PER_MONTH = 12 / 52

/** How many times a week a frequency answer stands for. */
function timesPerWeek(range: OptionRange): UnitsRange {
  const factor = range.per === 'month' ? WEEKS_PER_MONTH : 1
  return { min: range.min * factor, max: range.max === null ? null : range.max * factor }
}

/**
 * The range of UK units a week implied by AUDIT item 1 (how often) and item 2 (units on a
 * typical drinking day), from the limits of each chosen answer: "2 to 3 times per week" ×
 * "5 to 6" gives 10–18. Monthly answers are converted at 12 months to 52 weeks and the range
 * is widened to whole units. `max` is null when the answer has no upper limit ("10 or more").
 * Null until both are answered, except that "Never" drinking gives 0–0 on its own.
 */
export function weeklyUnitsRange(programme: Programme, auditAnswers: Answers): UnitsRange | null {
  const audit = programme.instruments.audit
  const declared = audit?.weeklyUnits
  if (!audit || !declared) throw new Error('The programme has no AUDIT with weeklyUnits')
  const rangeOf = (itemId: string): OptionRange | undefined => {
    const value = auditAnswers[itemId]
    const item = audit.items.find((candidate) => candidate.id === itemId)
    return item?.options.find((option) => option.value === value)?.range
  }
  const frequency = rangeOf(declared.frequencyItem)
  if (!frequency) return null
  const times = timesPerWeek(frequency)
  if (times.max === 0) return { min: 0, max: 0 }
  const units = rangeOf(declared.quantityItem)
  if (!units) return null
  // Tiny tolerance so that whole-number products are not pushed to the next unit by rounding.
  const min = Math.floor(times.min * units.min + 1e-9)
  const max = times.max === null || units.max === null ? null : Math.ceil(times.max * units.max - 1e-9)
  return { min, max }
}

/** Where a weekly range sits against the guideline: all within it, all above it, or either. */
export function againstWeeklyGuideline(range: UnitsRange): 'within' | 'above' | 'may-be-above' {
  if (range.min > UK_WEEKLY_UNIT_GUIDELINE) return 'above'
  if (range.max !== null && range.max <= UK_WEEKLY_UNIT_GUIDELINE) return 'within'
  return 'may-be-above'
}
