// What modules need to know about a client's latest assessment: the facts their conditions
// read, and which safety notices (CLINICAL.md) concern this client. When we do not know (no
// assessment yet), a notice is shown: the careful choice (hazard H-015).
import { and, eq, sql } from 'drizzle-orm'
import { prepared } from '#db/prepared.ts'
import { safetyEvents } from '#db/schema/index.ts'
import { type Facts, type GoalAnswer, goalNotice, NOTICE_SUBSTANCE, type NoticeId } from '#programme/engine/index.ts'
import { latestCompleted } from './results.server.ts'
import { responsesOf } from './sitting.server.ts'

export type SafetyNotice = 'self-harm' | NoticeId

const dependenceQuery = prepared((db) =>
  db
    .select({ id: safetyEvents.id })
    .from(safetyEvents)
    .where(and(eq(safetyEvents.userId, sql.placeholder('userId')), eq(safetyEvents.rule, 'alcohol-dependence')))
    .limit(1)
    .prepare(),
)

/** Totals, item answers and substances from the latest completed assessment, or null. */
export async function assessmentFacts(userId: string): Promise<Facts | null> {
  const assessment = await latestCompleted(userId)
  if (!assessment) return null
  const scores: Record<string, number> = {}
  const items: Record<string, number> = {}
  for (const response of await responsesOf(assessment.id)) {
    if (response.total !== null) scores[response.instrumentId] = response.total
    Object.assign(items, response.answers)
  }
  return { scores, items, substances: assessment.substances }
}

/** The substances the client named last, or null if they have not done an assessment. */
export async function namedSubstances(userId: string): Promise<readonly string[] | null> {
  return (await latestCompleted(userId))?.substances ?? null
}

/** Signs of alcohol dependence from any assessment (AUDIT 20+, daily or morning drinking). */
export async function dependenceSigns(userId: string): Promise<boolean> {
  return (await dependenceQuery().get({ userId })) !== undefined
}

/**
 * Why the alcohol-withdrawal warning is shown to this client, so it never claims more than we
 * know: their answers showed dependence signs, or they have not done a check-in yet (the careful
 * choice, H-015), or they named alcohol without such signs (a module's general notice).
 */
export type WithdrawalReason = 'answers' | 'unknown' | 'general'
export async function withdrawalReason(userId: string): Promise<WithdrawalReason> {
  if ((await namedSubstances(userId)) === null) return 'unknown'
  return (await dependenceSigns(userId)) ? 'answers' : 'general'
}

/** The module's notices that concern this client: they named the substance, or we do not know. */
export function noticesFor(substances: readonly string[] | null, notices: readonly NoticeId[]): NoticeId[] {
  return notices.filter((notice) => substances === null || substances.includes(NOTICE_SUBSTANCE[notice]))
}

/**
 * The warning a new goal calls for (the rule is `goalNotice` in the engine): cutting down or
 * stopping opioids or benzodiazepines, or alcohol with dependence signs (or when we do not know).
 */
export async function goalSafety(
  userId: string,
  goal: Pick<GoalAnswer, 'type' | 'substance'>,
): Promise<NoticeId | null> {
  if (goal.substance !== 'alcohol') return goalNotice(goal, null)
  const known = (await namedSubstances(userId)) !== null
  return goalNotice(goal, known ? await dependenceSigns(userId) : null)
}
