// The self-assessment flow: start a sitting, show the page the client is on, save each page
// (every page saves, so leaving and coming back resumes), fire safety rules the moment their
// answer is saved, and finish. Scoring and the battery come from the pure programme engine.
import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm'
import { timeZoneOf } from '#app/domain/accounts/account.server.ts'
import { publishedInstruments } from '#app/domain/studio/content.server.ts'
import { disabledInstruments } from '#app/domain/studio/instruments.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import { type Db, getDb } from '#db/client.ts'
import { refreshLatestScores } from '#db/latest-scores.ts'
import { prepared } from '#db/prepared.ts'
import { type Assessment, assessmentResponses, assessments, safetyEvents } from '#db/schema/index.ts'
import {
  type AssessmentPage,
  assessmentPages,
  buildBattery,
  deriveAuditC,
  documentHash,
  loadProgramme,
  localToUtc,
  type SubstanceId,
  safetyRulesFired,
  scoreInstrument,
  todayIn,
  validateAnswer,
} from '#programme/engine/index.ts'

/** Safety rules whose panel must be seen before the next page. */
const INTERRUPTING_RULES = new Set(['self-harm'])

const openAssessment = prepared((db) =>
  db
    .select()
    .from(assessments)
    .where(and(eq(assessments.userId, sql.placeholder('userId')), isNull(assessments.completedAt)))
    .orderBy(desc(assessments.startedAt))
    .prepare(),
)

export async function getOpenAssessment(userId: string): Promise<Assessment | undefined> {
  return openAssessment().get({ userId })
}

/** Said when a check-in was already finished today: one set of scores a day (issue 16). */
export const DONE_TODAY =
  "You have already done today's check-in. Your results are saved. You can do a new check-in tomorrow."

/** The instant the client's day began, in their own time zone. */
async function startOfToday(userId: string, now: Date): Promise<Date> {
  const zone = await timeZoneOf(userId)
  return localToUtc(`${todayIn(zone, now)}T00:00`, zone)
}

const doneSinceQuery = prepared((db) =>
  db
    .select({ id: assessments.id })
    .from(assessments)
    .where(
      and(eq(assessments.userId, sql.placeholder('userId')), gte(assessments.completedAt, sql.placeholder('since'))),
    )
    .limit(1)
    .prepare(),
)

/** Whether a check-in was finished today, in the client's own day. */
export async function checkedInToday(userId: string, now = clock.now()): Promise<boolean> {
  const since = await startOfToday(userId, now)
  return (await doneSinceQuery().get({ userId, since: since.getTime() })) !== undefined
}

/**
 * Starts a sitting, or returns the one already open (a client never has two). Returns null when a
 * check-in was already finished today: a second would be a second set of scores for one day.
 * The insert carries its own condition (no open sitting, none finished since the day began), so
 * two posts racing each other cannot both start one.
 */
export async function startAssessment(
  userId: string,
  choice: { substances: SubstanceId[]; main: SubstanceId },
  now = clock.now(),
): Promise<Assessment | null> {
  const open = await getOpenAssessment(userId)
  if (open) return open
  const since = await startOfToday(userId, now)
  const programme = loadProgramme()
  const id = crypto.randomUUID()
  const at = now.getTime()
  await getDb().run(sql`
    INSERT INTO assessments (id, user_id, content_version, substances, main_substance, page_index, created_at, updated_at)
    SELECT ${id}, ${userId}, ${programme.version}, ${JSON.stringify(choice.substances)}, ${choice.main}, 0, ${at}, ${at}
    WHERE NOT EXISTS (
      SELECT 1 FROM assessments
      WHERE user_id = ${userId} AND (completed_at IS NULL OR completed_at >= ${since.getTime()})
    )`)
  return (await getOpenAssessment(userId)) ?? null
}

// Pages depend only on the content, the substances named, the instruments switched off and the
// service's wording of each instrument's intro, so they are worked out once per combination.
const pagesCache = new Map<string, AssessmentPage[]>()

export async function pagesFor(assessment: Assessment): Promise<AssessmentPage[]> {
  const programme = loadProgramme()
  // Instruments an admin had switched off when the sitting began stay off for all of it, so its
  // pages never change under the client (the studio's switch, ADR 0019).
  const off = (await disabledInstruments(assessment.startedAt)).sort()
  // Each instrument's intro as the service words it (the studio never changes its items).
  const instruments = await publishedInstruments()
  const intros = documentHash(Object.values(instruments).map((i) => i.intro))
  const key = `${programme.version}|${assessment.substances.join(',')}|${assessment.mainSubstance}|${off.join(',')}|${intros}`
  let pages = pagesCache.get(key)
  if (!pages) {
    const battery = buildBattery(programme, {
      substances: assessment.substances as SubstanceId[],
      main: assessment.mainSubstance as SubstanceId,
    }).filter((step) => !off.includes(step.instrumentId))
    pages = assessmentPages({ ...programme, instruments }, battery)
    // Bounded: a key per combination of substances, switches and published intros.
    if (pagesCache.size < 500) pagesCache.set(key, pages)
  }
  return pages
}

const responsesQuery = prepared((db) =>
  db
    .select()
    .from(assessmentResponses)
    .where(eq(assessmentResponses.assessmentId, sql.placeholder('assessmentId')))
    .prepare(),
)

export async function responsesOf(assessmentId: string) {
  return responsesQuery().all({ assessmentId })
}

/** The page the client is on, with anything they already answered on it. */
export async function currentPage(assessment: Assessment) {
  const pages = await pagesFor(assessment)
  const index = Math.min(assessment.pageIndex, pages.length - 1)
  const page = pages[index]
  if (!page) throw new Error('The assessment has no pages')
  const saved = (await responsesOf(assessment.id)).find((r) => r.instrumentId === page.instrumentId)?.answers ?? {}
  return { page, pageCount: pages.length, answers: saved }
}

export type PageErrors = Record<string, string>

export type SaveResult =
  | { ok: true; finished: boolean; safety: string | null }
  | { ok: false; status: 400 | 409; errors: PageErrors; message?: string }

/**
 * Saves one page's answers and moves on (or back). Everything is read and decided first, then
 * answers, scores, safety events and the page pointer are written in one transaction.
 */
export async function savePage(
  userId: string,
  input: { pageIndex: number; answers: Record<string, string>; direction: 'next' | 'back' },
  now = clock.now(),
): Promise<SaveResult> {
  const assessment = await getOpenAssessment(userId)
  if (!assessment) return { ok: false, status: 409, errors: {}, message: 'There is no assessment in progress.' }
  if (input.pageIndex !== assessment.pageIndex) {
    return { ok: false, status: 409, errors: {}, message: 'This page was already saved. Here is where you are now.' }
  }
  const programme = loadProgramme()
  const pages = await pagesFor(assessment)
  const page = pages[assessment.pageIndex]
  const instrument = page ? programme.instruments[page.instrumentId] : undefined
  if (!page || !instrument) return { ok: false, status: 409, errors: {}, message: 'That page no longer exists.' }

  const values: Record<string, number> = {}
  const errors: PageErrors = {}
  for (const item of page.items) {
    const raw = input.answers[item.id]
    const value = raw === undefined || raw === '' ? Number.NaN : Number(raw)
    if (Number.isInteger(value) && validateAnswer(instrument, item.id, value)) values[item.id] = value
    else if (raw !== undefined && raw !== '') errors[item.id] = 'Please choose one of the answers shown.'
    else if (input.direction === 'next') errors[item.id] = 'Please choose an answer.'
  }
  if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors }

  const saved = await responsesOf(assessment.id)
  const existing = saved.find((r) => r.instrumentId === instrument.id)
  const answers = { ...(existing?.answers ?? {}), ...values }
  const score = scoreInstrument(instrument, answers)
  // Item triggers fire as soon as their answer is saved; total triggers once the total exists.
  const fired = safetyRulesFired(instrument, answers, score.complete ? score.total : null)
  const interrupting = fired.find((rule) => INTERRUPTING_RULES.has(rule)) ?? null
  const nextIndex = input.direction === 'back' ? Math.max(0, assessment.pageIndex - 1) : assessment.pageIndex + 1
  const finished = input.direction === 'next' && nextIndex >= pages.length
  // A rule raises its event once per sitting and source, however often its answer is saved.
  const source = `assessment:${instrument.id}`
  const raised = new Set(
    fired.length === 0
      ? []
      : (
          await getDb()
            .select({ rule: safetyEvents.rule })
            .from(safetyEvents)
            .where(
              and(
                eq(safetyEvents.userId, userId),
                inArray(safetyEvents.rule, fired),
                eq(safetyEvents.source, source),
                gte(safetyEvents.createdAt, assessment.startedAt),
              ),
            )
            .all()
        ).map((event) => event.rule),
  )
  const toRaise = fired.filter((rule) => !raised.has(rule))

  getDb().transaction((tx) => {
    // Only summed instruments have a meaningful total (not the readiness rulers or the life areas).
    const hasTotal = score.complete && instrument.scoring.method === 'sum'
    const row = {
      answers,
      total: hasTotal ? score.total : null,
      band: score.complete ? (score.band?.id ?? null) : null,
      completedAt: score.complete ? now : null,
    }
    upsertResponse(tx, assessment, instrument, row)
    if (instrument.id === 'audit' && score.complete) {
      // AUDIT-C is never asked: it is derived from AUDIT's first three answers.
      const auditC = deriveAuditC(programme, answers)
      const derived = programme.instruments['audit-c']
      if (derived) {
        const derivedRow = {
          answers: auditC.answers,
          total: auditC.total,
          band: auditC.band?.id ?? null,
          completedAt: now,
        }
        upsertResponse(tx, assessment, derived, derivedRow)
      }
    }
    // The caseload's summary of latest scores, in the same transaction as the responses.
    refreshLatestScores(tx, userId, instrument.id === 'audit' ? ['audit', 'audit-c'] : [instrument.id])
    for (const rule of toRaise) tx.insert(safetyEvents).values({ userId, rule, source, createdAt: now }).run()
    tx.update(assessments)
      .set({
        pageIndex: finished ? assessment.pageIndex : nextIndex,
        pendingSafety: interrupting ?? assessment.pendingSafety,
        completedAt: finished ? now : null,
      })
      .where(eq(assessments.id, assessment.id))
      .run()
  })
  return { ok: true, finished, safety: interrupting }
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
type ResponseRow = {
  answers: Record<string, number>
  total: number | null
  band: string | null
  completedAt: Date | null
}

/** One response per instrument per sitting (a unique index): a page saved again updates it. */
function upsertResponse(tx: Tx, assessment: Assessment, instrument: { id: string; version: string }, row: ResponseRow) {
  tx.insert(assessmentResponses)
    .values({
      ...row,
      assessmentId: assessment.id,
      userId: assessment.userId,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
    })
    .onConflictDoUpdate({ target: [assessmentResponses.assessmentId, assessmentResponses.instrumentId], set: row })
    .run()
}

/** The client has read the support panel and chooses to carry on. */
export async function acknowledgeSafety(userId: string): Promise<void> {
  const open = await getOpenAssessment(userId)
  if (open) await getDb().update(assessments).set({ pendingSafety: null }).where(eq(assessments.id, open.id)).run()
}

/** The substances a client can name, in the battery's order, with their plain labels. */
export function substanceChoices(): Array<{ id: SubstanceId; label: string }> {
  return loadProgramme().battery.substances.map((s) => ({ id: s.id, label: s.name }))
}
