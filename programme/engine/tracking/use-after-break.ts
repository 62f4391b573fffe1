// The "use after a break" safety rule (CLINICAL.md): use of a depressant logged after a few days
// without it. Tolerance falls within days of not using, so a dose the body coped with before can
// now stop someone's breathing. Evidence: Merrall et al. (2010), "Meta-analysis of drug-related
// deaths soon after release from prison", Addiction 105(9):1545–1554 — the risk of a
// drug-related death in the first weeks after release is several times that of later weeks,
// the period when tolerance has been lost; and the overdose risk after detoxification or
// leaving treatment (EMCDDA, "Preventing overdose deaths in Europe", 2021 update; UK take-home
// naloxone guidance). No figure from these sources is used as a threshold: the 3 days are the
// issue's (issue 12), a short gap on the careful side. Hazard H-026.
//
// Pure: the server reads the facts (the new entry, the client's other diary days, their active
// stop goals, whether they have alcohol dependence signs) and this decides.
import { addDays, daysBetween } from './time.ts'

/** A break of this many whole days or more without the substance counts. */
export const BREAK_DAYS = 3

/**
 * Substances whose use after a break raises the rule on their own: opioids and benzodiazepines
 * (both slow breathing, and tolerance to both falls after a break), and "another drug", which
 * may be a depressant (GHB/GBL, pregabalin, street benzodiazepines): unknown counts, the careful
 * choice. Alcohol counts only with dependence signs (see `usedAfterBreak`). Not cannabis or
 * stimulants.
 */
export const BREAK_DEPRESSANTS: readonly string[] = ['opioids', 'benzodiazepines', 'other']

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
