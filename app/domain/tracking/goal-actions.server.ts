// The goals page's form posts, by intent: create, check-in, done, drop, reopen, delete. Each
// answers with what the page shows next; bad input is a 400 with messages, nothing saved.

import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { supportFirst } from '#app/domain/safety/free-text.server.ts'
import { GoalAnswerSchema, type NoticeId } from '#programme/engine/index.ts'
import { CheckInSchema, checkInGoal, createGoal, deleteGoal, setGoalStatus } from './goals.server.ts'

type Reply = {
  status: 200 | 400 | 404
  form?: string
  result?: SubmissionResult<string[]>
  errors?: string[]
  saved?: string
  safety?: NoticeId | null
}

const STATUS = { done: 'done', drop: 'dropped', reopen: 'active' } as const

/** `to`: where to send the client (the goals page when not given). */
type Redirect = { status: 'redirect'; to?: string }

export async function goalAction(userId: string, formData: FormData): Promise<Reply | Redirect> {
  const intent = String(formData.get('intent') ?? '')
  const goalId = String(formData.get('goal') ?? '')
  if (intent === 'create') {
    formData.delete('intent')
    const submission = parseWithZod(formData, { schema: GoalAnswerSchema })
    if (submission.status !== 'success') return { status: 400, form: 'goal', result: submission.reply() }
    const created = await createGoal(userId, submission.value)
    // Self-harm words (H-027): the support panel first, with the goal's own warning after it.
    if (created.selfHarmWords) return { status: 'redirect', to: supportFirst('/goals', created.safety) }
    return { status: 200, saved: 'Your goal is saved.', safety: created.safety }
  }
  if (intent === 'check-in') {
    const parsed = CheckInSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return { status: 400, form: goalId, errors: parsed.error.issues.map((i) => i.message) }
    const checkedIn = await checkInGoal(userId, { ...parsed.data, note: parsed.data.note || undefined })
    if (!checkedIn) return { status: 404, errors: ['That goal was not found.'] }
    if (checkedIn.selfHarmWords) return { status: 'redirect', to: supportFirst('/goals') }
    return { status: 200, saved: 'Check-in saved.' }
  }
  if (intent in STATUS) {
    if (!(await setGoalStatus(userId, goalId, STATUS[intent as keyof typeof STATUS])))
      return { status: 404, errors: ['That goal was not found.'] }
    return { status: 'redirect' }
  }
  if (intent === 'delete') {
    if (!(await deleteGoal(userId, goalId))) return { status: 404, errors: ['That goal was not found.'] }
    return { status: 'redirect' }
  }
  return { status: 400, errors: ['That button is not one we know.'] }
}
