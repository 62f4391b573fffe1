// What a client sees after an assessment: scores with their bands and plain meanings, the
// six-area profile, normative feedback, safety warnings, recommendations, score history and
// their plan. Also this domain's part of the privacy export.
import { and, asc, desc, eq, gte, isNotNull, sql } from 'drizzle-orm'
import { timeZoneOf } from '#app/domain/accounts/account.server.ts'
import {
  programmeWithPublishedAreas,
  publishedInstruments,
  publishedModules,
} from '#app/domain/studio/content.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getDb } from '#db/client.ts'
import { prepared } from '#db/prepared.ts'
import { assessmentResponses, assessments, safetyEvents } from '#db/schema/index.ts'
import {
  checkInNotices,
  type Instrument,
  type LifeAreas,
  loadProgramme,
  localParts,
  type ModuleDefinition,
  type Programme,
  rankLifeAreas,
  recommendModules,
  safetyRulesFired,
  scoreLifeAreas,
  scoreRange,
  UK_WEEKLY_UNIT_GUIDELINE,
  weeklyUnitsRange,
} from '#programme/engine/index.ts'
import { type CheckInChanges, compareCheckIns } from './changes.server.ts'
import { getPlan, planAreasOf } from './plan.server.ts'
import { checkedInToday, getOpenAssessment, responsesOf } from './sitting.server.ts'

const latestCompletedQuery = prepared((db) =>
  db
    .select()
    .from(assessments)
    .where(and(eq(assessments.userId, sql.placeholder('userId')), isNotNull(assessments.completedAt)))
    .orderBy(desc(assessments.completedAt))
    .limit(1)
    .prepare(),
)

const safetySinceQuery = prepared((db) =>
  db
    .select({ rule: safetyEvents.rule })
    .from(safetyEvents)
    .where(
      and(eq(safetyEvents.userId, sql.placeholder('userId')), gte(safetyEvents.createdAt, sql.placeholder('since'))),
    )
    .prepare(),
)

const historyQuery = prepared((db) =>
  db
    .select({
      instrumentId: assessmentResponses.instrumentId,
      total: assessmentResponses.total,
      band: assessmentResponses.band,
      completedAt: assessmentResponses.completedAt,
    })
    .from(assessmentResponses)
    .where(
      and(
        eq(assessmentResponses.userId, sql.placeholder('userId')),
        isNotNull(assessmentResponses.completedAt),
        isNotNull(assessmentResponses.total),
      ),
    )
    .orderBy(asc(assessmentResponses.completedAt))
    .prepare(),
)

export async function latestCompleted(userId: string) {
  return latestCompletedQuery().get({ userId })
}

const latestCompletedIdQuery = prepared((db) =>
  db
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.userId, sql.placeholder('userId')), isNotNull(assessments.completedAt)))
    .orderBy(desc(assessments.completedAt))
    .limit(1)
    .prepare(),
)

/** The check-in before the latest one, for "what changed since last time". */
const previousCompletedQuery = prepared((db) =>
  db
    .select({ id: assessments.id, completedAt: assessments.completedAt })
    .from(assessments)
    .where(and(eq(assessments.userId, sql.placeholder('userId')), isNotNull(assessments.completedAt)))
    .orderBy(desc(assessments.completedAt))
    .limit(1)
    .offset(1)
    .prepare(),
)

/**
 * What a completed check-in says: scores, the six areas, readiness, units, the warnings its
 * answers fire and the modules recommended. Worked out on each view (one read of its responses).
 */
type CheckIn = Awaited<ReturnType<typeof checkIn>>

/**
 * The published content a check-in is read with, read once a request and passed on (a page that
 * reads two check-ins, or a module list that reads one, does not read it again for each).
 */
type Content = {
  /** The six areas' names and reasons as the service words them (the studio may reword them). */
  programme: Programme
  /** Band meanings as the service publishes them (the studio may reword them, never the bands). */
  instruments: Record<string, Instrument>
  modules: ModuleDefinition[]
}

async function publishedContent(): Promise<Content> {
  return {
    programme: await programmeWithPublishedAreas(),
    instruments: await publishedInstruments(),
    modules: Object.values(await publishedModules()),
  }
}

type Responses = Awaited<ReturnType<typeof responsesOf>>

/** The six areas, neediest first, from a check-in's life-area answers (none without them). */
function areasOf(programme: Programme, responses: Responses) {
  const lifeAreaAnswers = responses.find((r) => r.instrumentId === 'life-areas')?.answers
  return lifeAreaAnswers ? rankLifeAreas(scoreLifeAreas(programme, lifeAreaAnswers)) : []
}

/** The areas the client chose for their plan lead; then the neediest (issue 16 item 6). */
function recommendationsOf(
  areas: ReturnType<typeof areasOf>,
  modules: ModuleDefinition[],
  planAreas: readonly string[],
) {
  return recommendModules(areas, modules, 6, planAreas)
}

async function checkIn(
  assessmentId: string,
  { programme, instruments, modules }: Content,
  planAreas: readonly string[] = [],
) {
  const responses = await responsesOf(assessmentId)
  const scores = responses
    .filter((r) => r.instrumentId !== 'life-areas' && r.total !== null)
    .map((r) => {
      const instrument = instruments[r.instrumentId]
      const band = instrument?.bands.find((b) => b.id === r.band) ?? null
      const max = instrument ? maxScore(instrument) : null
      return {
        instrumentId: r.instrumentId,
        title: instrument?.title ?? r.instrumentId,
        total: r.total ?? 0,
        max,
        band,
      }
    })
    .sort((a, b) => order(programme, a.instrumentId) - order(programme, b.instrumentId))
  const areas = areasOf(programme, responses)
  const audit = responses.find((r) => r.instrumentId === 'audit')
  const auditInstrument = programme.instruments.audit
  const readinessAnswers = responses.find((r) => r.instrumentId === 'readiness')?.answers ?? {}
  const readiness = (programme.instruments.readiness?.items ?? [])
    .filter((item) => readinessAnswers[item.id] !== undefined)
    .map((item) => ({ question: item.text, value: readinessAnswers[item.id] ?? 0 }))
  return {
    scores,
    areas,
    readiness,
    units: audit ? weeklyUnitsRange(programme, audit.answers) : null,
    fired: audit && auditInstrument ? safetyRulesFired(auditInstrument, audit.answers, audit.total) : [],
    recommendations: recommendationsOf(areas, modules, planAreas),
  }
}

/**
 * Modules recommended from the latest check-in's life areas and the client's plan (what the
 * module list needs): only the areas are worked out, with the published areas and modules the
 * caller has already read (`published`), or read here.
 */
export async function latestRecommendations(
  userId: string,
  published?: { lifeAreas: LifeAreas; modules: ModuleDefinition[] },
): Promise<CheckIn['recommendations']> {
  const latest = await latestCompletedIdQuery().get({ userId })
  if (!latest) return []
  const programme = published
    ? { ...loadProgramme(), lifeAreas: published.lifeAreas }
    : await programmeWithPublishedAreas()
  const modules = published?.modules ?? Object.values(await publishedModules())
  const areas = areasOf(programme, await responsesOf(latest.id))
  return recommendationsOf(areas, modules, await planAreasOf(userId))
}

/** What changed since the check-in before `latest`, or null for a first check-in. */
async function changesSincePrevious(
  userId: string,
  latest: CheckIn,
  content: Content,
): Promise<(CheckInChanges & { previousDate: string }) | null> {
  const previous = await previousCompletedQuery().get({ userId })
  if (!previous?.completedAt) return null
  // The client's own calendar day of that check-in, as the page says it ("5 Dec 2026").
  const previousDate = localParts(previous.completedAt, await timeZoneOf(userId)).date
  return { previousDate, ...compareCheckIns(await checkIn(previous.id, content), latest) }
}

/** Everything the results page shows for the client's latest completed assessment. */
export async function latestResults(userId: string) {
  const assessment = await latestCompleted(userId)
  if (!assessment) return null
  const content = await publishedContent()
  const latest = await checkIn(assessment.id, content, await planAreasOf(userId))
  const { fired, ...results } = latest
  // Safety events raised since the check-in began (during it, or in a module since) may grow.
  const warnings = new Set<string>(fired)
  const since = await safetySinceQuery().all({ userId, since: assessment.startedAt.getTime() })
  for (const { rule } of since) warnings.add(rule)
  return {
    completedAt: assessment.completedAt,
    ...results,
    unitGuideline: UK_WEEKLY_UNIT_GUIDELINE,
    // Every level the six-area map can show, for its key.
    areaBands: content.programme.lifeAreas.bands.map((b) => ({ label: b.label, level: b.level })),
    warnings: [...warnings],
    // The warning for every substance named (opioids, benzodiazepines) and for dependence signs.
    notices: checkInNotices(assessment.substances, [...warnings]),
    changes: await changesSincePrevious(userId, latest, content),
  }
}

function order(programme: ReturnType<typeof loadProgramme>, instrumentId: string) {
  const index = Object.keys(programme.instruments).indexOf(instrumentId)
  return index === -1 ? 99 : index
}

/** The highest possible total: from the bands, or (for instruments without bands) the items. */
function maxScore(instrument: Instrument): number | null {
  if (instrument.scoring.method !== 'sum') return null
  return scoreRange(instrument).max
}

/** Each instrument's completed totals over time, oldest first. */
export async function scoreHistory(userId: string) {
  const programme = loadProgramme()
  const rows = await historyQuery().all({ userId })
  const byInstrument = new Map<string, Array<{ at: Date; total: number; band: string | null }>>()
  for (const row of rows) {
    if (row.instrumentId === 'life-areas' || !row.completedAt || row.total === null) continue
    const list = byInstrument.get(row.instrumentId) ?? []
    list.push({
      at: row.completedAt,
      total: row.total,
      band: programme.instruments[row.instrumentId]?.bands.find((b) => b.id === row.band)?.label ?? null,
    })
    byInstrument.set(row.instrumentId, list)
  }
  return [...byInstrument].map(([instrumentId, points]) => {
    const instrument = programme.instruments[instrumentId]
    return {
      instrumentId,
      title: instrument?.title ?? instrumentId,
      max: instrument ? maxScore(instrument) : null,
      points,
    }
  })
}

/** Whether it is time to offer a reassessment (every REASSESS_DAYS days after the last one). */
export async function reassessment(userId: string, now = clock.now()) {
  const last = await latestCompleted(userId)
  if (!last?.completedAt) return { due: false, lastAt: null }
  const dueAt = new Date(last.completedAt.getTime() + getEnv().REASSESS_DAYS * 24 * 3600 * 1000)
  // Never offered on a day whose check-in is done: one set of scores a day (issue 16 items 5, 7).
  const due = now >= dueAt && !(await checkedInToday(userId, now))
  return { due, lastAt: last.completedAt, dueAt }
}

/** This domain's part of the privacy export. */
export async function exportAssessments(userId: string) {
  const db = getDb()
  const responses = await db
    .select()
    .from(assessmentResponses)
    .where(and(eq(assessmentResponses.userId, userId), isNotNull(assessmentResponses.completedAt)))
    .orderBy(asc(assessmentResponses.completedAt))
    .all()
  return {
    assessments: responses.map((r) => ({
      instrument: r.instrumentId,
      version: r.instrumentVersion,
      completedAt: r.completedAt,
      answers: r.answers,
      total: r.total,
      band: r.band,
    })),
    safetyEvents: await db
      .select({ rule: safetyEvents.rule, source: safetyEvents.source, createdAt: safetyEvents.createdAt })
      .from(safetyEvents)
      .where(eq(safetyEvents.userId, userId))
      .all(),
    plan: await getPlan(userId),
  }
}

/** What the client's home page says about check-ins. */
export async function checkInStatus(userId: string, now = clock.now()) {
  const open = await getOpenAssessment(userId)
  const { due, lastAt } = await reassessment(userId, now)
  return { inProgress: Boolean(open), lastAt, due }
}
