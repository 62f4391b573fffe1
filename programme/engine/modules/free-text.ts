// The words a client wrote themselves in a module step's answer, for the self-harm words check
// (hazard H-027). Option ids, ratings, dates and the goal's pick lists are not the client's own
// words and are left out; every string an exercise holds (fields and table cells) is in.
import type { ExerciseAnswer } from '../../schema/exercise.schema.ts'
import type { Step } from '../../schema/module.schema.ts'
import type { GoalAnswer } from './answers.ts'

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

/** A goal's own words: what, how much and why (not its type, substance, date or life area). */
export function goalFreeText(goal: Partial<GoalAnswer> | null | undefined): string[] {
  return [goal?.what, goal?.howMuch, goal?.why].filter((t): t is string => typeof t === 'string')
}

/** The free text in a step's stored answer (see stepAnswerSchema for the answer's shape). */
export function stepFreeText(step: Step, answer: unknown): string[] {
  switch (step.type) {
    case 'reflect':
      return typeof answer === 'string' ? [answer] : []
    case 'exercise':
      return strings(answer as ExerciseAnswer)
    case 'goal':
      return goalFreeText(answer as Partial<GoalAnswer> | null)
    default:
      return []
  }
}
