// A service's reworded band meaning reaches the client's results (issue 14): the studio may
// change what a band means in plain words, never the band (H-029).
import { describe, expect, it } from 'vitest'
import { latestResults } from '#app/domain/assessment/results.server.ts'
import { currentPage, getOpenAssessment, savePage, startAssessment } from '#app/domain/assessment/sitting.server.ts'
import type { Instrument } from '#programme/engine/index.ts'
import { makeUser } from '#tests/setup/requests.ts'
import { versionDetail } from './library.server.ts'
import { createDraft, publish, review, saveDraft, submitForReview } from './workflow.server.ts'

const MEANING = 'Your answers show few signs of low mood right now. Keep doing what helps.'

async function checkInWithLowestAnswers(userId: string) {
  await startAssessment(userId, { substances: ['alcohol'], main: 'alcohol' })
  for (let guard = 0; guard < 100; guard++) {
    const open = await getOpenAssessment(userId)
    if (!open) return
    const { page } = await currentPage(open)
    const answers = Object.fromEntries(
      page.items.map((item) => [item.id, String(Math.min(...item.options.map((o) => o.value)))]),
    )
    const result = await savePage(userId, { pageIndex: page.index, answers, direction: 'next' })
    if (!result.ok) throw new Error(JSON.stringify(result))
  }
}

describe('published instrument texts', () => {
  it("a reworded band meaning shows on the client's results; the band and score stay", async () => {
    const client = await makeUser()
    await checkInWithLowestAnswers(client.id)
    const before = (await latestResults(client.id))?.scores.find((s) => s.instrumentId === 'phq-9')
    expect(before?.band?.id).toBe('minimal')

    const author = await makeUser('clinician')
    const reviewer = await makeUser('clinician')
    const draft = await createDraft(author, { kind: 'instrument', itemId: 'phq-9' })
    const versionId = draft.ok ? draft.versionId : ''
    const doc = structuredClone((await versionDetail(versionId))?.document) as unknown as Instrument
    const minimal = doc.bands.find((b) => b.id === 'minimal')
    if (minimal) minimal.meaning = MEANING
    expect(await saveDraft(author, versionId, { document: doc })).toMatchObject({ ok: true, valid: true })
    expect(await submitForReview(author, versionId, 'Plainer words for the lowest band')).toEqual({ ok: true })
    expect(await review(reviewer, versionId, { decision: 'approve' })).toEqual({ ok: true })
    expect(await publish(reviewer, versionId)).toEqual({ ok: true })

    const after = (await latestResults(client.id))?.scores.find((s) => s.instrumentId === 'phq-9')
    expect(after?.band).toMatchObject({ id: 'minimal', meaning: MEANING, label: before?.band?.label })
    expect(after?.total).toBe(before?.total)
  })

  it('an instrument draft that changes a cut-off saves but can never be submitted (H-029)', async () => {
    const author = await makeUser('clinician')
    const draft = await createDraft(author, { kind: 'instrument', itemId: 'gad-7' })
    const versionId = draft.ok ? draft.versionId : ''
    const doc = structuredClone((await versionDetail(versionId))?.document) as unknown as Instrument
    ;(doc.bands[1] as { min: number }).min += 1
    const saved = await saveDraft(author, versionId, { document: doc })
    expect(saved).toMatchObject({ ok: true, valid: false })
    expect(saved.ok && saved.issues.some((i) => i.rule === 'instrument-locked')).toBe(true)
    expect(await submitForReview(author, versionId, 'Move the cut-off')).toMatchObject({ ok: false, status: 400 })
  })
})
