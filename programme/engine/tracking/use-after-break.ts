// The "use after a break" safety rule (CLINICAL.md): use of a depressant logged after a few days
// without it. Tolerance falls when someone stops using, so a dose the body coped with before can
// now stop their breathing. Evidence: Merrall ELC, Kariminia A, Binswanger IA, et al. (2010),
// "Meta-analysis of drug-related deaths soon after release from prison", Addiction 105(9):
// 1545–1554 (doi:10.1111/j.1360-0443.2010.02990.x): in six prison systems, a three- to eightfold
// risk of drug-related death in the first 2 weeks after release compared with weeks 3–12, which
// the authors attribute to tolerance for heroin reduced by imprisonment. No figure from it is
// used as a threshold: the 3 days are the (issue 12), a short gap on the careful side,
// since the source does not say how fast tolerance falls. Hazard H-026.
//
// Pure: the server reads the facts (the new entry, the client's other diary days, their active
// stop goals, whether they have alcohol dependence signs) and this decides.
import { OVERDOSE_AFTER_A_BREAK_SUBSTANCES } from '../substance-safety.ts'
import { addDays, daysBetween } from './time.ts'

/** A break of this many whole days or more without the substance counts. */
export const BREAK_DAYS = 3

/**
 * Substances whose use after a break raises the rule on their own: the depressants of the
 * overdose-after-a-break advice (opioids, benzodiazepines and "another drug", which may be one:
 * unknown counts, the careful choice; see substance-safety.ts), one list for both rules. Alcohol
 * counts only with dependence signs (`breakRiskSubstance`). Not cannabis or stimulants.
 */
export const BREAK_DEPRESSANTS: readonly string[] = OVERDOSE_AFTER_A_BREAK_SUBSTANCES

export type BreakFacts = {
  /** The new entry: its substance (null for a "no use today" row), amount and local date. */
  entry: { substance: string | null; amount: number | null; date: string }
  /**
   * Every other use-diary row of the client: its local date, substance (null: "no use today")
   * and amount (null: not given). The new entry itself is left out.
   */
  diary: ReadonlyArray<{ date: string; substance: string | null; amount: number | null }>
  /** Active stop goals: their substance (null: all substances) and the local date each was set. */
  stopGoals: ReadonlyArray<{ substance: string | null; startedOn: string }>
  /** Alcohol dependence signs (AUDIT 20+, daily or morning drinking); null when we do not know. */
  dependenceSigns: boolean | null
}

export type BreakReason = 'stop-goal' | 'no-use-logged'

/** A row that records use: a substance, and an amount that is not 0 (no amount given is use). */
const isUse = (row: { substance: string | null; amount: number | null }) =>
  row.substance !== null && (row.amount === null || row.amount > 0)

/** Whether a use of `substance` calls for the warning at all, whatever came before. */
export function breakRiskSubstance(substance: string | null, dependenceSigns: boolean | null): boolean {
  if (substance === null) return false
  if (substance === 'alcohol') return dependenceSigns !== false
  return BREAK_DEPRESSANTS.includes(substance)
}

/**
 * Why the new entry is use after a break, or null if it is not. Two ways:
 * - **stop goal**: an active stop goal for the substance (or for everything) whose streak before
 *   the entry's day is `BREAK_DAYS` or more: whole days from the later of the goal's start and
 *   the last use of the substance on or before the entry's day (as the milestone counts it);
 * - **no use logged while logging**: none of the `BREAK_DAYS` days before the entry's day, nor
 *   that day itself, has use of the substance logged, and the client logged something in the
 *   diary (use of anything, or "no use today") on at least one of those days. Without a diary
 *   row in the gap we do not know they had a break, so it does not fire on silence.
 * Use of the same substance already logged on the entry's day means the break ended with that
 * entry, which warned then. Alcohol counts only with dependence signs, or when we do not know
 * (no check-in yet: the careful choice, as for goals, H-015).
 */
export function usedAfterBreak(facts: BreakFacts): BreakReason | null {
  const { entry, diary, stopGoals } = facts
  if (!isUse(entry) || !breakRiskSubstance(entry.substance, facts.dependenceSigns)) return null
  const usedOn = diary.filter((row) => isUse(row) && row.substance === entry.substance && row.date <= entry.date)
  const lastUse = usedOn.reduce<string | null>(
    (last, row) => (last === null || row.date > last ? row.date : last),
    null,
  )
  if (lastUse === entry.date) return null
  for (const goal of stopGoals) {
    if (goal.substance !== null && goal.substance !== entry.substance) continue
    // A goal for everything: its streak ends with the last use of anything.
    const last =
      goal.substance === null
        ? diary
            .filter((row) => isUse(row) && row.date <= entry.date)
            .reduce<string | null>((l, r) => (l === null || r.date > l ? r.date : l), null)
        : lastUse
    if (last === entry.date) continue
    const from = last !== null && last > goal.startedOn ? last : goal.startedOn
    if (daysBetween(from, entry.date) >= BREAK_DAYS) return 'stop-goal'
  }
  const gapStart = addDays(entry.date, -BREAK_DAYS)
  if (lastUse !== null && lastUse >= gapStart) return null
  const logged = diary.some((row) => row.date >= gapStart && row.date < entry.date)
  return logged ? 'no-use-logged' : null
}
