// The programme's lists and texts in the studio, end to end against the database (issue 14;
// H-047): a clinician changes them through the editor's form posts, another reviews and
// publishes, and clients get the new wording at once: pick lists on the urge form, a life area's
// name in the module list, a new self-harm phrase in their notes, the help page's tips. Nothing
// Foothold ships with can be removed, and a forged post changes nothing.
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { moduleList } from '#app/domain/modules/view.server.ts'
import { selfHarmWordsIn } from '#app/domain/safety/free-text.server.ts'
import { publishedTracking, trackingChoices } from '#app/domain/tracking/forms.server.ts'
import * as help from '#app/routes/help.tsx'
import * as editor from '#app/routes/studio.$kind.$itemId._index.tsx'
import * as track from '#app/routes/track._index.tsx'
import * as urgeRoute from '#app/routes/track.urges.$id.tsx'
import { pinClock, unpinClock } from '#app/utils/clock.server.ts'
import { getDb } from '#db/client.ts'
import { studioAudit, studioVersions, urges } from '#db/schema/index.ts'
import { loadProgramme } from '#programme/engine/index.ts'
import { type Handler, run, statusOfValue } from '#tests/setup/outcome.ts'
import { makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { publishedText } from './content.server.ts'
import { library } from './library.server.ts'
import { createDraft, publish, review, submitForReview, unpublish, versionsOf } from './workflow.server.ts'

const NOW = new Date('2026-12-05T10:00:00Z')
beforeEach(() => pinClock(NOW))
afterEach(() => unpinClock())

const status = statusOfValue

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  expect(result).toMatchObject({ ok: true })
  return result as Extract<T, { ok: true }>
}

async function openDraft(kind: string) {
  const rows = await versionsOf(kind as 'pick-lists', kind)
  const open = rows.find((row) => row.status === 'draft')
  if (!open) throw new Error('no draft')
  return open
}

/** A clinician's post to the item's editor; the draft's current hash is sent unless given. */
async function post(kind: string, cookie: string, form: Record<string, string>) {
  const hash = form.hash ?? (await openDraft(kind)).hash
  return run(editor.action as Handler, makeRequest(`/studio/${kind}/${kind}`, { cookie, form: { hash, ...form } }), {
    kind,
    itemId: kind,
  })
}

async function reviewAndPublish(kind: 'pick-lists' | 'life-areas' | 'safety-phrases' | 'help', authorId: string) {
  const reviewer = await makeUser('clinician')
  const draft = await openDraft(kind)
  const author = { id: authorId, username: 'author', role: 'clinician' as const }
  ok(await submitForReview(author, draft.id, 'Our own words'))
  // Nobody approves their own draft.
  expect(await review(author, draft.id, { decision: 'approve' })).toMatchObject({ ok: false, status: 403 })
  ok(await review(reviewer, draft.id, { decision: 'approve' }))
  ok(await publish(reviewer, draft.id))
  return draft.id
}

async function clinician() {
  const user = await makeUser('clinician')
  return { user, cookie: await signedInCookie(user) }
}

describe('pick lists', () => {
  it('reworded and added to in the editor, reviewed, published: the urge form offers them', async () => {
    const { user, cookie } = await clinician()
    ok(await createDraft(user, { kind: 'pick-lists', itemId: 'pick-lists' }))
    const boredom = loadProgramme().tracking.triggers.findIndex((t) => t.id === 'boredom')
    expect(
      status(await post('pick-lists', cookie, { intent: 'save', [`triggers[${boredom}].label`]: 'Bored stiff' })),
    ).toBe(302)
    expect(
      status(
        await post('pick-lists', cookie, {
          intent: 'add:triggers',
          'new.triggers.label': 'The school run',
          'new.feelings.label': '',
          'new.copingStrategies.label': '',
        }),
      ),
    ).toBe(302)
    // Before publishing, clients still get Foothold's own lists.
    expect((await publishedTracking()).triggers.map((t) => t.label)).not.toContain('The school run')
    await reviewAndPublish('pick-lists', user.id)

    const choices = trackingChoices(await publishedTracking())
    expect(choices.triggers.find((t) => t.id === 'boredom')?.label).toBe('Bored stiff')
    expect(choices.triggers.at(-1)).toEqual({ id: 'the-school-run', label: 'The school run' })

    // A client can pick the new trigger, and their entry keeps its id.
    const client = await makeUser()
    const clientCookie = await signedInCookie(client)
    const logged = (await run(
      track.action as Handler,
      makeRequest('/track', { cookie: clientCookie, form: { intensity: '6' } }),
    )) as Response
    const id = logged.headers.get('Location')?.match(/urges\/([^?]+)/)?.[1] ?? ''
    const saved = await run(
      urgeRoute.action as Handler,
      makeRequest(`/track/urges/${id}`, { cookie: clientCookie, form: { intensity: '6', trigger: 'the-school-run' } }),
      { id },
    )
    expect(status(saved)).toBe(302)
    expect(getDb().select().from(urges).where(eq(urges.id, id)).get()?.trigger).toBe('the-school-run')

    // The library says the service's version is live.
    expect((await library('pick-lists'))[0]).toMatchObject({ itemId: 'pick-lists', layer: 'service' })
    const actions = getDb().select().from(studioAudit).where(eq(studioAudit.itemId, 'pick-lists')).all()
    expect(actions.map((a) => a.action)).toEqual(['create', 'edit', 'edit', 'submit', 'approve', 'publish'])

    // Unpublished: back to Foothold's own lists.
    ok(await unpublish(user, { kind: 'pick-lists', itemId: 'pick-lists' }))
    expect((await publishedTracking()).triggers).toEqual(loadProgramme().tracking.triggers)
  })

  it('refuses removing a shipped entry, a field the editor does not show, and a stale form; nothing saved', async () => {
    const { user, cookie } = await clinician()
    ok(await createDraft(user, { kind: 'pick-lists', itemId: 'pick-lists' }))
    const before = await openDraft('pick-lists')
    for (const form of <Array<Record<string, string>>>[
      { intent: 'remove:triggers:0' },
      { intent: 'save', 'drinks[0].abv': '40' },
      { intent: 'save', 'triggers[0].id': 'x' },
      { intent: 'save', 'triggers[0].label': 'x'.repeat(5000) },
      { intent: 'delete-everything' },
      { intent: 'save', hash: '0'.repeat(64), 'triggers[0].label': 'Stale' },
    ]) {
      const result = await post('pick-lists', cookie, form)
      expect([400, 409], JSON.stringify(form).slice(0, 80)).toContain(status(result))
    }
    const after = await openDraft('pick-lists')
    expect(after.hash).toBe(before.hash)
    await getDb().delete(studioVersions).where(eq(studioVersions.id, after.id))
  })
})

describe('life areas', () => {
  it('a reworded area name reaches the module list', async () => {
    const { user, cookie } = await clinician()
    ok(await createDraft(user, { kind: 'life-areas', itemId: 'life-areas' }))
    expect(status(await post('life-areas', cookie, { intent: 'save', 'areas[0].name': 'People and places' }))).toBe(302)
    await reviewAndPublish('life-areas', user.id)
    expect((await publishedText('life-areas')).areas[0]?.name).toBe('People and places')
    const client = await makeUser()
    const modules = await moduleList(client.id)
    expect(modules.some((m) => m.areas.includes('People and places'))).toBe(true)
    ok(await unpublish(user, { kind: 'life-areas', itemId: 'life-areas' }))
  })
})

describe('safety phrases (H-047)', () => {
  it('a phrase the service adds raises the support panel in clients’ notes; Foothold’s stay', async () => {
    const { user, cookie } = await clinician()
    ok(await createDraft(user, { kind: 'safety-phrases', itemId: 'safety-phrases' }))
    expect(await selfHarmWordsIn(['I want to disappear forever'])).toBeNull()
    expect(
      status(
        await post('safety-phrases', cookie, { intent: 'add:phrases', 'new.phrases.phrase': 'want to disappear' }),
      ),
    ).toBe(302)
    expect(status(await post('safety-phrases', cookie, { intent: 'remove:phrases:0' }))).toBe(400)
    await reviewAndPublish('safety-phrases', user.id)
    expect(await selfHarmWordsIn(['I want to disappear forever'])).toBe('want to disappear')
    const first = loadProgramme().selfHarmPhrases.phrases[0] ?? ''
    expect(await selfHarmWordsIn([`sometimes ${first}`])).toBe(first)
    ok(await unpublish(user, { kind: 'safety-phrases', itemId: 'safety-phrases' }))
  })
})

describe('help page', () => {
  it('a new tip and the service’s note reach /help', async () => {
    const { user, cookie } = await clinician()
    ok(await createDraft(user, { kind: 'help', itemId: 'help' }))
    expect(
      status(
        await post('help', cookie, {
          intent: 'add:tips',
          'new.tips.title': 'Drop-in',
          'new.tips.text': 'Come to our drop-in on Tuesdays from 10 to 12.',
          serviceNote: 'We are open Monday to Friday.',
        }),
      ),
    ).toBe(302)
    await reviewAndPublish('help', user.id)
    const page = (await run(help.loader as Handler, makeRequest('/help'))) as {
      tips: Array<{ title: string }>
      serviceNote: string
    }
    expect(page.tips.map((t) => t.title)).toContain('Drop-in')
    expect(page.serviceNote).toBe('We are open Monday to Friday.')
    ok(await unpublish(user, { kind: 'help', itemId: 'help' }))
  })

  it('there is one of each: no new list or text can be made', async () => {
    const { user } = await clinician()
    expect(await createDraft(user, { kind: 'help', itemId: 'other-help', document: {} })).toMatchObject({
      ok: false,
      status: 400,
    })
  })
})
