// Scoring as the instruments declare it: sums with reverse-scored items, bands, safety
// triggers, and AUDIT-C derived from AUDIT's answers (so it is never asked twice).
import type { Band } from '../schema/common.schema.ts'
import type { Instrument, Item, SafetyRule } from '../schema/instrument.schema.ts'
import type { Answers, Programme } from './programme.ts'

export type ScoreRange = { min: number; max: number }
export type InstrumentScore = {
  /** The declared total; always 0 for instruments without one (scoring method none or by-area). */
  total: number
  /** Null until every item is answered, or when the instrument has no bands. */
  band: Band | null
  /** Every item answered. */
  complete: boolean
}

export function itemRange(item: Item): ScoreRange {
  const values = item.options.map((option) => option.value)
  return { min: Math.min(...values), max: Math.max(...values) }
}

/** The lowest and highest possible totals. Reversing an item does not change its range. */
export function scoreRange(instrument: Instrument): ScoreRange {
  return instrument.items.reduce(
    (range, item) => {
      const { min, max } = itemRange(item)
      return { min: range.min + min, max: range.max + max }
    },
    { min: 0, max: 0 },
  )
}

export function bandFor<B extends Band>(bands: readonly B[], score: number): B | null {
  return bands.find((band) => score >= band.min && score <= band.max) ?? null
}

/** True when `value` is one of the item's option values. */
export function validateAnswer(instrument: Instrument, itemId: string, value: number): boolean {
  const item = instrument.items.find((candidate) => candidate.id === itemId)
  return item?.options.some((option) => option.value === value) ?? false
}

/** The item's contribution to the total: its value, or max + min − value when reverse-scored. */
export function itemScore(instrument: Instrument, item: Item, value: number): number {
  if (!instrument.scoring.reverse.includes(item.id)) return value
  const { min, max } = itemRange(item)
  return max + min - value
}

/**
 * Scores the answers given so far. Answers to items the instrument does not have are ignored
 * (so AUDIT answers can be passed to AUDIT-C); an answer that is not one of its item's option
 * values is a programming error and throws.
 */
export function scoreInstrument(instrument: Instrument, answers: Answers): InstrumentScore {
  let total = 0
  let answered = 0
  for (const item of instrument.items) {
    const value = answers[item.id]
    if (value === undefined) continue
    if (!validateAnswer(instrument, item.id, value)) {
      throw new RangeError(`${value} is not an answer to ${item.id} in ${instrument.id}`)
    }
    answered += 1
    total += itemScore(instrument, item, value)
  }
  const complete = answered === instrument.items.length
  if (instrument.scoring.method !== 'sum') return { total: 0, band: null, complete }
  return { total, band: complete ? bandFor(instrument.bands, total) : null, complete }
}

/**
 * AUDIT-C from the client's AUDIT answers: the declared source items' answers (under their
 * AUDIT item ids), their total and band. Band is null until all three are answered.
 */
export function deriveAuditC(
  programme: Programme,
  auditAnswers: Answers,
): { answers: Record<string, number>; total: number; band: Band | null } {
  const auditC = programme.instruments['audit-c']
  if (!auditC?.derivedFrom) throw new Error('The programme has no derived audit-c instrument')
  const answers: Record<string, number> = {}
  for (const itemId of auditC.derivedFrom.items) {
    const value = auditAnswers[itemId]
    if (value !== undefined) answers[itemId] = value
  }
  const { total, band } = scoreInstrument(auditC, answers)
  return { answers, total, band }
}

/**
 * The safety rules whose declared trigger is met, each once. Item conditions look at the
 * answer as given (before any reversing); total conditions need a total, so pass null while
 * the instrument is incomplete if a partial total should not count.
 */
export function safetyRulesFired(instrument: Instrument, answers: Answers, total?: number | null): SafetyRule[] {
  const fired = new Set<SafetyRule>()
  for (const trigger of instrument.safety) {
    const { when } = trigger
    if ('item' in when) {
      const value = answers[when.item]
      if (value !== undefined && value >= when.gte) fired.add(trigger.rule)
    } else if (total !== undefined && total !== null && total >= when.total.gte) {
      fired.add(trigger.rule)
    }
  }
  return [...fired]
}
