// Working through modules via their domain functions, on an in-memory database: stepping
// persists and resumes, bad input saves nothing, version pinning, derived rows, export, delete.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { deleteUser } from '#app/domain/accounts/account.server.ts'
import { noticesFor } from '#app/domain/assessment/safety-facts.server.ts'
import { exportUserData } from '#app/domain/privacy/export.server.ts'
import { getDb } from '#db/client.ts'
import { goals, moduleProgress, moduleVersions, planItems, safetyEvents } from '#db/schema/index.ts'
import { loadProgramme, type ModuleDefinition } from '#programme/engine/index.ts'
import { rowsMentioning } from '#tests/setup/leftovers.ts'
import { makeUser } from '#tests/setup/requests.ts'
import { beginModule, getProgress, postStep, type StepIntent } from './stepping.server.ts'
import { moduleList, moduleView, worksheetFor } from './view.server.ts'

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v)
  return data
}

async function post(
  userId: string,
  moduleId: string,
  fields: Record<string, string | string[]> = {},
  intent: StepIntent = 'next',
) {
  const step = (await getProgress(userId, moduleId))?.state.value ?? ''
  // As the page posts it: the step shown and the button pressed travel with the answers.
  return postStep(userId, moduleId, { stepId: step, intent, formData: form({ ...fields, step, intent }) })
}

/** Answers steps with the given fields (by step id) until `target`; fails rather than loop. */
async function walkTo(
  userId: string,
  moduleId: string,
  target: string,
  fields: Record<string, Record<string, string>> = {},
) {
  for (let i = 0; i < 30; i++) {
    const step = await at(userId, moduleId)
    if (step === target) return
    const result = await post(userId, moduleId, fields[step ?? ''] ?? {})
    if (!result.ok) throw new Error(`step ${step} refused: ${JSON.stringify(result)}`)
  }
  throw new Error(`never reached ${target}`)
}

const at = async (userId: string, moduleId: string) => (await getProgress(userId, moduleId))?.state.value

describe('stepping through a module', () => {
  it('saves each step and resumes exactly where the client stopped', async () => {
    const user = await makeUser()
    await beginModule(user.id, 'goals-that-work')
    expect(await at(user.id, 'goals-that-work')).toBe('intro')
    expect(await post(user.id, 'goals-that-work')).toEqual({ ok: true, finished: false, selfHarmWords: false })
    expect((await post(user.id, 'goals-that-work', { choice: 'something-else' })).ok).toBe(true)
    // A later request (another device) sees the same place and answers.
    const view = await moduleView(user.id, 'goals-that-work')
    expect(view?.started && view.step?.id).toBe('goal-life')
    expect(view?.started && view.progress).toMatchObject({ step: 3 })
    expect((await getProgress(user.id, 'goals-that-work'))?.state.context.answers['goal-kind']).toEqual([
      'something-else',
    ])
    // Beginning again does not reset it.
    await beginModule(user.id, 'goals-that-work')
    expect(await at(user.id, 'goals-that-work')).toBe('goal-life')
  })

  it('refuses bad answers with 400 and saves nothing', async () => {
    const user = await makeUser()
    await beginModule(user.id, 'motivation-and-readiness')
    await post(user.id, 'motivation-and-readiness')
    const before = await getProgress(user.id, 'motivation-and-readiness')
    for (const fields of [{} as Record<string, string>, { rating: '11' }, { rating: 'lots' }, { rating: '-1' }]) {
      const result = await post(user.id, 'motivation-and-readiness', fields)
      expect(result).toMatchObject({ ok: false, status: 400 })
      if (!result.ok && result.status === 400) expect(result.reply.error?.rating?.[0]).toMatch(/0 to 10/)
    }
    expect(await getProgress(user.id, 'motivation-and-readiness')).toEqual(before)
  })

  it('refuses a choice that is not offered', async () => {
    const user = await makeUser()
    await beginModule(user.id, 'goals-that-work')
    await post(user.id, 'goals-that-work')
    expect(await post(user.id, 'goals-that-work', { choice: 'made-up' })).toMatchObject({ ok: false, status: 400 })
    expect(await at(user.id, 'goals-that-work')).toBe('goal-kind')
  })

  it('gives 409 for a step already answered elsewhere, and 404 for a module not started', async () => {
    const user = await makeUser()
    await beginModule(user.id, 'saying-no')
    await post(user.id, 'saying-no')
    const stale = await postStep(user.id, 'saying-no', { stepId: 'intro', intent: 'next', formData: form({}) })
    expect(stale).toMatchObject({ ok: false, status: 409 })
    expect(await post(user.id, 'solving-problems')).toMatchObject({ ok: false, status: 404 })
    expect(await beginModule(user.id, 'no-such-module')).toBeNull()
  })

  it('goes back and skips only optional steps', async () => {
    const user = await makeUser()
    await beginModule(user.id, 'goals-that-work')
    await post(user.id, 'goals-that-work')
    expect(await post(user.id, 'goals-that-work', {}, 'skip')).toMatchObject({ ok: false, status: 409 })
    expect((await post(user.id, 'goals-that-work', {}, 'back')).ok).toBe(true)
    expect(await at(user.id, 'goals-that-work')).toBe('intro')
  })
})

describe('what steps derive', () => {
  it('a goal step saves a goal once, updating it when answered again; an opioid goal shows the overdose warning', async () => {
    const user = await makeUser()
    await beginModule(user.id, 'goals-that-work')
    await post(user.id, 'goals-that-work')
    await post(user.id, 'goals-that-work', { choice: 'drinking-or-using' })
    await walkTo(user.id, 'goals-that-work', 'set-goal-use', { smart: { goal: 'Drink less' } })
    const goal = { what: 'Use less', type: 'cut-down', substance: 'opioids', area: 'behaviours' }
    expect((await post(user.id, 'goals-that-work', goal)).ok).toBe(true)
    expect((await getProgress(user.id, 'goals-that-work'))?.pendingSafety).toBe('overdose-after-a-break')
    await post(user.id, 'goals-that-work', {}, 'back')
    await post(user.id, 'goals-that-work', { ...goal, what: 'Use less, slowly' })
    const saved = getDb().select().from(goals).where(eq(goals.userId, user.id)).all()
    expect(saved.map((g) => g.what)).toEqual(['Use less, slowly'])
  })

  it('an alcohol stop goal shows the withdrawal warning when we do not know about dependence', async () => {
    const user = await makeUser()
    await beginModule(user.id, 'goals-that-work')
    await post(user.id, 'goals-that-work')
    await post(user.id, 'goals-that-work', { choice: 'drinking-or-using' })
    await walkTo(user.id, 'goals-that-work', 'set-goal-use', { smart: { goal: 'Drink less' } })
    await post(user.id, 'goals-that-work', {
      what: 'Stop drinking',
      type: 'stop',
      substance: 'alcohol',
      area: 'behaviours',
    })
    expect((await getProgress(user.id, 'goals-that-work'))?.pendingSafety).toBe('alcohol-withdrawal')
  })

  // "I'd rather not say" is treated as a "yes" (H-016): the same panel and the same flag.
  it.each([
    'sometimes',
    'right-now',
    'rather-not-say',
  ])('a self-harm answer (%s) raises a safety event and the support panel', async (answer) => {
    const user = await makeUser()
    await beginModule(user.id, 'coping-with-feelings')
    await post(user.id, 'coping-with-feelings')
    await post(user.id, 'coping-with-feelings', { choice: ['low'] })
    expect(await at(user.id, 'coping-with-feelings')).toBe('safety-check')
    const check = loadProgramme().modules['coping-with-feelings']?.steps.find((s) => s.id === 'safety-check')
    expect(check?.type === 'choice' && check.options.map((o) => o.id)).toContain(answer)
    expect(await post(user.id, 'coping-with-feelings', { choice: answer })).toMatchObject({ ok: true, finished: false })
    expect(await at(user.id, 'coping-with-feelings')).toBe('support')
    expect((await getProgress(user.id, 'coping-with-feelings'))?.pendingSafety).toBe('self-harm')
    const events = getDb().select().from(safetyEvents).where(eq(safetyEvents.userId, user.id)).all()
    expect(events).toMatchObject([{ rule: 'self-harm', source: 'module:coping-with-feelings' }])
  })

  it('a client pinned on an older version without the self-harm flag on an answer still gets the panel (H-016, H-017)', async () => {
    const user = await makeUser()
    await beginModule(user.id, 'coping-with-feelings')
    await walkTo(user.id, 'coping-with-feelings', 'safety-check', { 'hard-feelings': { choice: 'low' } })
    // The version they started: "I'd rather not say" carried no safety flag then.
    const current = loadProgramme().modules['coping-with-feelings'] as ModuleDefinition
    const older = structuredClone(current) as ModuleDefinition
    for (const step of older.steps)
      if (step.type === 'choice')
        for (const option of step.options) if (option.id === 'rather-not-say') delete option.safety
    older.version = '0-before-h016'
    const db = getDb()
    const [pinned] = db
      .insert(moduleVersions)
      .values({ moduleId: older.id, version: older.version, hash: 'older-coping-with-feelings', definition: older })
      .returning({ id: moduleVersions.id })
      .all()
    db.update(moduleProgress).set({ moduleVersionId: pinned?.id }).where(eq(moduleProgress.userId, user.id)).run()
    await post(user.id, 'coping-with-feelings', { choice: 'rather-not-say' })
    expect((await getProgress(user.id, 'coping-with-feelings'))?.pendingSafety).toBe('self-harm')
    const events = db.select().from(safetyEvents).where(eq(safetyEvents.userId, user.id)).all()
    expect(events).toMatchObject([{ rule: 'self-harm', source: 'module:coping-with-feelings' }])
  })

  it('"No" to the self-harm question raises nothing and goes on to grounding', async () => {
    const user = await makeUser()
    await beginModule(user.id, 'coping-with-feelings')
    await walkTo(user.id, 'coping-with-feelings', 'safety-check', { 'hard-feelings': { choice: 'low' } })
    await post(user.id, 'coping-with-feelings', { choice: 'no-thoughts' })
    expect(await at(user.id, 'coping-with-feelings')).toBe('grounding')
    expect((await getProgress(user.id, 'coping-with-feelings'))?.pendingSafety).toBeNull()
    expect(getDb().select().from(safetyEvents).where(eq(safetyEvents.userId, user.id)).all()).toEqual([])
  })

  it('finishing marks the module done in the list and the plan; the worksheet has the answers', async () => {
    const user = await makeUser()
    await beginModule(user.id, 'solving-problems')
    for (let i = 0; i < 30 && (await at(user.id, 'solving-problems')) !== 'finished'; i++) {
      const step = await at(user.id, 'solving-problems')
      const fields: Record<string, string> =
        step === 'style'
          ? { choice: 'think' }
          : step === 'solve'
            ? { problem: 'Money worries', 'ideas[0].idea': 'Make a budget' }
            : step === 'first-step'
              ? { text: 'Call the bank' }
              : {}
      const result = await post(user.id, 'solving-problems', fields)
      expect(result, `step ${step}`).toMatchObject({ ok: true })
    }
    expect(await at(user.id, 'solving-problems')).toBe('finished')
    expect((await getProgress(user.id, 'solving-problems'))?.completedAt).toBeInstanceOf(Date)
    expect((await moduleList(user.id)).find((m) => m.id === 'solving-problems')?.status).toBe('finished')
    const plan = getDb().select().from(planItems).where(eq(planItems.userId, user.id)).all()
    expect(plan).toMatchObject([{ kind: 'module', ref: 'solving-problems' }])
    expect(plan[0]?.completedAt).toBeInstanceOf(Date)
    const sheet = await worksheetFor(user.id, 'solving-problems', 'solve')
    expect(JSON.stringify(sheet?.model)).toContain('Money worries')
  })
})

describe('version pinning', () => {
  it('a client part-way through keeps the version they began; starting again moves to the current one', async () => {
    const user = await makeUser()
    const row = await beginModule(user.id, 'saying-no')
    const current = loadProgramme().modules['saying-no'] as ModuleDefinition
    // An older edition of the module, as if the content had been edited since the client began.
    const older: ModuleDefinition = {
      ...current,
      version: '0',
      title: 'Saying no (old edition)',
      steps: [current.steps[0], current.steps.at(-1)].filter((s) => s !== undefined),
    }
    const old = getDb()
      .insert(moduleVersions)
      .values({ moduleId: 'saying-no', version: '0', hash: 'older-edition', definition: older })
      .returning()
      .get()
    getDb()
      .update(moduleProgress)
      .set({ moduleVersionId: old.id })
      .where(eq(moduleProgress.id, row?.id ?? ''))
      .run()

    const view = await moduleView(user.id, 'saying-no')
    expect(view?.module.title).toBe('Saying no (old edition)')
    expect(view?.started && view.progress.total).toBe(2)
    // A safety notice in the current content still reaches a client on the old edition (H-017).
    expect(view?.notices).toContain('overdose-after-a-break')
    await post(user.id, 'saying-no')
    expect(await at(user.id, 'saying-no')).toBe(older.steps[1]?.id)
    expect((await post(user.id, 'saying-no', {}, 'restart')).ok).toBe(true)
    expect((await moduleView(user.id, 'saying-no'))?.module.title).toBe(current.title)
  })
  it('two starts at once (two tabs) give one start, pinned to one version row', async () => {
    const user = await makeUser()
    // Each start reads before it writes, so both find nothing and both write.
    const [first, second] = await Promise.all([
      beginModule(user.id, 'people-who-support-you'),
      beginModule(user.id, 'people-who-support-you'),
    ])
    expect(first?.id).toBeDefined()
    expect(second?.id).toBe(first?.id)
    const rows = getDb().select().from(moduleProgress).where(eq(moduleProgress.userId, user.id)).all()
    expect(rows).toHaveLength(1)
    const pinned = getDb()
      .select()
      .from(moduleVersions)
      .where(eq(moduleVersions.moduleId, 'people-who-support-you'))
      .all()
    expect(pinned.map((v) => v.id)).toEqual([rows[0]?.moduleVersionId])
  })

  it('two clients starting an edition no one has started yet, at once, share its one version row', async () => {
    const [one, two] = await Promise.all([makeUser(), makeUser()])
    const started = await Promise.all([one, two].map((user) => beginModule(user.id, 'building-a-week')))
    const pinned = getDb().select().from(moduleVersions).where(eq(moduleVersions.moduleId, 'building-a-week')).all()
    expect(pinned).toHaveLength(1)
    expect(started.map((row) => row?.moduleVersionId)).toEqual([pinned[0]?.id, pinned[0]?.id])
  })
})

describe('safety notices', () => {
  it('go to clients who named the substance, or whose substances we do not know', () => {
    const all = ['overdose-after-a-break', 'alcohol-withdrawal', 'sedative-taper'] as const
    expect(noticesFor(null, all)).toEqual([...all])
    expect(noticesFor(['alcohol'], all)).toEqual(['alcohol-withdrawal'])
    expect(noticesFor(['opioids', 'benzodiazepines'], all)).toEqual(['overdose-after-a-break', 'sedative-taper'])
  })
})

describe('privacy', () => {
  it('the export has module progress, answers and goals; deleting the account leaves nothing', async () => {
    const user = await makeUser()
    await beginModule(user.id, 'goals-that-work')
    await post(user.id, 'goals-that-work')
    await post(user.id, 'goals-that-work', { choice: 'something-else' })
    const exported = (await exportUserData(user.id)) as { modules: unknown[]; goals: unknown[] }
    expect(exported.modules).toEqual([
      {
        module: 'goals-that-work',
        version: '1',
        status: 'in-progress',
        startedAt: expect.any(String),
        completedAt: null,
        step: 'goal-life',
        answers: { intro: null, 'goal-kind': ['something-else'] },
      },
    ])
    expect(exported.goals).toEqual([])
    await deleteUser(user.id)
    expect(rowsMentioning(user.id)).toEqual([])
  })
})
