// A service's reworded band meaning reaches the client's results (issue 14): the studio may
// change what a band means in plain words, never the band (H-029).
import { describe, expect, it } from 'vitest'
import { latestResults } from '#app/domain/assessment/results.server.ts'
import {
  currentPage,
  getOpenAssessment,
  pagesFor,
  savePage,
  startAssessment,
} from '#app/domain/assessment/sitting.server.ts'
import { getDb } from '#db/client.ts'
import { studioVersions } from '#db/schema/index.ts'
import { documentHash, type Instrument, loadProgramme, moduleDocumentOf } from '#programme/engine/index.ts'
import { makeUser } from '#tests/setup/requests.ts'
import { withPublishedTexts } from './content.server.ts'
import { library, versionDetail } from './library.server.ts'
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
  it("a reworded band meaning shows on the client's results and the intro on the check-in; bands, scores and items stay", async () => {
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
    doc.intro = 'Over the last 2 weeks, how often have these things bothered you? Choose one answer for each.'
    expect(await saveDraft(author, versionId, { document: doc })).toMatchObject({ ok: true, valid: true })
    expect(await submitForReview(author, versionId, 'Plainer words for the lowest band')).toEqual({ ok: true })
    expect(await review(reviewer, versionId, { decision: 'approve' })).toEqual({ ok: true })
    expect(await publish(reviewer, versionId)).toEqual({ ok: true })

    const after = (await latestResults(client.id))?.scores.find((s) => s.instrumentId === 'phq-9')
    expect(after?.band).toMatchObject({ id: 'minimal', meaning: MEANING, label: before?.band?.label })
    expect(after?.total).toBe(before?.total)
    // The check-in pages show the service's intro, with the same questions.
    const next = await makeUser()
    const sitting = await startAssessment(next.id, { substances: ['alcohol'], main: 'alcohol' })
    const page = sitting ? (await pagesFor(sitting)).find((p) => p.instrumentId === 'phq-9') : undefined
    expect(page?.intro).toBe(doc.intro)
    expect(page?.items.map((i) => i.text)).toEqual(doc.items.slice(0, page?.items.length).map((i) => i.text))
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

  it("a base release's corrected items and cut-offs are never hidden by an older service version", async () => {
    const base = loadProgramme().instruments.audit as Instrument
    // A service version made before a release: its items and a cut-off differ from today's base.
    const stale = structuredClone(base)
    ;(stale.items[0] as { text: string }).text = 'An older wording'
    ;(stale.bands[1] as { min: number }).min += 1
    ;(stale.bands[1] as { meaning: string }).meaning = 'The service words it this way.'
    stale.intro = 'The service intro.'
    const merged = withPublishedTexts(base, stale)
    expect(merged.items).toEqual(base.items)
    expect(merged.bands.map((b) => [b.min, b.max, b.label])).toEqual(base.bands.map((b) => [b.min, b.max, b.label]))
    expect(merged.bands[1]?.meaning).toBe('The service words it this way.')
    expect(merged.intro).toBe('The service intro.')
  })

  it('the library says when the base edition changed after the service made its version', async () => {
    const author = await makeUser('clinician')
    const now = new Date()
    const document = moduleDocumentOf(loadProgramme().modules['people-who-support-you'] as never)
    getDb()
      .insert(studioVersions)
      .values({
        kind: 'module',
        itemId: 'people-who-support-you',
        number: 1,
        document: document as never,
        hash: documentHash(document),
        status: 'published',
        basedOn: 'base',
        basedOnHash: 'a-base-from-an-earlier-release',
        authorId: author.id,
        createdAt: now,
        updatedAt: now,
        publishedAt: now,
      })
      .run()
    const items = await library('module')
    expect(items.find((i) => i.itemId === 'people-who-support-you')).toMatchObject({
      layer: 'service',
      baseChanged: true,
    })
    expect(items.find((i) => i.itemId === 'building-a-week')?.baseChanged).toBe(false)
  })
})
