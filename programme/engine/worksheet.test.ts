import { describe, expect, it } from 'vitest'
import { type ExerciseAnswer, ExerciseSchema } from '../schema/index.ts'
import { WORKSHEET_KINDS, type WorksheetPart, withoutAnswers, worksheetModel } from './worksheet.ts'

const exercise = ExerciseSchema.parse({
  id: 'thought-record',
  version: '1',
  title: 'Thought record',
  intro: 'Catch a thought that came before a craving, then look at it again.',
  sources: ['Beck, J. S. (2011). Cognitive Behavior Therapy.'],
  parts: [
    { id: 'situation', kind: 'short', label: 'Where were you?', hint: 'At home after work' },
    { id: 'thought', kind: 'long', label: 'What went through your mind?' },
    {
      id: 'belief',
      kind: 'rating',
      label: 'How much did you believe it?',
      minLabel: 'Not at all',
      maxLabel: 'Completely',
    },
    {
      id: 'plan',
      kind: 'table',
      label: 'Next time',
      rows: 2,
      columns: [
        { id: 'when', kind: 'short', label: 'When' },
        { id: 'confidence', kind: 'rating', label: 'Confidence' },
      ],
    },
  ],
})

const part = (parts: WorksheetPart[], id: string): WorksheetPart => {
  const found = parts.find((p) => p.id === id)
  if (!found) throw new Error(`no part ${id}`)
  return found
}

const tableValues = (parts: WorksheetPart[]) => {
  const table = part(parts, 'plan')
  if (table.kind !== 'table') throw new Error('plan is not a table')
  return table.rows.map((row) => row.cells.map((cell) => cell.value))
}

describe('worksheetModel', () => {
  it('names the kinds a route may offer', () => {
    expect(WORKSHEET_KINDS).toEqual(['blank', 'filled', 'fillable'])
  })

  it('carries the titles, intro and every part with its label, hint and scale', () => {
    const model = worksheetModel(exercise, 'Thinking traps')
    expect(model).toMatchObject({
      exerciseId: 'thought-record',
      title: 'Thought record',
      moduleTitle: 'Thinking traps',
      intro: exercise.intro,
      hasAnswers: false,
    })
    expect(model.parts.map((p) => [p.kind, p.label, p.hint])).toEqual([
      ['short', 'Where were you?', 'At home after work'],
      ['long', 'What went through your mind?', null],
      ['rating', 'How much did you believe it?', null],
      ['table', 'Next time', null],
    ])
    expect(part(model.parts, 'belief')).toMatchObject({
      scale: '0 to 10',
      minLabel: 'Not at all',
      maxLabel: 'Completely',
    })
    const table = part(model.parts, 'plan')
    expect(table.kind === 'table' && table.columns.map((c) => [c.label, c.scale])).toEqual([
      ['When', null],
      ['Confidence', '0 to 10'],
    ])
    expect(table.kind === 'table' && table.rows.map((r) => r.number)).toEqual([1, 2])
    expect(tableValues(model.parts)).toEqual([
      [null, null],
      [null, null],
    ])
  })

  it('shows the answers as display strings', () => {
    const answer: ExerciseAnswer = {
      situation: 'Walking past the pub',
      thought: 'One will not hurt.\r\nI deserve it.',
      belief: 0,
      plan: [{ when: 'Friday', confidence: 10 }, { when: 'Saturday' }],
    }
    const model = worksheetModel(exercise, 'Thinking traps', answer)
    expect(model.hasAnswers).toBe(true)
    expect(part(model.parts, 'situation')).toMatchObject({ value: 'Walking past the pub' })
    expect(part(model.parts, 'thought')).toMatchObject({ value: 'One will not hurt.\nI deserve it.' })
    expect(part(model.parts, 'belief')).toMatchObject({ value: '0' })
    expect(tableValues(model.parts)).toEqual([
      ['Friday', '10'],
      ['Saturday', null],
    ])
  })

  it('drops answers of the wrong type, out of range or for parts the exercise does not have', () => {
    const answer = {
      situation: 42,
      thought: ['not', 'text'],
      belief: 11,
      plan: [{ when: 7, confidence: 'high', extra: 'x' }, 'not a row', { when: 'Sunday' }],
      removed: 'an answer to a part taken out of the exercise',
    } as unknown as ExerciseAnswer
    const model = worksheetModel(exercise, 'Thinking traps', answer)
    expect(model.parts.flatMap((p) => (p.kind === 'table' ? [] : [p.value]))).toEqual([null, null, null])
    expect(tableValues(model.parts)).toEqual([
      [null, null],
      [null, null],
    ])
    expect(model.hasAnswers).toBe(false)
    expect(JSON.stringify(model)).not.toContain('taken out')
  })

  it.each([-1, 3.5, Number.NaN, Number.POSITIVE_INFINITY])('drops a rating of %s', (belief) => {
    const model = worksheetModel(exercise, 'M', { belief })
    expect(part(model.parts, 'belief')).toMatchObject({ value: null })
  })

  it('treats blank text as no answer, drops control characters and keeps a one-line answer on one line', () => {
    const model = worksheetModel(exercise, 'M', { situation: 'At the\nstation\u0007 ', thought: '  \n\u0000 ' })
    expect(part(model.parts, 'situation')).toMatchObject({ value: 'At the station' })
    expect(part(model.parts, 'thought')).toMatchObject({ value: null })
  })

  it('ignores rows beyond the table size and inherited keys', () => {
    const answer = { plan: [{ when: 'a' }, { when: 'b' }, { when: 'c' }] }
    expect(tableValues(worksheetModel(exercise, 'M', answer).parts).flat()).toEqual(['a', null, 'b', null])
    const sneaky = Object.create({ situation: 'inherited' }) as ExerciseAnswer
    expect(worksheetModel(exercise, 'M', sneaky).hasAnswers).toBe(false)
  })

  it('accepts no answer and a null answer alike, and survives a JSON round trip', () => {
    const model = worksheetModel(exercise, 'M', null)
    expect(model).toEqual(worksheetModel(exercise, 'M'))
    expect(JSON.parse(JSON.stringify(model))).toEqual(model)
  })
})

describe('withoutAnswers', () => {
  it('clears every value and leaves the rest alone', () => {
    const filled = worksheetModel(exercise, 'M', { situation: 'Home', belief: 5, plan: [{ when: 'Now' }] })
    const blank = withoutAnswers(filled)
    expect(blank).toEqual(worksheetModel(exercise, 'M'))
    expect(filled.hasAnswers).toBe(true)
  })
})
