// Evaluates a module's declarative conditions against the answers given so far and what the
// client's latest assessment says (the "facts"). No expression strings: a closed set of shapes.
import type { Condition } from '../../schema/module.schema.ts'

/** What conditions may ask about the client's latest completed assessment. */
export type Facts = {
  /** Instrument totals by instrument id. */
  scores: Readonly<Record<string, number>>
  /** Answers by assessment item id (e.g. readiness-confidence). */
  items: Readonly<Record<string, number>>
  substances: readonly string[]
}

/** Answers by step id: choice → option ids; rating → 0–10; others as their step type defines. */
export type AnswerMap = Readonly<Record<string, unknown>>

function inRange(value: unknown, c: { atLeast?: number; atMost?: number }): boolean {
  if (typeof value !== 'number') return false
  return (c.atLeast === undefined || value >= c.atLeast) && (c.atMost === undefined || value <= c.atMost)
}

export function evaluate(condition: Condition, answers: AnswerMap, facts: Facts | null): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, answers, facts))
  if ('any' in condition) return condition.any.some((c) => evaluate(c, answers, facts))
  if ('not' in condition) return !evaluate(condition.not, answers, facts)
  if ('substance' in condition) return facts?.substances.includes(condition.substance) ?? false
  if ('score' in condition) return inRange(facts?.scores[condition.score], condition)
  if ('item' in condition) return inRange(facts?.items[condition.item], condition)
  if ('is' in condition) {
    const chosen = answers[condition.answer]
    return Array.isArray(chosen) && chosen.includes(condition.is)
  }
  return inRange(answers[condition.answer], condition)
}

/** Every leaf condition inside `condition` (for reference checks and path generation). */
export function leaves(condition: Condition): Condition[] {
  if ('all' in condition) return condition.all.flatMap(leaves)
  if ('any' in condition) return condition.any.flatMap(leaves)
  if ('not' in condition) return leaves(condition.not)
  return [condition]
}
