import { describe, expect, it } from 'vitest'
import type { Step } from '../../schema/module.schema.ts'
import { stepFreeText } from './free-text.ts'

const base = { id: 'step', title: 'A step', optional: false }

describe('stepFreeText', () => {
  it('takes a reflection as written', () => {
    const step = { ...base, type: 'reflect', prompt: 'Why?' } as Step
    expect(stepFreeText(step, 'I don’t want to be here')).toEqual(['I don’t want to be here'])
    expect(stepFreeText(step, null)).toEqual([])
  })

  it('takes every text of an exercise, in its fields and table cells, but not its ratings', () => {
    const step = { ...base, type: 'exercise', exercise: 'thought-record' } as Step
    const answer = {
      situation: 'At home',
      thought: 'end it all',
      'feeling-strength': 8,
      plan: [{ when: 'Friday', rating: 3 }, { when: 'Saturday' }],
    }
    expect(stepFreeText(step, answer)).toEqual(['At home', 'end it all', 'Friday', 'Saturday'])
  })

  it("takes a goal's own words, not its pick lists or date", () => {
    const step = { ...base, type: 'goal', prompt: 'Your goal', suggest: 'stop' } as Step
    const goal = {
      what: 'Stop',
      type: 'stop',
      substance: 'alcohol',
      howMuch: 'none',
      byWhen: '2027-01-01',
      why: 'kids',
      area: 'lifestyle',
    }
    expect(stepFreeText(step, goal)).toEqual(['Stop', 'none', 'kids'])
  })

  it('takes nothing from a choice (option ids) or a rating', () => {
    expect(
      stepFreeText({ ...base, type: 'choice', prompt: 'Q', multiple: false, options: [] } as unknown as Step, [
        'self-harm',
      ]),
    ).toEqual([])
    expect(stepFreeText({ ...base, type: 'rating', prompt: 'Q', minLabel: 'a', maxLabel: 'b' } as Step, 7)).toEqual([])
  })
})
