// Bad input from issue 12 (H-022) through the real actions: a repeated area on the results page,
// and an invalid unit on an urge, are refused or cleaned without a 500 or a half-saved row.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getPlan } from '#app/domain/assessment/plan.server.ts'
import { currentPage, getOpenAssessment, savePage, startAssessment } from '#app/domain/assessment/sitting.server.ts'
import { getUrge, logUrge } from '#app/domain/tracking/entries.server.ts'
import { trackingForms } from '#app/domain/tracking/forms.server.ts'
import { action as questionsAction } from '#app/routes/assessment.questions.tsx'
import { action as resultsAction } from '#app/routes/assessment.results.tsx'
import { action as trackAction } from '#app/routes/track._index.tsx'
import { action as urgeAction } from '#app/routes/track.urges.$id.tsx'
import { getDb } from '#db/client.ts'
import { useEntries, users } from '#db/schema/index.ts'
import { run, statusOf } from '#tests/setup/outcome.ts'
import { makeUser, signedInCookie } from '#tests/setup/requests.ts'

function post(path: string, cookie: string, body: string) {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  })
}

describe('a life area sent twice on the results page', () => {
  it('is kept once, not a 500 (UNIQUE constraint failed: plan_items)', async () => {
    const user = await makeUser()
    await startAssessment(user.id, { substances: ['alcohol'], main: 'alcohol' })
    for (let guard = 0; guard < 100 && (await getOpenAssessment(user.id)); guard++) {
      const { page } = await currentPage(
        (await getOpenAssessment(user.id)) as NonNullable<Awaited<ReturnType<typeof getOpenAssessment>>>,
      )
      const answers = Object.fromEntries(page.items.map((item) => [item.id, String(item.options[0]?.value)]))
      await savePage(user.id, { pageIndex: page.index, answers, direction: 'next' })
    }
    const cookie = await signedInCookie(user)
    const status = await statusOf(resultsAction, post('/assessment/results', cookie, 'area=situations&area=situations'))
    expect(status).toBe(200)
    expect((await getPlan(user.id)).filter((item) => item.kind === 'area')).toEqual([
      { kind: 'area', ref: 'situations' },
    ])
  })
})

describe('an urge saved with a unit that is not one of ours', () => {
  const variants = {
    'not-an-option': 'not-an-option',
    '100 kB': 'u'.repeat(100_000),
    'a NUL': 'units\u0000',
    'a lone surrogate': '\ud800',
  }

  for (const [label, usedUnit] of Object.entries(variants)) {
    it(`is refused with a 400 and leaves the urge as it was: ${label}`, async () => {
      const user = await makeUser()
      const logged = await logUrge(user.id, trackingForms().UrgeSchema.parse({ intensity: '4' }))
      if (!logged.ok) throw new Error('could not log the urge')
      const before = await getUrge(user.id, logged.id)
      const cookie = await signedInCookie(user)
      const body = new URLSearchParams({ intensity: '6', usedUnit }).toString()
      const status = await statusOf(urgeAction, post(`/track/urges/${logged.id}`, cookie, body), { id: logged.id })
      expect(status).toBe(400)
      expect(await getUrge(user.id, logged.id)).toEqual(before)
    })
  }

  it('still accepts a real unit with what was used', async () => {
    const user = await makeUser()
    const logged = await logUrge(user.id, trackingForms().UrgeSchema.parse({ intensity: '4' }))
    if (!logged.ok) throw new Error('could not log the urge')
    const cookie = await signedInCookie(user)
    const unit = trackingForms().tracking.substances.alcohol[0]?.id ?? ''
    const body = `intensity=6&outcome=used&usedSubstance=alcohol&usedAmount=2&usedUnit=${unit}&coping=${trackingForms().tracking.copingStrategies[0]?.id}&coping=${trackingForms().tracking.copingStrategies[0]?.id}`
    const status = await statusOf(urgeAction, post(`/track/urges/${logged.id}`, cookie, body), { id: logged.id })
    expect(status).toBe(302)
    expect(await getUrge(user.id, logged.id)).toMatchObject({ intensity: 6, usedUnit: unit })
  })
})

describe('"No use today" with a time zone that is not one', () => {
  it.each(['Mars/Olympus', 'x'.repeat(5000)])('is refused with a 400 and saves nothing: %s', async (timeZone) => {
    const user = await makeUser()
    const cookie = await signedInCookie(user)
    const body = new URLSearchParams({ intent: 'no-use', timeZone }).toString()
    expect(await statusOf(trackAction, post('/track', cookie, body))).toBe(400)
    const rows = getDb().select().from(useEntries).where(eq(useEntries.userId, user.id)).all()
    expect(rows).toEqual([])
    expect(getDb().select().from(users).where(eq(users.id, user.id)).get()?.timeZone).toBe(user.timeZone)
  })

  it('is saved with a real zone, or with none (no JavaScript), then redirects so a reload does not post again', async () => {
    const user = await makeUser()
    const cookie = await signedInCookie(user)
    const saved = (await run(trackAction, post('/track', cookie, 'intent=no-use&timeZone=Europe%2FParis'))) as Response
    expect(saved.status).toBe(302)
    // The address names no health detail: only that something was marked.
    expect(saved.headers.get('Location')).toBe('/track?marked=1')
    expect(getDb().select().from(users).where(eq(users.id, user.id)).get()?.timeZone).toBe('Europe/Paris')
    expect(await statusOf(trackAction, post('/track', cookie, 'intent=no-use&timeZone='))).toBe(302)
  })
})

describe('a check-in page post that is not the page the client is on', () => {
  async function started() {
    const user = await makeUser()
    await startAssessment(user.id, { substances: ['alcohol'], main: 'alcohol' })
    return { user, cookie: await signedInCookie(user) }
  }

  it.each([
    ['a page that is not a number', 'intent=next&page=abc'],
    ['the page sent twice', 'intent=next&page=0&page=0'],
    ['an answer that is not a number', 'intent=next&page=7&item%3Aaudit-1=lots'],
    ['a field the page does not have', 'intent=next&page=0&surprise=1'],
    ['an intent the page does not have', 'intent=finish&page=0'],
  ])('is refused with a 400 when it is not well formed: %s', async (_label, body) => {
    const { user, cookie } = await started()
    expect(await statusOf(questionsAction, post('/assessment/questions', cookie, body))).toBe(400)
    expect((await getOpenAssessment(user.id))?.pageIndex).toBe(0)
  })

  it('a well-formed post for another page (an old tab) goes back to the current page, saving nothing', async () => {
    const { user, cookie } = await started()
    expect(await statusOf(questionsAction, post('/assessment/questions', cookie, 'intent=next&page=3'))).toBe(302)
    expect((await getOpenAssessment(user.id))?.pageIndex).toBe(0)
  })
})
