import { describe, expect, it } from 'vitest'
import { loadProgramme } from '../engine/load.ts'
import { type DraftExercise, ExerciseFormSchema, exerciseFormOf, exerciseFromForm } from './exercise-form.ts'

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
