import { describe, expect, it } from 'vitest'
import { loadProgramme } from '../engine/load.ts'
import { moduleDocumentOf } from '../engine/validate-document.ts'
import {
  applyIntent,
  type DraftModule,
  decodeCondition,
  encodeCondition,
  fieldOfIssue,
  ModuleFormSchema,
  moduleFormOf,
  moduleFromForm,
} from './module-form.ts'

const programme = loadProgramme()
const docOf = (id: string) => moduleDocumentOf(programme.modules[id] as never) as unknown as DraftModule
const exerciseIds = Object.keys(programme.exercises)
/** Drops fields the schema defaults (optional: false, multiple: false, notices: []) for comparison. */
const normal = (doc: unknown) =>
  JSON.parse(JSON.stringify(doc), (key, value) =>
    (key === 'optional' || key === 'multiple') && value === false ? undefined : value,
  )

describe('the module form', () => {
  it('gives back every shipped module unchanged when nothing is edited', () => {
    for (const id of Object.keys(programme.modules)) {
      const doc = docOf(id)
      const form = ModuleFormSchema.parse(moduleFormOf(doc))
      expect(normal(moduleFromForm(form, doc)), id).toEqual(normal(doc))
    }
  })

  it('keeps Markdown line breaks as LF when the browser sends CRLF', () => {
    const doc = docOf('riding-out-urges')
    const form = moduleFormOf(doc)
    const steps = form.steps?.map((s) => (s.markdown ? { ...s, markdown: s.markdown.replace(/\n/g, '\r\n') } : s))
    expect(moduleFromForm({ ...form, steps }, doc).texts).toEqual(doc.texts)
  })

  it('turns condition codes into conditions and back', () => {
    expect(decodeCondition('is:feel:low', 0)).toEqual({ answer: 'feel', is: 'low' })
    expect(decodeCondition('min:strength', 8)).toEqual({ answer: 'strength', atLeast: 8 })
    expect(decodeCondition('substance:opioids', 0)).toEqual({ substance: 'opioids' })
    expect(decodeCondition('substance:chocolate', 0)).toBeNull()
    expect(decodeCondition('not an option ☃ 12€', 0)).toBeNull()
    const combined = { all: [{ substance: 'alcohol' as const }, { answer: 'x', atLeast: 3 }] }
    expect(decodeCondition(encodeCondition(combined).code, 0)).toEqual(combined)
  })

  it('refuses a form with a repeated field, a made-up button or a condition not in the list', () => {
    const form = moduleFormOf(docOf('riding-out-urges'))
    expect(ModuleFormSchema.safeParse({ ...form, title: ['a', 'b'] }).success).toBe(false)
    expect(ModuleFormSchema.safeParse({ ...form, intent: 'drop-tables' }).success).toBe(false)
    const steps = form.steps?.map((s, i) => (i === 0 ? { ...s, when: 'bogus' } : s))
    expect(ModuleFormSchema.safeParse({ ...form, steps }).success).toBe(false)
  })
})

describe('editing operations', () => {
  const doc = docOf('riding-out-urges')
  const op = (intent: string, extra = {}) => applyIntent(doc, { intent, ...extra }, exerciseIds)

  it('adds a step of a chosen type after a chosen step, with its own Markdown file', () => {
    const out = op('add-step', { newStepType: 'read', newStepAt: '0' })
    expect(out?.steps[1]).toMatchObject({ type: 'read', title: '' })
    const file = out?.steps[1]?.file as string
    expect(out?.texts[file]).toBe('')
    expect(out?.steps.length).toBe(doc.steps.length + 1)
  })

  it('moves a step up and down, and removes one', () => {
    expect(
      op('up:1')
        ?.steps.map((s) => s.id)
        .slice(0, 2),
    ).toEqual([doc.steps[1]?.id, doc.steps[0]?.id])
    expect(
      op('down:0')
        ?.steps.map((s) => s.id)
        .slice(0, 2),
    ).toEqual([doc.steps[1]?.id, doc.steps[0]?.id])
    expect(op('remove-step:0')?.steps.map((s) => s.id)).toEqual(doc.steps.slice(1).map((s) => s.id))
  })

  it('refuses an operation on a step that is not there, or a move past the ends', () => {
    expect(op('remove-step:99')).toBeNull()
    expect(op('up:0')).toBeNull()
    expect(op(`down:${doc.steps.length - 1}`)).toBeNull()
  })

  it('adds a branch to a choice step that follows its first option, and removes it again', () => {
    const doc = Object.keys(programme.modules)
      .map(docOf)
      .find((d) => d.steps.some((s) => s.type === 'choice' && !s.goto)) as DraftModule
    const choice = doc.steps.findIndex((s) => s.type === 'choice' && !s.goto)
    const added = applyIntent(doc, { intent: `add-goto:${choice}` }, exerciseIds)
    const goto = added?.steps[choice]?.goto as Array<{ if: unknown; step: string }>
    const options = doc.steps[choice]?.options as Array<{ id: string }>
    expect(goto.at(-1)?.if).toEqual({ answer: doc.steps[choice]?.id, is: options[0]?.id })
    const removed = applyIntent(
      added as DraftModule,
      { intent: `remove-goto:${choice}:${goto.length - 1}` },
      exerciseIds,
    )
    expect(normal(removed)).toEqual(normal(doc))
  })
})

describe('fieldOfIssue', () => {
  const doc = docOf('riding-out-urges')
  it('names the form field of a validator issue', () => {
    expect(fieldOfIssue(doc, ['steps', 2, 'prompt'])).toBe('steps[2].prompt')
    expect(fieldOfIssue(doc, ['steps', 2, 'goto', 0, 'if', 'answer'])).toBe('steps[2].goto[0].if')
    const read = doc.steps.findIndex((s) => s.type === 'read')
    expect(fieldOfIssue(doc, ['texts', doc.steps[read]?.file as string])).toBe(`steps[${read}].markdown`)
    expect(fieldOfIssue(doc, ['steps', 3])).toBe('steps[3]')
    expect(fieldOfIssue(doc, ['steps', 3, 'goto', 0])).toBe('steps[3]')
    expect(fieldOfIssue(doc, ['sources', 0])).toBe('sources')
    expect(fieldOfIssue(doc, ['id'])).toBe('')
  })
})
