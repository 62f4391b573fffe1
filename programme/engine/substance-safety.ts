// Which substance safety notices (CLINICAL.md safety rules) concern a client, from what they
// named at their check-in, a goal they set or an urge they logged. Pure rules, one place, so the
// urge panel, the goals, the modules and the results page cannot disagree (hazards H-012,
// H-015, H-018, H-024, H-025).
import type { SubstanceId } from '../schema/battery.schema.ts'
import type { NoticeId } from '../schema/module.schema.ts'
import type { GoalAnswer } from './modules/answers.ts'

/** The substance each notice is about: who named it (or whose substances we do not know) sees it. */
export const NOTICE_SUBSTANCE: Record<NoticeId, SubstanceId> = {
  'overdose-after-a-break': 'opioids',
  'alcohol-withdrawal': 'alcohol',
  'sedative-taper': 'benzodiazepines',
}

/**
 * The depressants for the overdose-after-a-break advice on the very-strong-urge panel:
 * - opioids and benzodiazepines: both slow breathing, tolerance to both falls after a break,
 *   and most drug-poisoning deaths involve them;
 * - "other": we do not know what it is, and it may be a depressant (GHB/GBL, pregabalin,
 *   gabapentin, "street" benzodiazepines), so it counts, as unknown substances do (the careful
 *   choice, as for H-015).
 * Not alcohol on its own: naloxone does not treat it, and its own warning is the withdrawal one
 * (alcohol with dependence signs is covered by the use-after-a-break rule). Not cannabis or
 * stimulants. Recorded in hazard H-018.
 */
export const OVERDOSE_AFTER_A_BREAK_SUBSTANCES: readonly SubstanceId[] = ['opioids', 'benzodiazepines', 'other']

/**
 * Whether a very strong urge's panel gives the overdose-after-a-break advice: the client named a
 * depressant above, or their substances are unknown (no check-in yet: `named` is null), or the
 * urge itself records use of one.
 */
export function urgeNeedsOverdoseAdvice(named: readonly string[] | null, usedSubstance?: string | null): boolean {
  if (named === null) return true
  const depressant = (s: string) => (OVERDOSE_AFTER_A_BREAK_SUBSTANCES as readonly string[]).includes(s)
  return named.some(depressant) || (usedSubstance != null && depressant(usedSubstance))
}

/**
 * The warning a new goal calls for: cutting down or stopping opioids (overdose after a break) or
 * benzodiazepines (taper: NICE CKS, stopping suddenly can cause seizures), or alcohol with signs
 * of dependence (NICE CG115). `alcoholDependence` is null when we do not know (no check-in yet):
 * the warning shows, the careful choice.
 */
export function goalNotice(
  goal: Pick<GoalAnswer, 'type' | 'substance'>,
  alcoholDependence: boolean | null,
): NoticeId | null {
  if (goal.type !== 'stop' && goal.type !== 'cut-down') return null
  if (goal.substance === 'opioids') return 'overdose-after-a-break'
  if (goal.substance === 'benzodiazepines') return 'sedative-taper'
  if (goal.substance === 'alcohol' && alcoholDependence !== false) return 'alcohol-withdrawal'
  return null
}

/**
 * The substance warnings a check-in's results show, in this order: alcohol withdrawal when its
 * answers (or any since) showed dependence signs, overdose after a break when opioids were
 * named, the taper warning when benzodiazepines were named. Whether or not the client ever opens
 * a module or sets a goal (H-024).
 */
export function checkInNotices(named: readonly string[], warnings: readonly string[]): NoticeId[] {
  const notices: NoticeId[] = []
  if (warnings.includes('alcohol-dependence')) notices.push('alcohol-withdrawal')
  if (named.includes(NOTICE_SUBSTANCE['overdose-after-a-break'])) notices.push('overdose-after-a-break')
  if (named.includes(NOTICE_SUBSTANCE['sedative-taper'])) notices.push('sedative-taper')
  return notices
}
