// The exercise editor's part buttons through the route (issue 14): remove, add and move parts as
// form posts; a removed part's id is never given to a new part; bad adds are a 400 with nothing
// saved; the draft is still checked by the shared validator before it can be sent for review.
import { beforeAll, describe, expect, it } from 'vitest'
import * as item from '#app/routes/studio.$kind.$itemId._index.tsx'
import { type DraftExercise, exerciseFormOf } from '#programme/studio/exercise-form.ts'
import { dataOf, statusOf } from '#tests/setup/outcome.ts'
import { makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { usedPartIds } from './exercise-parts.server.ts'
import { createDraft, submitForReview, validateVersion, versionsOf } from './workflow.server.ts'

const ID = 'thought-record'
const PATH = `/studio/exercise/${ID}`
const params = { kind: 'exercise', itemId: ID }
let clinician: Awaited<ReturnType<typeof makeUser>>
let cookie: string

beforeAll(async () => {
  clinician = await makeUser('clinician')
  cookie = await signedInCookie(clinician)
  const draft = await createDraft(clinician, { kind: 'exercise', itemId: ID })
  if (!draft.ok) throw new Error(draft.message)
})

async function openDraft() {
  const row = (await versionsOf('exercise', ID)).find((v) => v.status === 'draft')
  if (!row) throw new Error('no draft')
  return row
}

/** Posts the editor's form as the page fills it, with the button pressed and any extra fields. */
async function press(intent: string, extra: Record<string, string> = {}) {
  const row = await openDraft()
  const form = exerciseFormOf(row.document as DraftExercise)
  const entries: Array<[string, string]> = [
    ['hash', row.hash],
    ['intent', intent],
  ]
  for (const [k, v] of Object.entries(form)) if (typeof v === 'string' && k !== 'intent') entries.push([k, v])
  for (const [i, p] of (form.parts ?? []).entries()) {
    for (const [k, v] of Object.entries(p)) if (typeof v === 'string') entries.push([`parts[${i}].${k}`, v])
    for (const [c, column] of (p.columns ?? []).entries()) {
      entries.push([`parts[${i}].columns[${c}].id`, column.id])
      entries.push([`parts[${i}].columns[${c}].label`, column.label ?? ''])
    }
  }
  for (const [k, v] of Object.entries(extra)) entries.push([k, v])
  const request = new Request(`http://localhost${PATH}`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(entries),
  })
  return item.action({ request, params, context: { clientIp: '127.0.0.1', cspNonce: 'test' } })
}

const idsNow = async () => ((await openDraft()).document as DraftExercise).parts.map((p) => p.id)

describe('the exercise editor’s parts', () => {
  it('removes, adds and moves parts; a removed id is never given again; bad adds change nothing', async () => {
    const before = await idsNow()
    const removed = before[0] ?? ''
    expect(await statusOf(() => press('remove-part:0'), makeRequest(PATH))).toBe(302)
    expect(await idsNow()).toEqual(before.slice(1))
    expect(await usedPartIds(ID)).toContain(removed)

    // Typing the removed part's id: refused with the reason, nothing saved.
    const hash = (await openDraft()).hash
    const refused = await press('add-part', { newPartKind: 'long', newPartLabel: 'Again', newPartId: removed })
    expect(await statusOf(() => Promise.resolve(refused), makeRequest(PATH))).toBe(400)
    expect(dataOf<{ message: string }>(refused).message).toContain('already used')
    expect((await openDraft()).hash).toBe(hash)
    for (const extra of [
      { newPartLabel: 'No kind' },
      { newPartKind: 'long', newPartLabel: '' },
      { newPartKind: 'box' },
    ] as Array<Record<string, string>>)
      expect(await statusOf(() => press('add-part', extra), makeRequest(PATH))).toBe(400)
    expect((await openDraft()).hash).toBe(hash)

    // Made from a label that would give the removed id: the next free one, at the end; then moved up.
    const response = await press('add-part', { newPartKind: 'long', newPartLabel: removed, newPartAt: 'end' })
    expect((response as Response).headers.get('Location')).toBe(`${PATH}#step-${before.length}`)
    expect(await idsNow()).toEqual([...before.slice(1), `${removed}-2`])
    expect(await statusOf(() => press(`up:${before.length - 1}`), makeRequest(PATH))).toBe(302)
    expect((await idsNow()).at(-2)).toBe(`${removed}-2`)

    // The new part is valid as soon as it has a label, and the draft can go for review.
    const report = await validateVersion(await openDraft())
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
    const stale = await press(`remove-part:${before.length + 3}`)
    expect(await statusOf(() => Promise.resolve(stale), makeRequest(PATH))).toBe(409)
  })

  it('refuses to send a draft whose new table has no column name (the shared validator)', async () => {
    expect(
      await statusOf(() => press('add-part', { newPartKind: 'table', newPartLabel: 'My week' }), makeRequest(PATH)),
    ).toBe(302)
    const result = await submitForReview(clinician, (await openDraft()).id, 'A new table')
    expect(result).toMatchObject({ ok: false, status: 400 })
    expect(JSON.stringify(result)).toContain('columns')
  })
})
