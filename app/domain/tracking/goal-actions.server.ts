// The goals pages' form posts, by intent: create, check-in, done, drop, reopen (the goals page),
// edit (a goal's edit page) and delete (its confirm page). A save answers with a redirect to the
// goals page and a short `saved` word for its message (post, redirect, get: a refresh or Back
// never posts twice, and the forms start empty); bad input is a 400 with messages, nothing saved.

import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { timeZoneOf } from '#app/domain/accounts/account.server.ts'
import { goalSafety } from '#app/domain/assessment/safety-facts.server.ts'
import { supportFirst } from '#app/domain/safety/free-text.server.ts'
import { clock } from '#app/utils/clock.server.ts'
import { type GoalAnswer, type NoticeId, todayIn } from '#programme/engine/index.ts'
import { rememberTimeZone, reportedTimeZone, ZONE_UNREADABLE } from './entries.server.ts'
import { goalFormSchema } from './goal-form.ts'
import {
  CheckInSchema,
  checkInGoal,
  createGoal,
  deleteGoal,
  getGoal,
  setGoalStatus,
  updateGoal,
} from './goals.server.ts'

type Reply = {
  status: 400 | 404
  form?: string
  result?: SubmissionResult<string[]>
  errors?: string[]
}

/** `to`: where to send the client. */
type Redirect = { status: 'redirect'; to: string }

/** What the goals page says after a redirect, by its `saved` word. */
export const SAVED_MESSAGES = {
  goal: 'Your goal is saved.',
  'check-in': 'Check-in saved.',
  changes: 'Your changes are saved.',
  deleted: 'The goal is deleted.',
} as const
export type Saved = keyof typeof SAVED_MESSAGES

/** The goals page with its message; `goal` names the goal whose safety warning it shows again. */
export function savedPage(saved: Saved, goalId?: string): string {
  const query = new URLSearchParams({ saved })
  if (goalId) query.set('goal', goalId)
  return `/goals?${query}`
}

const STATUS = { done: 'done', drop: 'dropped', reopen: 'active' } as const

const NOT_FOUND: Reply = { status: 404, errors: ['That goal was not found.'] }

/** After a save with words that call for the support panel (H-027): the panel first, then the goals page. */
const next = (to: string, selfHarmWords: boolean, safety?: NoticeId | null): Redirect => ({
  status: 'redirect',
  to: selfHarmWords ? supportFirst(to, safety) : to,
})

/**
 * The goal form parsed for the client's own today (the zone their browser reports, else the
 * account's); `kept` is an edited goal's saved deadline. Remembers a reported zone once valid.
 */
async function parseGoal(userId: string, formData: FormData, kept: string | null = null) {
  const reported = reportedTimeZone(formData.get('timeZone'))
  for (const field of ['intent', 'goal', 'timeZone']) formData.delete(field)
  const zone = (reported.ok ? reported.zone : null) ?? (await timeZoneOf(userId))
  const submission = parseWithZod(formData, { schema: goalFormSchema(todayIn(zone, clock.now()), kept) })
  if (!reported.ok) return { ok: false as const, result: submission.reply({ formErrors: [ZONE_UNREADABLE] }) }
  if (submission.status !== 'success') return { ok: false as const, result: submission.reply() }
  await rememberTimeZone(userId, reported.zone)
  return { ok: true as const, value: submission.value }
}

export async function goalAction(userId: string, formData: FormData): Promise<Reply | Redirect> {
  const intent = String(formData.get('intent') ?? '')
  const goalId = String(formData.get('goal') ?? '')
  if (intent === 'create') {
    const parsed = await parseGoal(userId, formData)
    if (!parsed.ok) return { status: 400, form: 'goal', result: parsed.result }
    const created = await createGoal(userId, parsed.value)
    // Self-harm words (H-027): the support panel first, with the goal's own warning after it.
    return next(savedPage('goal', created.id), created.selfHarmWords, created.safety)
  }
  if (intent === 'check-in') {
    const parsed = CheckInSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return { status: 400, form: goalId, errors: parsed.error.issues.map((i) => i.message) }
    const checkedIn = await checkInGoal(userId, { ...parsed.data, note: parsed.data.note || undefined })
    if (!checkedIn) return NOT_FOUND
    return next(savedPage('check-in'), checkedIn.selfHarmWords)
  }
  if (intent in STATUS) {
    if (!(await setGoalStatus(userId, goalId, STATUS[intent as keyof typeof STATUS]))) return NOT_FOUND
    return { status: 'redirect', to: '/goals' }
  }
  return { status: 400, errors: ['That button is not one we know.'] }
}

/** The edit page's post: the same form and checks as setting a goal. */
export async function editGoalAction(userId: string, goalId: string, formData: FormData): Promise<Reply | Redirect> {
  const goal = await getGoal(userId, goalId)
  if (!goal) return NOT_FOUND
  const parsed = await parseGoal(userId, formData, goal.byWhen)
  if (!parsed.ok) return { status: 400, form: 'goal', result: parsed.result }
  const updated = await updateGoal(userId, goalId, parsed.value)
  if (!updated) return NOT_FOUND
  return next(savedPage('changes', goalId), updated.selfHarmWords, updated.safety)
}

/** The confirm page's post: the goal and its check-ins go for good. */
export async function deleteGoalAction(userId: string, goalId: string, formData: FormData): Promise<Reply | Redirect> {
  if (formData.get('intent') !== 'delete') return { status: 400, errors: ['That button is not one we know.'] }
  if (!(await deleteGoal(userId, goalId))) return NOT_FOUND
  return { status: 'redirect', to: savedPage('deleted') }
}

/**
 * What the goals page says after a redirect: the message for its `saved` word, and the safety
 * warning of the goal it names (a stop or cut-down goal's, shown again on every view of that
 * address, never only once). Unknown words and goals that are not the client's show nothing.
 */
export async function savedNotice(userId: string, search: URLSearchParams) {
  const saved = search.get('saved')
  const message = saved && saved in SAVED_MESSAGES ? SAVED_MESSAGES[saved as Saved] : null
  const goalId = message ? search.get('goal') : null
  const goal = goalId ? await getGoal(userId, goalId) : null
  const safety = goal
    ? await goalSafety(userId, { type: goal.type, substance: (goal.substance ?? undefined) as GoalAnswer['substance'] })
    : null
  return { saved: message, safety }
}
