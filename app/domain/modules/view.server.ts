// What the module pages show: the module list (recommended first, with progress), one module at
// its current step, the worksheet behind an exercise step, and this domain's part of the
// privacy export.
import { asc, eq, sql } from 'drizzle-orm'
import { marked } from 'marked'
import { latestRecommendations } from '#app/domain/assessment/results.server.ts'
import { namedSubstances, noticesFor } from '#app/domain/assessment/safety-facts.server.ts'
import { publishedModules, publishedText } from '#app/domain/studio/content.server.ts'
import { prepared } from '#db/prepared.ts'
import { goals, moduleProgress, moduleVersions } from '#db/schema/index.ts'
import { jsonField } from '#db/sqlite.ts'
import {
  type ExerciseAnswer,
  FINISHED,
  type LifeAreas,
  type ModuleDefinition,
  progressOf,
  type Step,
  SUBSTANCE_IDS,
  worksheetModel,
} from '#programme/engine/index.ts'
import { currentDefinition, getProgress, pinnedDefinition } from './stepping.server.ts'

const allProgressQuery = prepared((db) =>
  db
    .select({
      moduleId: moduleProgress.moduleId,
      stepNumber: moduleProgress.stepNumber,
      stepTotal: moduleProgress.stepTotal,
      value: jsonField(moduleProgress.state, 'value'),
      completedAt: moduleProgress.completedAt,
      updatedAt: moduleProgress.updatedAt,
      moduleVersionId: moduleProgress.moduleVersionId,
    })
    .from(moduleProgress)
    .where(eq(moduleProgress.userId, sql.placeholder('userId')))
    .prepare(),
)

/** The published modules (publishedModules), when the caller has read them already for something else. */
type Published = Record<string, ModuleDefinition>

/** The module the client touched last and has not finished, for "carry on" on the home page. */
export async function moduleToContinue(userId: string, published?: Published) {
  const open = (await allProgressQuery().all({ userId }))
    .filter((p) => p.value !== FINISHED)
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0]
  const current = async (moduleId: string) =>
    published ? (Object.hasOwn(published, moduleId) ? published[moduleId] : undefined) : currentDefinition(moduleId)
  // A module the service has since unpublished is still theirs to finish, as they began it.
  const def = open ? ((await current(open.moduleId)) ?? (await pinnedDefinition(open.moduleVersionId))) : undefined
  if (!open || !def) return null
  return { id: open.moduleId, title: def.title, step: open.stepNumber, total: open.stepTotal }
}

export type ModuleStatus = 'not-started' | 'in-progress' | 'finished'

/** Every module: recommended ones first (from the latest assessment), then the rest. */
export async function moduleList(userId: string, alreadyRead?: Published) {
  const progress = new Map((await allProgressQuery().all({ userId })).map((p) => [p.moduleId, p]))
  // The published programme: the base edition with the studio's published versions (ADR 0019),
  // and any module the client began that the service has since unpublished, as they began it.
  const published = alreadyRead ?? (await publishedModules())
  // The areas' names as the service words them (the studio may reword them).
  const lifeAreas = await publishedText('life-areas')
  // Read once, for the recommendations too.
  const recommendations = await latestRecommendations(userId, { lifeAreas, modules: Object.values(published) })
  const reasons = new Map(recommendations.map((r) => [r.moduleId, r.reason]))
  const areaNames = new Map(lifeAreas.areas.map((a) => [a.id, a.name]))
  const unpublished: ModuleDefinition[] = []
  for (const p of progress.values())
    if (!Object.hasOwn(published, p.moduleId)) {
      const pinned = await pinnedDefinition(p.moduleVersionId)
      if (pinned) unpublished.push(pinned)
    }
  const items = [...Object.values(published), ...unpublished].map((def) => {
    const p = progress.get(def.id)
    const status: ModuleStatus = !p ? 'not-started' : p.value === FINISHED ? 'finished' : 'in-progress'
    return {
      id: def.id,
      title: def.title,
      summary: def.summary,
      minutes: def.minutes,
      areas: def.areas.map((a) => areaNames.get(a) ?? a),
      status,
      step: p && status === 'in-progress' ? { number: p.stepNumber, total: p.stepTotal } : null,
      completedAt: p?.completedAt ?? null,
      reason: reasons.get(def.id) ?? null,
    }
  })
  const rank = (id: string) => {
    const index = recommendations.findIndex((r) => r.moduleId === id)
    return index === -1 ? recommendations.length : index
  }
  return items.sort((a, b) => rank(a.id) - rank(b.id))
}

const html = new Map<string, string>()
/** Module Markdown passed the shared validator (no raw HTML, links only within Foothold) when shipped or published. */
function markdown(text: string): string {
  let out = html.get(text)
  if (out === undefined) {
    out = marked.parse(text, { async: false, gfm: true })
    // Bounded: published texts grow with every version a service publishes.
    if (html.size < 2000) html.set(text, out)
  }
  return out
}

function aboutModule(def: ModuleDefinition, lifeAreas: LifeAreas) {
  const areaNames = new Map(lifeAreas.areas.map((a) => [a.id, a.name]))
  return {
    id: def.id,
    version: def.version,
    title: def.title,
    summary: def.summary,
    minutes: def.minutes,
    areas: def.areas.map((a) => areaNames.get(a) ?? a),
    sources: def.sources,
  }
}

/** A step as the page draws it: with its Markdown rendered, its exercise, or its worksheet's exercise. */
function stepView(def: ModuleDefinition, step: Step) {
  if (step.type === 'read' || step.type === 'summary') return { ...step, html: markdown(def.texts[step.file] ?? '') }
  if (step.type === 'exercise') return { ...step, definition: def.exercises[step.exercise] ?? null }
  if (step.type === 'worksheet') {
    const target = def.steps.find((s) => s.id === step.for)
    const exercise = target?.type === 'exercise' ? def.exercises[target.exercise] : undefined
    return { ...step, exerciseTitle: exercise?.title ?? step.title }
  }
  return step
}

/** A module at the client's current step (or its start page if not started). */
export async function moduleView(userId: string, moduleId: string) {
  const row = await getProgress(userId, moduleId)
  const def = row ? await pinnedDefinition(row.moduleVersionId) : await currentDefinition(moduleId)
  if (!def) return null
  // A safety notice added to the content since the client began still reaches them (H-017).
  const latest = row ? await currentDefinition(moduleId) : def
  const substances = await namedSubstances(userId)
  const notices = noticesFor(substances, [...new Set([...def.notices, ...(latest?.notices ?? [])])])
  const lifeAreas = await publishedText('life-areas')
  if (!row) return { module: aboutModule(def, lifeAreas), started: false as const, notices }
  const state = row.state
  const step = def.steps.find((s) => s.id === state.value)
  const worksheets = def.steps.flatMap((s) =>
    s.type === 'exercise' && state.context.answers[s.id]
      ? [{ stepId: s.id, title: def.exercises[s.exercise]?.title ?? s.title }]
      : [],
  )
  return {
    module: aboutModule(def, lifeAreas),
    started: true as const,
    notices,
    finished: state.value === FINISHED,
    completedAt: row.completedAt,
    pendingSafety: row.pendingSafety,
    progress: progressOf(def, state),
    canGoBack: state.context.history.length > 0,
    step: step ? stepView(def, step) : null,
    answer: step ? (state.context.answers[step.id] ?? null) : null,
    /** Titles of the steps done, for the summary. */
    done: state.context.history
      .filter((id, i, all) => all.indexOf(id) === i)
      .flatMap((id) => def.steps.find((s) => s.id === id && s.type !== 'summary')?.title ?? []),
    worksheets,
    goalChoices: { areas: def.areas, substances: substances ?? SUBSTANCE_IDS },
  }
}

/**
 * The worksheet for an exercise step: from the version the client is on, with their answers;
 * blank from the current version if they have not started the module.
 */
export async function worksheetFor(userId: string, moduleId: string, stepId: string) {
  const row = await getProgress(userId, moduleId)
  const def = row ? await pinnedDefinition(row.moduleVersionId) : await currentDefinition(moduleId)
  const step = def?.steps.find((s) => s.id === stepId)
  if (!def || step?.type !== 'exercise') return null
  const exercise = def.exercises[step.exercise]
  if (!exercise) return null
  const answer = (row?.state.context.answers[step.id] as ExerciseAnswer | undefined) ?? null
  return { model: worksheetModel(exercise, def.title, answer), hasAnswer: answer !== null, exerciseId: exercise.id }
}

const exportQuery = prepared((db) =>
  db
    .select({
      module: moduleProgress.moduleId,
      version: moduleVersions.version,
      state: moduleProgress.state,
      startedAt: moduleProgress.startedAt,
      completedAt: moduleProgress.completedAt,
    })
    .from(moduleProgress)
    .innerJoin(moduleVersions, eq(moduleVersions.id, moduleProgress.moduleVersionId))
    .where(eq(moduleProgress.userId, sql.placeholder('userId')))
    .orderBy(asc(moduleProgress.startedAt))
    .prepare(),
)

const goalsQuery = prepared((db) =>
  db
    .select()
    .from(goals)
    .where(eq(goals.userId, sql.placeholder('userId')))
    .orderBy(asc(goals.createdAt))
    .prepare(),
)

export async function goalsOf(userId: string) {
  return goalsQuery().all({ userId })
}

/** `modules: [{ module, version, status, startedAt, completedAt, answers }]` and `goals`. */
export async function exportModules(userId: string) {
  return {
    modules: (await exportQuery().all({ userId })).map((m) => ({
      module: m.module,
      version: m.version,
      status: m.state.value === FINISHED ? 'finished' : 'in-progress',
      startedAt: m.startedAt.toISOString(),
      completedAt: m.completedAt?.toISOString() ?? null,
      step: m.state.value,
      answers: m.state.context.answers,
    })),
    goals: (await goalsOf(userId)).map(({ userId: _user, ...goal }) => ({
      ...goal,
      createdAt: goal.createdAt.toISOString(),
      updatedAt: goal.updatedAt.toISOString(),
    })),
  }
}
