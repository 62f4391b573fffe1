// Working through a module: pin the version a client starts, step the module's machine on the
// server (load snapshot → resolveState → transition with a validated event → save), and write
// what a step derives (goals, safety events, the plan) in one transaction. Each function reads
// and decides first; its transaction only writes.
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { and, eq, sql } from 'drizzle-orm'
import { assessmentFacts, goalSafety, type SafetyNotice } from '#app/domain/assessment/safety-facts.server.ts'
import { selfHarmEvent } from '#app/domain/safety/free-text.server.ts'
import { publishedModule } from '#app/domain/studio/content.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { pinModuleVersion, writePin } from '#db/module-versions.ts'
import { prepared } from '#db/prepared.ts'
import {
  goals,
  type ModuleProgress,
  moduleProgress,
  moduleVersions,
  planItems,
  safetyEvents,
} from '#db/schema/index.ts'
import {
  type Facts,
  FINISHED,
  type GoalAnswer,
  type ModuleDefinition,
  type ModuleEvent,
  type ModuleState,
  progressOf,
  startModule,
  stepAnswerSchema,
  stepFreeText,
  stepModule,
} from '#programme/engine/index.ts'

const progressQuery = prepared((db) =>
  db
    .select()
    .from(moduleProgress)
    .where(
      and(
        eq(moduleProgress.userId, sql.placeholder('userId')),
        eq(moduleProgress.moduleId, sql.placeholder('moduleId')),
      ),
    )
    .prepare(),
)

const versionQuery = prepared((db) =>
  db
    .select()
    .from(moduleVersions)
    .where(eq(moduleVersions.id, sql.placeholder('id')))
    .prepare(),
)

/** The module version a client is pinned to, read with their progress (one primary-key lookup). */
export async function pinnedDefinition(versionId: string): Promise<ModuleDefinition | undefined> {
  return (await versionQuery().get({ id: versionId }))?.definition
}

/**
 * The version a new start gets: the service's published version when the studio has one, else
 * the base edition (read from the database each time, ADR 0019).
 */
export async function currentDefinition(moduleId: string): Promise<ModuleDefinition | undefined> {
  return publishedModule(moduleId)
}

export async function getProgress(userId: string, moduleId: string): Promise<ModuleProgress | undefined> {
  return progressQuery().get({ userId, moduleId })
}

function counts(def: ModuleDefinition, state: ModuleState) {
  const progress = progressOf(def, state)
  return { state, stepNumber: progress.step, stepTotal: progress.total }
}

/** Starts the current version of a module, or returns the client's existing progress. */
export async function beginModule(userId: string, moduleId: string, now = clock.now()): Promise<ModuleProgress | null> {
  const def = await currentDefinition(moduleId)
  if (!def) return null
  const existing = await getProgress(userId, moduleId)
  if (existing) return existing
  const facts = await assessmentFacts(userId)
  const pin = await pinModuleVersion(getDb(), def)
  getDb().transaction((tx) => {
    writePin(tx, pin)
    tx.insert(planItems).values({ userId, kind: 'module', ref: moduleId, addedAt: now }).onConflictDoNothing().run()
    // Started at the same moment elsewhere (another tab): that start stands, read back below.
    tx.insert(moduleProgress)
      .values({
        userId,
        moduleId,
        moduleVersionId: pin.id,
        ...counts(def, startModule(def, facts)),
        startedAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .run()
  })
  return (await getProgress(userId, moduleId)) ?? null
}

export type StepIntent = 'next' | 'back' | 'skip' | 'restart'

export type StepResult =
  /** selfHarmWords: the step's text had self-harm words, so the support panel comes first (H-027). */
  | { ok: true; finished: boolean; selfHarmWords: boolean }
  | { ok: false; status: 400; reply: SubmissionResult<string[]> }
  | { ok: false; status: 404 | 409; message: string }

/**
 * Applies one posted step. `stepId` is the step the form was showing: if the client has moved
 * on since (another tab or device), nothing is saved and they are shown where they are now.
 */
export async function postStep(
  userId: string,
  moduleId: string,
  input: { stepId: string; intent: StepIntent; formData: FormData },
  now = clock.now(),
): Promise<StepResult> {
  const row = await getProgress(userId, moduleId)
  const def = row ? await pinnedDefinition(row.moduleVersionId) : undefined
  if (!row || !def) return { ok: false, status: 404, message: 'You have not started this module.' }
  if (input.stepId !== row.state.value)
    return {
      ok: false,
      status: 409,
      message: 'This step was already saved, maybe on another device. Here is where you are now.',
    }

  if (input.intent === 'restart') {
    // Starting again discards the answers, so it also moves to the newest version of the module.
    const latest = (await currentDefinition(moduleId)) ?? def
    const start = counts(latest, startModule(latest, await assessmentFacts(userId)))
    const pin = await pinModuleVersion(getDb(), latest)
    getDb().transaction((tx) => {
      writePin(tx, pin)
      tx.update(moduleProgress)
        .set({
          moduleVersionId: pin.id,
          ...start,
          pendingSafety: null,
          updatedAt: now,
        })
        .where(eq(moduleProgress.id, row.id))
        .run()
    })
    return { ok: true, finished: false, selfHarmWords: false }
  }

  const step = def.steps.find((s) => s.id === row.state.value)
  let event: ModuleEvent
  if (input.intent === 'back') event = { type: 'BACK' }
  else if (input.intent === 'skip') {
    if (!step?.optional) return { ok: false, status: 409, message: 'This step cannot be skipped.' }
    event = { type: 'SKIP' }
  } else {
    if (!step) return { ok: false, status: 409, message: 'You have finished this module.' }
    const submission = parseWithZod(answerFields(input.formData), { schema: stepAnswerSchema(def, step) })
    if (submission.status !== 'success') return { ok: false, status: 400, reply: submission.reply() }
    event = { type: 'NEXT', answer: submission.value }
  }

  const next = stepModule(def, row.state, event)
  const finished = next.value === FINISHED && row.state.value !== FINISHED
  // Read and decide first; the transaction below only writes.
  const textEvent =
    event.type === 'NEXT' && step
      ? await selfHarmEvent(userId, `module:${moduleId}`, stepFreeText(step, event.answer), now)
      : null
  let pendingSafety: SafetyNotice | null = null
  let choiceEvent = false
  if (event.type === 'NEXT' && step?.type === 'choice') {
    const chosen = new Set(event.answer as string[])
    // A safety flag added to the content since this client started still fires (H-016, H-017):
    // the pinned version decides the flow, the newest version can only add safety.
    const newest = (await currentDefinition(moduleId))?.steps.find((s) => s.id === step.id)
    const options = [...step.options, ...(newest?.type === 'choice' ? newest.options : [])]
    if (options.some((o) => o.safety === 'self-harm' && chosen.has(o.id))) {
      choiceEvent = true
      pendingSafety = 'self-harm'
    }
  }
  const goal = event.type === 'NEXT' && step?.type === 'goal' ? (event.answer as GoalAnswer) : null
  if (goal) pendingSafety = await goalSafety(userId, goal)
  getDb().transaction((tx) => {
    if (textEvent) tx.insert(safetyEvents).values(textEvent).run()
    if (choiceEvent)
      tx.insert(safetyEvents)
        .values({ userId, rule: 'self-harm', source: `module:${moduleId}`, createdAt: now })
        .run()
    if (goal && step) {
      const values = {
        ...goal,
        substance: goal.substance ?? null,
        howMuch: goal.howMuch ?? null,
        byWhen: goal.byWhen ?? null,
        why: goal.why ?? null,
        updatedAt: now,
      }
      tx.insert(goals)
        .values({ userId, source: `module:${moduleId}:${step.id}`, createdAt: now, ...values })
        .onConflictDoUpdate({ target: [goals.userId, goals.source], set: values })
        .run()
    }
    if (finished) {
      tx.insert(planItems)
        .values({ userId, kind: 'module', ref: moduleId, addedAt: now, completedAt: now })
        .onConflictDoUpdate({ target: [planItems.userId, planItems.kind, planItems.ref], set: { completedAt: now } })
        .run()
    }
    tx.update(moduleProgress)
      .set({ ...counts(def, next), pendingSafety, updatedAt: now, ...(finished ? { completedAt: now } : {}) })
      .where(eq(moduleProgress.id, row.id))
      .run()
  })
  return { ok: true, finished, selfHarmWords: textEvent !== null }
}

/** The posted form without the page's own fields, so strict answer schemas see only answers. */
function answerFields(formData: FormData): FormData {
  const fields = new FormData()
  for (const [key, value] of formData) if (key !== 'step' && key !== 'intent') fields.append(key, value)
  return fields
}

/** The client has read the safety panel and carries on. */
export async function acknowledgeModuleSafety(userId: string, moduleId: string): Promise<void> {
  await getDb()
    .update(moduleProgress)
    .set({ pendingSafety: null })
    .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, moduleId)))
    .run()
}

export type { Facts }
