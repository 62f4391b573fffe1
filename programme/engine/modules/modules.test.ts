// Generated path tests for every module in the content: every step is reached by some answers
// and every route ends; plus the content checks that catch a broken module.
import { describe, expect, it } from 'vitest'
import { LIFE_AREA_IDS } from '../../schema/life-areas.schema.ts'
import { checkProgramme, loadProgramme } from '../load.ts'
import { copyContent, editYaml } from '../test-support.ts'
import { fixtureModule } from './fixture.ts'
import { isFinished, startModule, stepModule } from './machine.ts'
import { checkPaths, sampleAnswers } from './paths.ts'

const programme = loadProgramme()
const modules = Object.values(programme.modules)

describe('the module content', () => {
  it('has at least 12 modules, two or more for each life area', () => {
    expect(modules.length).toBeGreaterThanOrEqual(12)
    for (const area of LIFE_AREA_IDS)
      expect(modules.filter((m) => m.areas.includes(area)).length).toBeGreaterThanOrEqual(2)
  })

  it.each(modules.map((m) => [m.id, m] as const))('%s: every step is reachable and every path ends', (_id, def) => {
    const report = checkPaths(def)
    expect(report.unreachable).toEqual([])
    expect(report.neverFinish).toEqual([])
    expect(report.tooMany).toBe(false)
  })

  it.each(modules.map((m) => [m.id, m] as const))('%s: the first answers of each step walk to the end', (_id, def) => {
    let state = startModule(def, null)
    for (let i = 0; i < 50 && !isFinished(state); i++) {
      const step = def.steps.find((s) => s.id === state.value)
      if (!step) throw new Error(`no step ${state.value}`)
      state = stepModule(def, state, { type: 'NEXT', answer: sampleAnswers(def, step)[0] })
    }
    expect(isFinished(state)).toBe(true)
  })

  // H-016: not answering a self-harm question is treated as a "yes" (the careful choice).
  it('a "rather not say" answer to a self-harm question raises the self-harm rule as "yes" does', () => {
    const questions = modules.flatMap((def) =>
      def.steps.flatMap((step) =>
        step.type === 'choice' && step.options.some((o) => o.safety === 'self-harm') ? [[def.id, step] as const] : [],
      ),
    )
    expect(questions.map(([id, step]) => `${id}/${step.id}`)).toContain('coping-with-feelings/safety-check')
    for (const [id, step] of questions) {
      const declines = step.options.filter((o) => /rather not|prefer not|don't want to say|not sure/i.test(o.label))
      for (const option of declines) expect(option.safety, `${id}/${step.id}/${option.id}`).toBe('self-harm')
    }
  })

  it('every module cites sources and every exercise step has its exercise', () => {
    for (const def of modules) {
      expect(def.sources.length).toBeGreaterThan(0)
      for (const step of def.steps) if (step.type === 'exercise') expect(def.exercises[step.exercise]).toBeDefined()
    }
  })
})

describe('path checks', () => {
  it('find a step no route reaches', () => {
    const def = fixtureModule()
    const steps = def.steps.map((s) =>
      s.id === 'feel' && s.type === 'choice' ? { ...s, options: s.options.map((o) => ({ ...o, goto: undefined })) } : s,
    )
    expect(checkPaths({ ...def, steps }).unreachable).toEqual(['low-read'])
  })

  it('find routes that never end', () => {
    const def = fixtureModule()
    const steps = def.steps.map((s) => (s.id === 'think' ? { ...s, next: 'strength' } : s))
    const report = checkPaths({ ...def, steps })
    expect(report.unreachable).toContain('aim')
    expect(report.neverFinish).toContain('think')
  })
})

describe('content:check on modules', () => {
  it('reports unknown references, a missing summary and a missing Markdown file', () => {
    const dir = copyContent()
    editYaml(dir, 'modules/riding-out-urges/module.yaml', (m) => {
      m.steps[1].next = 'nowhere'
      m.steps.push({ id: 'extra', type: 'exercise', title: 'Extra', exercise: 'no-such-exercise' })
    })
    editYaml(dir, 'modules/saying-no/module.yaml', (m) => {
      m.steps[0].file = 'missing.md'
    })
    const { programme: result, errors } = checkProgramme(dir)
    expect(result).toBeNull()
    const messages = errors.map((e) => `${e.file}: ${e.message}`).join('\n')
    expect(messages).toContain('riding-out-urges/module.yaml: steps[')
    expect(messages).toContain('unknown step nowhere')
    expect(messages).toContain('unknown exercise no-such-exercise')
    expect(messages).toContain('the last step must be a summary')
    expect(messages).toContain('missing.md is missing')
  })

  it('rejects a module without sources', () => {
    const dir = copyContent()
    editYaml(dir, 'modules/saying-no/module.yaml', (m) => {
      m.sources = []
    })
    expect(
      checkProgramme(dir)
        .errors.map((e) => e.message)
        .join(),
    ).toContain('at least one source')
  })

  it('warns about text above a reading age of 12', () => {
    const dir = copyContent()
    editYaml(dir, 'modules/saying-no/module.yaml', (m) => {
      m.summary =
        'Comprehensive behavioural interventions systematically facilitate the acquisition of sophisticated interpersonal competencies, enabling individuals to negotiate challenging circumstances involving substance availability and considerable social expectation.'
    })
    const { programme: result, warnings } = checkProgramme(dir)
    expect(result).not.toBeNull()
    expect(warnings.map((w) => w.message).join()).toMatch(/reading age of about \d+/)
  })
})
