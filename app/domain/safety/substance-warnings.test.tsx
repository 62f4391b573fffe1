// The substance warnings each client sees, through the loaders and actions the pages call
// (issue 12, "Messages that must change" 1–4): the overdose advice on a very strong urge, the
// taper and withdrawal warnings on cut-down goals, and every named substance's warning on the
// check-in results. Hazards H-012, H-018, H-024, H-025.

import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SafetyNoticePanel } from '#app/components/support-panel.tsx'
import { withdrawalReason } from '#app/domain/assessment/safety-facts.server.ts'
import { currentPage, getOpenAssessment, savePage, startAssessment } from '#app/domain/assessment/sitting.server.ts'
import { logUrge, updateUrge } from '#app/domain/tracking/entries.server.ts'
import { trackingForms } from '#app/domain/tracking/forms.server.ts'
import { goalAction, savedNotice } from '#app/domain/tracking/goal-actions.server.ts'
import * as results from '#app/routes/assessment.results.tsx'
import * as urgePage from '#app/routes/track.urges.$id.tsx'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import type { SubstanceId } from '#programme/engine/index.ts'
import { loadContext, makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'

const NOW = new Date('2026-11-21T18:30:00Z')
beforeAll(() => pinClock(NOW))
afterAll(unpinClock)

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.append(key, value)
  return data
}

/** A client who finished a check-in naming these substances; `highest` answers AUDIT at the top. */
async function checkedIn(substances: SubstanceId[], { highest = false } = {}) {
  const user = await makeUser()
  await startAssessment(user.id, { substances, main: substances[0] ?? 'alcohol' })
  for (let guard = 0; guard < 100; guard++) {
    const open = await getOpenAssessment(user.id)
    if (!open) return user
    const { page } = await currentPage(open)
    const answers = Object.fromEntries(
      page.items.map((item) => {
        const values = item.options.map((o) => o.value)
        const top = highest && item.id.startsWith('audit-')
        return [item.id, String(top ? Math.max(...values) : Math.min(...values))]
      }),
    )
    const saved = await savePage(user.id, { pageIndex: page.index, answers, direction: 'next' })
    if (!saved.ok) throw new Error(`page ${page.index} refused`)
  }
  throw new Error('the check-in never finished')
}

type Client = Awaited<ReturnType<typeof makeUser>>

async function loadUrge(user: Client, id: string) {
  const cookie = await signedInCookie(user)
  return urgePage.loader({
    request: makeRequest(`/track/urges/${id}`, { cookie }),
    params: { id },
    context: loadContext,
  })
}

const urgeForm = (fields: Record<string, string>) => trackingForms().UrgeSchema.parse(fields)

async function strongUrge(user: Client) {
  const logged = await logUrge(user.id, urgeForm({ intensity: '9' }), NOW)
  if (!logged.ok) throw new Error('urge refused')
  return logged.id
}

describe('a very strong urge (9–10): the overdose-after-a-break advice', () => {
  it('is given to a client who has not done a check-in, and to one who named opioids, benzodiazepines or another drug', async () => {
    const unknown = await makeUser()
    expect(await loadUrge(unknown, await strongUrge(unknown))).toMatchObject({ strong: true, overdoseAdvice: true })
    for (const substance of ['opioids', 'benzodiazepines', 'other'] as const) {
      const user = await checkedIn([substance])
      expect(await loadUrge(user, await strongUrge(user))).toMatchObject({ strong: true, overdoseAdvice: true })
    }
  })

  it('is not given for alcohol or cannabis alone, nor for an urge below 9', async () => {
    const user = await checkedIn(['alcohol', 'cannabis'])
    expect(await loadUrge(user, await strongUrge(user))).toMatchObject({ strong: true, overdoseAdvice: false })
    const opioids = await checkedIn(['opioids'])
    const logged = await logUrge(opioids.id, urgeForm({ intensity: '8' }), NOW)
    if (!logged.ok) throw new Error('urge refused')
    expect(await loadUrge(opioids, logged.id)).toMatchObject({ strong: false, overdoseAdvice: false })
  })

  it('is given when the urge itself records use of opioids the client did not name', async () => {
    const user = await checkedIn(['alcohol'])
    const id = await strongUrge(user)
    const used = urgeForm({ intensity: '9', outcome: 'used', usedSubstance: 'opioids', usedAmount: '1' })
    expect(await updateUrge(user.id, id, used)).toMatchObject({ ok: true })
    expect(await loadUrge(user, id)).toMatchObject({ strong: true, overdoseAdvice: true })
  })
})

describe('cut-down goals get the same warning as stop goals', () => {
  const goal = (type: string, substance: string) =>
    form({ intent: 'create', what: 'Less', type, substance, area: 'behaviours' })
  /** The warning the goals page shows after the save's redirect. */
  const warningAfter = async (userId: string, fields: FormData) => {
    const reply = await goalAction(userId, fields)
    if (reply.status !== 'redirect') throw new Error('the goal should save')
    return (await savedNotice(userId, new URL(reply.to, 'http://localhost').searchParams)).safety
  }

  it('a benzodiazepine cut-down goal shows the taper warning', async () => {
    const user = await checkedIn(['benzodiazepines'])
    expect(await warningAfter(user.id, goal('cut-down', 'benzodiazepines'))).toBe('sedative-taper')
  })

  it('an alcohol cut-down goal shows the withdrawal warning with dependence signs, or when we do not know', async () => {
    const dependent = await checkedIn(['alcohol'], { highest: true })
    expect(await warningAfter(dependent.id, goal('cut-down', 'alcohol'))).toBe('alcohol-withdrawal')
    const unknown = await makeUser()
    expect(await warningAfter(unknown.id, goal('cut-down', 'alcohol'))).toBe('alcohol-withdrawal')
  })

  it('an alcohol cut-down goal without dependence signs shows no warning', async () => {
    const user = await checkedIn(['alcohol'])
    expect(await warningAfter(user.id, goal('cut-down', 'alcohol'))).toBeNull()
  })
})

describe('the check-in results show the warning for every substance named', () => {
  async function loadResults(user: Client) {
    const cookie = await signedInCookie(user)
    return results.loader({ request: makeRequest('/assessment/results', { cookie }), params: {}, context: loadContext })
  }

  it('opioids: overdose after a break; benzodiazepines: the taper warning, with no module or goal', async () => {
    const user = await checkedIn(['opioids', 'benzodiazepines'])
    const { results: shown } = await loadResults(user)
    expect(shown.notices).toEqual(['overdose-after-a-break', 'sedative-taper'])
  })

  it('alcohol with dependence signs: the withdrawal warning, first; cannabis alone: none', async () => {
    const drinker = await checkedIn(['alcohol', 'opioids'], { highest: true })
    expect((await loadResults(drinker)).results.notices).toEqual(['alcohol-withdrawal', 'overdose-after-a-break'])
    const cannabis = await checkedIn(['cannabis'])
    expect((await loadResults(cannabis)).results.notices).toEqual([])
  })
})

describe('the alcohol-withdrawal warning never claims more than we know (issue 16, item 9)', () => {
  const text = (why: Awaited<ReturnType<typeof withdrawalReason>>) =>
    renderToStaticMarkup(<SafetyNoticePanel id="alcohol-withdrawal" contacts={[]} why={why} />)
      .replace(/<[^>]+>/g, '')
      .replaceAll('&#x27;', "'")

  it('with no check-in it says it is given because we do not know yet, not "your answers suggest"', async () => {
    const unknown = await makeUser()
    const why = await withdrawalReason(unknown.id)
    expect(why).toBe('unknown')
    expect(text(why)).not.toMatch(/your answers/i)
    expect(text(why)).toMatch(/don.t know yet/)
    expect(text(why)).toMatch(/Don't stop drinking suddenly without medical advice/)
  })

  it('with dependence signs it says the answers suggest it; without them it says neither', async () => {
    const dependent = await checkedIn(['alcohol'], { highest: true })
    expect(text(await withdrawalReason(dependent.id))).toMatch(/Your answers suggest/)
    const light = await checkedIn(['alcohol'])
    const why = await withdrawalReason(light.id)
    expect(why).toBe('general')
    expect(text(why)).not.toMatch(/your answers|don.t know yet/i)
  })
})
