import { describe, expect, it } from 'vitest'
import { fixtureModule } from './fixture.ts'
import { isFinished, type ModuleEvent, type ModuleState, startModule, stepModule } from './machine.ts'
import { progressOf } from './progress.ts'

const def = fixtureModule()
const facts = { scores: {}, items: {}, substances: ['alcohol'] }

function run(events: ModuleEvent[], start: ModuleState = startModule(def, facts)): ModuleState {
  return events.reduce((state, event) => stepModule(def, state, event), start)
}

const plain: ModuleEvent[] = [
  { type: 'NEXT', answer: null },
  { type: 'NEXT', answer: ['ok'] },
  { type: 'NEXT', answer: 3 },
  { type: 'NEXT', answer: { what: 'walk' } },
  { type: 'NEXT', answer: null },
]

describe('a compiled module', () => {
  it('starts at the first step with nothing answered', () => {
    const state = startModule(def, facts)
    expect(state.value).toBe('intro')
    expect(state.context).toEqual({ answers: {}, history: [], facts })
  })

  it('follows the listed order and records each answer', () => {
    const state = run(plain)
    expect(state.value).toBe('think')
    expect(state.context.answers).toMatchObject({ feel: ['ok'], strength: 3, practice: { what: 'walk' } })
    expect(state.context.history).toEqual(['intro', 'feel', 'strength', 'practice', 'sheet'])
  })

  it('branches on a chosen option and rejoins with next', () => {
    const state = run(plain.slice(0, 1).concat({ type: 'NEXT', answer: ['low'] }))
    expect(state.value).toBe('low-read')
    expect(run([{ type: 'NEXT', answer: null }], state).value).toBe('strength')
  })

  it('branches on a rating with a goto condition', () => {
    const at7 = run([...plain.slice(0, 2), { type: 'NEXT', answer: 7 }])
    const at8 = run([...plain.slice(0, 2), { type: 'NEXT', answer: 8 }])
    expect(at7.value).toBe('practice')
    expect(at8.value).toBe('strong')
  })

  it('shows a step only when its assessment condition holds', () => {
    expect(run(plain).value).toBe('think')
    const withOpioids = run(plain, startModule(def, { ...facts, substances: ['opioids'] }))
    expect(withOpioids.value).toBe('opioids')
    expect(run(plain, startModule(def, null)).value).toBe('think')
  })

  it('skips only optional steps, and forgets a skipped answer', () => {
    const atThink = run(plain)
    const skipped = run([{ type: 'SKIP' }], atThink)
    expect(skipped.value).toBe('aim')
    expect(skipped.context.history.at(-1)).toBe('think')
    expect(run([{ type: 'SKIP' }]).value).toBe('intro')
  })

  it('goes back to the step last answered, keeping answers to show again', () => {
    const atThink = run(plain)
    const back = run([{ type: 'BACK' }], atThink)
    expect(back.value).toBe('sheet')
    expect(run([{ type: 'BACK' }, { type: 'BACK' }], atThink).value).toBe('practice')
    expect(run([{ type: 'BACK' }], back).context.answers.practice).toEqual({ what: 'walk' })
    // Back after a branch returns along the branch taken.
    const viaLow = run([plain[0] as ModuleEvent, { type: 'NEXT', answer: ['low'] }, { type: 'NEXT', answer: null }])
    expect(run([{ type: 'BACK' }], viaLow).value).toBe('low-read')
    // Nothing before the first step.
    expect(run([{ type: 'BACK' }]).value).toBe('intro')
  })

  it('finishes after the summary, and RESTART starts again from nothing', () => {
    const done = run([
      ...plain,
      { type: 'SKIP' },
      { type: 'NEXT', answer: { what: 'less' } },
      { type: 'NEXT', answer: null },
    ])
    expect(isFinished(done)).toBe(true)
    const again = run([{ type: 'RESTART' }], done)
    expect(again.value).toBe('intro')
    expect(again.context.answers).toEqual({})
    expect(again.context.history).toEqual([])
  })

  it('round-trips through JSON, as it is stored', () => {
    const stored = JSON.parse(JSON.stringify(run(plain.slice(0, 3)))) as ModuleState
    expect(run([{ type: 'NEXT', answer: { what: 'x' } }], stored).value).toBe('sheet')
  })
})

describe('progressOf', () => {
  it('counts steps done and the steps ahead on the current route', () => {
    expect(progressOf(def, startModule(def, facts))).toEqual({ step: 1, total: 8, done: 0, finished: false })
    const withOpioids = startModule(def, { ...facts, substances: ['opioids'] })
    expect(progressOf(def, withOpioids).total).toBe(9)
    expect(progressOf(def, run(plain.slice(0, 2)))).toMatchObject({ step: 3, total: 8 })
  })

  it('says finished at the end', () => {
    const done = run([
      ...plain,
      { type: 'SKIP' },
      { type: 'NEXT', answer: { what: 'less' } },
      { type: 'NEXT', answer: null },
    ])
    expect(progressOf(def, done)).toMatchObject({ finished: true, done: 8 })
  })
})
