// The lists-and-texts editor's form: only the texts it shows, additions with a generated id,
// removals of the service's own entries only.
import { describe, expect, it } from 'vitest'
import { loadProgramme } from '#programme/engine/load.ts'
import { idFrom, textFormOf, textFromForm } from './text-form.ts'

const programme = loadProgramme()
const tracking = () => structuredClone(programme.tracking) as unknown as Record<string, unknown>
const base = programme.tracking as unknown as Record<string, unknown>

describe('the form', () => {
  it('shows a box per entry and no Remove for the entries Foothold ships with', () => {
    const form = textFormOf('pick-lists', tracking(), base)
    expect(form.fields[0]).toMatchObject({ name: 'triggers[0].label', value: programme.tracking.triggers[0]?.label })
    expect(form.lists.map((l) => l.key)).toEqual(['triggers', 'copingStrategies', 'feelings'])
    expect(form.lists[0]?.entries.every((e) => !e.own)).toBe(true)
  })

  it('saves reworded entries', () => {
    const got = textFromForm(
      'pick-lists',
      { intent: 'save', values: { 'triggers[1].label': ' Boredom at home ' } },
      tracking(),
      base,
    )
    expect(got.ok && (got.document.triggers as Array<{ label: string }>)[1]?.label).toBe('Boredom at home')
  })

  it('refuses a field it does not show (a unit, a drink), saving nothing', () => {
    for (const name of ['drinks[0].abv', 'triggers[0].id', 'source', '__proto__.x']) {
      const got = textFromForm('pick-lists', { intent: 'save', values: { [name]: '9' } }, tracking(), base)
      expect(got.ok, name).toBe(false)
    }
  })

  it('adds an entry with an id made from its words, then removes it; never a shipped one', () => {
    const added = textFromForm(
      'pick-lists',
      { intent: 'add:triggers', values: { 'new.triggers.label': 'The school run', 'new.feelings.label': '' } },
      tracking(),
      base,
    )
    if (!added.ok) throw new Error(added.message)
    const list = added.document.triggers as Array<{ id: string; label: string }>
    expect(list.at(-1)).toEqual({ id: 'the-school-run', label: 'The school run' })
    const removed = textFromForm(
      'pick-lists',
      { intent: `remove:triggers:${list.length - 1}`, values: {} },
      added.document,
      base,
    )
    expect(removed.ok && (removed.document.triggers as unknown[]).length).toBe(programme.tracking.triggers.length)
    const shipped = textFromForm('pick-lists', { intent: 'remove:triggers:0', values: {} }, tracking(), base)
    expect(shipped).toEqual({ ok: false, message: expect.stringMatching(/cannot be removed/) })
  })

  it('refuses an empty addition', () => {
    const got = textFromForm(
      'pick-lists',
      { intent: 'add:feelings', values: { 'new.feelings.label': '  ' } },
      tracking(),
      base,
    )
    expect(got.ok).toBe(false)
  })

  it('adds a phrase in lower case with single spaces', () => {
    const phrases = structuredClone(programme.selfHarmPhrases) as unknown as Record<string, unknown>
    const got = textFromForm(
      'safety-phrases',
      { intent: 'add:phrases', values: { 'new.phrases.phrase': 'Want  To Disappear' } },
      phrases,
      programme.selfHarmPhrases as unknown as Record<string, unknown>,
    )
    expect(got.ok && (got.document.phrases as string[]).at(-1)).toBe('want to disappear')
  })

  it('makes ids unique', () => {
    expect(idFrom('Stress!', new Set(['stress']))).toBe('stress-2')
    expect(idFrom('¿?', new Set())).toBe('own')
  })
})
