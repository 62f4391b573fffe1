import { describe, expect, it } from 'vitest'
import { loadProgramme } from '../engine/load.ts'
import { validateDocument } from '../engine/validate-document.ts'
import {
  applyPartIntent,
  type DraftExercise,
  type ExerciseForm,
  ExerciseFormSchema,
  exerciseFormOf,
  exerciseFromForm,
  partIdFromLabel,
} from './exercise-form.ts'

const exercises = loadProgramme().exercises
const docOf = (id: string) => structuredClone(exercises[id]) as unknown as DraftExercise

describe('the exercise form', () => {
  it('gives back every shipped exercise unchanged when nothing is edited', () => {
    for (const id of Object.keys(exercises)) {
      const doc = docOf(id)
      expect(exerciseFromForm(ExerciseFormSchema.parse(exerciseFormOf(doc)), doc), id).toEqual(doc)
    }
  })

  it('changes wording, what must be filled in, and a table column label, keeping ids and kinds', () => {
    const doc = docOf('recognise-avoid-cope')
    const form = exerciseFormOf(doc)
    form.title = 'Plan for risky moments'
    const table = form.parts?.find((p) => p.columns)
    if (table?.columns?.[0]) table.columns[0].label = 'The situation'
    const out = exerciseFromForm(form, doc)
    expect(out?.title).toBe('Plan for risky moments')
    const part = out?.parts.find((p) => p.id === table?.id) as unknown as {
      columns: Array<{ id: string; label: string }>
    }
    expect(part.columns[0]?.label).toBe('The situation')
    expect(out?.parts.map((p) => [p.id, p.kind])).toEqual(doc.parts.map((p) => [p.id, p.kind]))
  })

  it('refuses a form whose parts are not the draft’s (stale or forged)', () => {
    const doc = docOf('thought-record')
    const form = exerciseFormOf(doc)
    expect(exerciseFromForm({ ...form, parts: form.parts?.slice(1) }, doc)).toBeNull()
    expect(
      exerciseFromForm({ ...form, parts: form.parts?.map((p, i) => (i === 0 ? { ...p, id: 'other' } : p)) }, doc),
    ).toBeNull()
  })
})

describe('adding, removing and moving parts', () => {
  const doc = docOf('thought-record')
  const ids = doc.parts.map((p) => p.id)
  const form = (change: Partial<ExerciseForm>): ExerciseForm => ({ ...exerciseFormOf(doc), ...change })
  const apply = (change: Partial<ExerciseForm>, used: string[] = ids) => applyPartIntent(doc, form(change), used)
  const partsOf = (edit: ReturnType<typeof apply>) => (edit.ok ? edit.document.parts : [])

  it('parses the buttons it knows, and refuses others', () => {
    for (const intent of ['save', 'add-part', 'remove-part:2', 'up:0', 'down:12'])
      expect(ExerciseFormSchema.safeParse(form({ intent })).success, intent).toBe(true)
    for (const intent of ['add-step', 'remove-part', 'up:x', 'rename:1', 'save ', 'up:123'])
      expect(ExerciseFormSchema.safeParse(form({ intent })).success, intent).toBe(false)
    expect(ExerciseFormSchema.safeParse(form({ intent: 'add-part', newPartKind: 'checkbox' as 'short' })).success).toBe(
      false,
    )
  })

  it('adds a part of the chosen kind with an id made from its label, where asked', () => {
    const edit = apply({ intent: 'add-part', newPartKind: 'long', newPartLabel: 'What helps, now?', newPartAt: '0' })
    expect(edit).toMatchObject({ ok: true, anchor: '#step-2' })
    expect(partsOf(edit).map((p) => p.id)).toEqual([ids[0], 'what-helps-now', ...ids.slice(1)])
    expect(partsOf(edit)[1]).toEqual({ id: 'what-helps-now', kind: 'long', label: 'What helps, now?', required: false })
    const atEnd = apply({ intent: 'add-part', newPartKind: 'rating', newPartLabel: 'Calm' })
    expect(partsOf(atEnd).at(-1)).toMatchObject({ id: 'calm', kind: 'rating' })
    expect(atEnd).toMatchObject({ anchor: `#step-${ids.length + 1}` })
  })

  it('a new table has rows and a column for the author to name; the shared validator asks for the name', () => {
    const edit = apply({ intent: 'add-part', newPartKind: 'table', newPartLabel: 'My week' })
    expect(partsOf(edit).at(-1)).toMatchObject({ id: 'my-week', kind: 'table', rows: 3, columns: [{ kind: 'short' }] })
    const report = validateDocument('exercise', edit.ok ? edit.document : {}, {
      instruments: loadProgramme().instruments,
      exercises: loadProgramme().exercises,
    })
    const errors = report.issues.filter((i) => i.severity === 'error')
    expect(errors.map((i) => i.at.join('.'))).toEqual([`parts.${ids.length}.columns.0.label`])
  })

  it('never gives a new part an id the exercise has used, now or before; a typed id is checked', () => {
    const first = ids[0] ?? ''
    // Made from the label: the next free one.
    const generated = apply({ intent: 'add-part', newPartKind: 'short', newPartLabel: first }, [...ids, `${first}-2`])
    expect(partsOf(generated).at(-1)?.id).toBe(`${first}-3`)
    // A removed part's id (in `used`, no longer in the draft) is not given again.
    const removed = applyPartIntent(
      { ...doc, parts: doc.parts.slice(1) },
      { ...form({ intent: 'add-part', newPartKind: 'short', newPartLabel: first }), parts: form({}).parts?.slice(1) },
      ids,
    )
    expect(partsOf(removed).at(-1)?.id).toBe(`${first}-2`)
    // Typed: refused when used before, or not an id.
    for (const newPartId of [first, 'old-one'])
      expect(
        apply({ intent: 'add-part', newPartKind: 'short', newPartLabel: 'X', newPartId }, [...ids, 'old-one']),
      ).toMatchObject({
        ok: false,
        status: 400,
        message: expect.stringContaining('already used'),
      })
    expect(
      apply({ intent: 'add-part', newPartKind: 'short', newPartLabel: 'X', newPartId: 'Not An Id' }),
    ).toMatchObject({
      ok: false,
      status: 400,
    })
    expect(
      partsOf(apply({ intent: 'add-part', newPartKind: 'short', newPartLabel: 'X', newPartId: 'fresh-id' })).at(-1)?.id,
    ).toBe('fresh-id')
  })

  it('refuses an add without a kind or a label', () => {
    expect(apply({ intent: 'add-part', newPartLabel: 'A label' })).toMatchObject({ ok: false, status: 400 })
    expect(apply({ intent: 'add-part', newPartKind: 'short', newPartLabel: '  ' })).toMatchObject({
      ok: false,
      status: 400,
    })
    expect(partIdFromLabel('¿Qué pasó? Café & more…')).toBe('que-paso-cafe-more')
    expect(partIdFromLabel('!!!')).toBe('')
  })

  it('removes a part (never the last one) and moves parts, keeping every id and kind', () => {
    const removed = apply({ intent: 'remove-part:1' })
    expect(partsOf(removed).map((p) => p.id)).toEqual(ids.filter((_, k) => k !== 1))
    const one = { ...doc, parts: doc.parts.slice(0, 1) }
    expect(applyPartIntent(one, { ...exerciseFormOf(one), intent: 'remove-part:0' }, ids)).toMatchObject({
      ok: false,
      status: 400,
    })
    const down = apply({ intent: 'down:0' })
    expect(partsOf(down).map((p) => p.id)).toEqual([ids[1], ids[0], ...ids.slice(2)])
    expect(down).toMatchObject({ anchor: '#step-2' })
    expect(partsOf(apply({ intent: 'up:1' }))).toEqual(partsOf(down))
    // At the ends, nothing moves.
    expect(partsOf(apply({ intent: 'up:0' }))).toEqual(doc.parts)
    expect(partsOf(apply({ intent: `down:${ids.length - 1}` }))).toEqual(doc.parts)
    // A part that is not there: the page is stale.
    expect(apply({ intent: `remove-part:${ids.length}` })).toMatchObject({ ok: false, status: 409 })
  })

  it('keeps the wording typed in the same post as the button', () => {
    const f = form({ intent: 'down:0', title: 'A new title' })
    const worded = exerciseFromForm(f, doc)
    if (!worded) throw new Error('stale')
    const edit = applyPartIntent(worded, f, ids)
    expect(edit.ok && edit.document.title).toBe('A new title')
  })
})
