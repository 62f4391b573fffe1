// The studio's instrument editor (issue 14, H-029): a post saves a changed band meaning and intro
// into the draft, leaving every range as published; a post that tries to change a cut-off (or
// carries bands other than the draft's) is refused with nothing saved.
import { beforeAll, describe, expect, it } from 'vitest'
import * as item from '#app/routes/studio.$kind.$itemId._index.tsx'
import type { DraftInstrument } from '#programme/studio/instrument-form.ts'
import { dataOf, statusOf } from '#tests/setup/outcome.ts'
import { makeRequest, makeUser, signedInCookie } from '#tests/setup/requests.ts'
import { createDraft, validateVersion, versionsOf } from './workflow.server.ts'

const ID = 'gad-7'
const params = { kind: 'instrument', itemId: ID }
const PATH = `/studio/instrument/${ID}`
const context = { clientIp: '127.0.0.1', cspNonce: 'test' }
let cookie: string

beforeAll(async () => {
  const clinician = await makeUser('clinician')
  cookie = await signedInCookie(clinician)
  const draft = await createDraft(clinician, { kind: 'instrument', itemId: ID })
  if (!draft.ok) throw new Error(draft.message)
})

async function openDraft() {
  const row = (await versionsOf('instrument', ID)).find((v) => v.status === 'draft')
  if (!row) throw new Error('no draft')
  return row
}

type Editor = { instrument: { values: { intro?: string; bands?: Array<{ id: string; meaning?: string }> } } }

async function editorValues() {
  const page = dataOf<{ editor: Editor }>(
    await item.loader({ request: makeRequest(PATH, { cookie }), params, context }),
  )
  return page.editor.instrument.values
}

/** The editor's fields as the page fills them, with changes, as a post. */
async function postForm(change: (entries: Array<[string, string]>) => Array<[string, string]>) {
  const values = await editorValues()
  const row = await openDraft()
  const entries: Array<[string, string]> = [
    ['hash', row.hash],
    ['intro', values.intro ?? ''],
    ...(values.bands ?? []).flatMap(
      (b, i): Array<[string, string]> => [
        [`bands[${i}].id`, b.id],
        [`bands[${i}].meaning`, b.meaning ?? ''],
      ],
    ),
    ['intent', 'save'],
  ]
  const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie })
  const request = new Request(`http://localhost${PATH}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(change(entries)),
  })
  return item.action({ request, params, context })
}

const bandsOf = async () => ((await openDraft()).document as DraftInstrument).bands ?? []

describe('the instrument editor', () => {
  it('shows each band’s meaning as a field, with its range read-only', async () => {
    const page = dataOf<{ editor: { instrument: { bands: Array<{ id: string; min: number; max: number }> } } }>(
      await item.loader({ request: makeRequest(PATH, { cookie }), params, context }),
    )
    expect(page.editor.instrument.bands[1]).toMatchObject({ id: 'mild', min: 5, max: 9 })
    expect((await editorValues()).bands?.[1]?.meaning).toContain('some signs of anxiety')
  })

  it('saves a changed meaning and intro into the draft; the ranges stay as published, the draft valid', async () => {
    const before = await bandsOf()
    const result = await postForm((entries) =>
      entries.map(([k, v]): [string, string] =>
        k === 'bands[1].meaning'
          ? [k, 'You have some signs of worry. Make time for things that help you feel calm.']
          : k === 'intro'
            ? [k, 'Over the last 2 weeks, how often have these bothered you?']
            : [k, v],
      ),
    )
    expect(await statusOf(() => result, makeRequest(PATH))).toBe(302)
    const row = await openDraft()
    const after = (row.document as DraftInstrument).bands ?? []
    expect(after[1]?.meaning).toBe('You have some signs of worry. Make time for things that help you feel calm.')
    expect((row.document as DraftInstrument).intro).toBe('Over the last 2 weeks, how often have these bothered you?')
    expect(after.map(({ meaning: _m, ...rest }) => rest)).toEqual(before.map(({ meaning: _m, ...rest }) => rest))
    const report = await validateVersion(row)
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it.each([
    ['a changed cut-off', (e: Array<[string, string]>) => [...e, ['bands[1].min', '6'] as [string, string]], 400],
    [
      'a changed band label',
      (e: Array<[string, string]>) => [...e, ['bands[1].label', 'Low'] as [string, string]],
      400,
    ],
    [
      'a changed score',
      (e: Array<[string, string]>) => [...e, ['items[0].options[0].value', '2'] as [string, string]],
      400,
    ],
    [
      'bands other than the draft’s',
      (e: Array<[string, string]>) => e.map(([k, v]): [string, string] => (k === 'bands[0].id' ? [k, 'none'] : [k, v])),
      409,
    ],
    [
      'a stale draft',
      (e: Array<[string, string]>) =>
        e.map(([k, v]): [string, string] => (k === 'hash' ? [k, '0'.repeat(64)] : [k, v])),
      409,
    ],
  ])('refuses %s with nothing saved', async (_name, change, status) => {
    const before = await openDraft()
    const result = await postForm(change)
    expect(await statusOf(() => result, makeRequest(PATH))).toBe(status)
    const after = await openDraft()
    expect(after.hash).toBe(before.hash)
    expect(after.document).toEqual(before.document)
  })
})
