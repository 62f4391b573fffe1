// The shared document validator (issue 14): every rule, the shipped content passing it, and
// validated instruments whose items, scores and cut-offs can never change (H-029).

import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import type { Instrument } from '../schema/instrument.schema.ts'
import { loadProgramme } from './load.ts'
import {
  type DocumentIssue,
  type ModuleDocument,
  moduleDefinitionOf,
  moduleDocumentOf,
  noticesRequired,
  type ValidationContext,
  validateDocument,
  validateYamlDocument,
} from './validate-document.ts'

const programme = loadProgramme()
const ctx: ValidationContext = { instruments: programme.instruments, exercises: programme.exercises }
const moduleDoc = (id: string): ModuleDocument => moduleDocumentOf(programme.modules[id] as never)
const errors = (issues: DocumentIssue[]) => issues.filter((i) => i.severity === 'error')
const rules = (issues: DocumentIssue[]) => errors(issues).map((i) => i.rule)
const check = (doc: unknown) => validateDocument('module', doc, ctx)

describe('the shipped content passes', () => {
  it.each(Object.keys(programme.modules))('module %s', (id) => {
    const report = check(moduleDoc(id))
    expect(errors(report.issues)).toEqual([])
    expect(report.ok).toBe(true)
    // The document makes exactly the definition the loader made, so pins stay the same.
    expect(JSON.stringify(moduleDefinitionOf(report.document as ModuleDocument, programme.exercises))).toBe(
      JSON.stringify(programme.modules[id]),
    )
  })

  it.each(Object.keys(programme.exercises))('exercise %s', (id) => {
    expect(errors(validateDocument('exercise', programme.exercises[id], ctx).issues)).toEqual([])
  })

  it.each(Object.keys(programme.instruments))('instrument %s, against itself', (id) => {
    const instrument = programme.instruments[id] as Instrument
    expect(errors(validateDocument('instrument', instrument, { ...ctx, lockedInstrument: instrument }).issues)).toEqual(
      [],
    )
  })
})

describe('module rules', () => {
  it('schema: a missing title, named by its path', () => {
    const { title: _t, ...doc } = moduleDoc('saying-no')
    const report = check(doc)
    expect(report.ok).toBe(false)
    expect(report.document).toBeNull()
    expect(report.issues[0]).toMatchObject({ rule: 'schema', path: 'title', at: ['title'] })
  })

  it('schema: a field inside a step is named by the step id', () => {
    const doc = moduleDoc('saying-no')
    ;(doc.steps[1] as { prompt: string }).prompt = ''
    expect(check(doc).issues[0]).toMatchObject({ rule: 'schema', path: 'steps[who-offers].prompt' })
  })

  it('sources: a module must cite its evidence', () => {
    const report = check({ ...moduleDoc('saying-no'), sources: [] })
    expect(rules(report.issues)).toEqual(['sources'])
  })

  it('reference: unknown exercise, step, option and instrument', () => {
    const doc = moduleDoc('saying-no')
    const script = doc.steps.find((s) => s.id === 'script') as { exercise: string }
    script.exercise = 'no-such-exercise'
    const intro = doc.steps[0] as { next?: string; when?: unknown }
    intro.next = 'nowhere'
    ;(doc.steps[2] as { when?: unknown }).when = { answer: 'who-offers', is: 'aliens' }
    ;(doc.steps[3] as { when?: unknown }).when = { score: 'cage', atLeast: 2 }
    const messages = errors(check(doc).issues).map((i) => `${i.rule} ${i.path}: ${i.message}`)
    expect(messages).toEqual(
      expect.arrayContaining([
        'reference steps[script].exercise: steps[script]: unknown exercise no-such-exercise',
        'reference steps[intro].next: steps[intro]: unknown step nowhere',
        expect.stringContaining('who-offers has no option aliens'),
        expect.stringContaining('unknown instrument cage'),
      ]),
    )
  })

  it('duplicate step ids', () => {
    const doc = moduleDoc('saying-no')
    doc.steps.splice(1, 0, { ...(doc.steps[0] as ModuleDocument['steps'][number]) })
    expect(rules(check(doc).issues)).toContain('duplicate')
  })

  it('path: a step no answer reaches, a route that never ends, a step leading to itself', () => {
    const skip = moduleDoc('people-who-support-you')
    const first = skip.steps[0] as { next?: string }
    first.next = skip.steps.at(-1)?.id
    const unreachable = errors(check(skip).issues).filter((i) => i.rule === 'path')
    expect(unreachable.map((i) => i.message)).toContain(`step ${skip.steps[1]?.id} can never be reached`)
    expect(unreachable[0]?.path).toMatch(/^steps\[/)

    const loop = moduleDoc('people-who-support-you')
    // kinds-of-support → feeling-alone → kinds-of-support … for ever.
    ;(loop.steps[3] as { next?: string }).next = loop.steps[2]?.id
    expect(errors(check(loop).issues).map((i) => i.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/some answers never reach the end/)]),
    )

    const self = moduleDoc('people-who-support-you')
    ;(self.steps[1] as { next?: string }).next = self.steps[1]?.id
    expect(errors(check(self).issues).map((i) => i.message)).toContain(`step ${self.steps[1]?.id} leads to itself`)

    const noSummary = moduleDoc('people-who-support-you')
    noSummary.steps.pop()
    expect(errors(check(noSummary).issues).map((i) => i.message)).toContain('the last step must be a summary')
  })

  it('text: a Markdown file a step names must be there; one no step uses is a warning', () => {
    const doc = moduleDoc('saying-no')
    const { 'intro.md': _intro, ...texts } = doc.texts
    const report = check({ ...doc, texts: { ...texts, 'spare.md': 'Not used.' } })
    expect(errors(report.issues)).toMatchObject([{ rule: 'text', path: 'steps[intro].file' }])
    expect(report.issues.find((i) => i.severity === 'warning' && i.rule === 'text')?.message).toBe(
      'spare.md is not used by any step',
    )
  })

  it('raw HTML and links to other websites in Markdown are errors', () => {
    const doc = moduleDoc('saying-no')
    const html = check({ ...doc, texts: { ...doc.texts, 'intro.md': 'Hello <script>alert(1)</script>' } })
    expect(errors(html.issues)).toMatchObject([{ rule: 'raw-html', path: 'texts.intro.md' }])
    for (const link of ['See [this](https://example.com).', 'Go to https://example.com today.', 'Try www.example.com'])
      expect(rules(check({ ...doc, texts: { ...doc.texts, 'intro.md': link } }).issues)).toEqual(['outside-link'])
    // Scripts, data and other schemes are refused too, inline or as references.
    for (const link of [
      '[Tap](javascript:alert(1))',
      '![x](data:image/png;base64,AAAA)',
      '[mail](mailto:someone@example.com)',
      'See [the guide][g].\n\n[g]: javascript:alert(1)',
      '[up](//evil.example/path)',
    ])
      expect(rules(check({ ...doc, texts: { ...doc.texts, 'intro.md': link } }).issues), link).toEqual(['outside-link'])
    // A link within Foothold is fine.
    for (const link of ['See [help](/help).', 'Read [the steps](#steps).', '[help]: /help'])
      expect(rules(check({ ...doc, texts: { ...doc.texts, 'intro.md': link } }).issues), link).toEqual([])
  })

  it('reading age above 12 is a warning, not an error', () => {
    const doc = moduleDoc('saying-no')
    const hard =
      'Notwithstanding considerable methodological heterogeneity, contemporaneous investigations demonstrate ' +
      'substantial interindividual variability regarding pharmacological responsiveness, particularly concerning ' +
      'psychophysiological manifestations associated with discontinuation.'
    const report = check({ ...doc, texts: { ...doc.texts, 'intro.md': hard } })
    expect(report.ok).toBe(true)
    expect(report.issues.find((i) => i.rule === 'reading-age')).toMatchObject({
      severity: 'warning',
      path: 'texts.intro.md',
    })
  })

  it('safety notices: opioids, benzodiazepines and stop or cut-down goals need theirs', () => {
    const doc = moduleDoc('building-a-week')
    expect(doc.notices).toEqual([])
    const opioids = structuredClone(doc)
    ;(opioids.steps[1] as { when?: unknown }).when = { substance: 'opioids' }
    expect(errors(check(opioids).issues)).toMatchObject([
      { rule: 'safety-notice', message: expect.stringContaining('overdose-after-a-break') },
    ])
    expect(check({ ...opioids, notices: ['overdose-after-a-break'] }).ok).toBe(true)

    const benzos = structuredClone(doc)
    ;(benzos.steps[1] as { when?: unknown }).when = {
      any: [{ substance: 'benzodiazepines' }, { substance: 'alcohol' }],
    }
    expect(errors(check(benzos).issues).map((i) => i.message)).toEqual([expect.stringContaining('sedative-taper')])

    const goal = structuredClone(doc)
    const goalStep = goal.steps.find((s) => s.type === 'goal') as { suggest: string }
    goalStep.suggest = 'stop'
    expect(new Set(errors(check(goal).issues).map((i) => i.rule))).toEqual(new Set(['safety-notice']))
    expect(
      noticesRequired(goal)
        .map((n) => n.notice)
        .sort(),
    ).toEqual(['alcohol-withdrawal', 'overdose-after-a-break', 'sedative-taper'])

    const words = structuredClone(doc)
    const file = (words.steps[0] as { file: string }).file
    words.texts[file] = `${words.texts[file]}\n\nIf you use heroin, read this.`
    expect(rules(check(words).issues)).toEqual(['safety-notice'])
  })
})

describe('exercises', () => {
  it('refuses duplicate part ids and a missing source', () => {
    const exercise = structuredClone(programme.exercises['smart-goal']) as NonNullable<
      (typeof programme.exercises)[string]
    >
    exercise.parts.push({ ...(exercise.parts[0] as (typeof exercise.parts)[number]) })
    expect(rules(validateDocument('exercise', exercise, ctx).issues)).toEqual(['duplicate'])
    expect(
      rules(validateDocument('exercise', { ...exercise, parts: exercise.parts.slice(0, 1), sources: [] }, ctx).issues),
    ).toEqual(['sources'])
  })
})

describe('validated instruments (H-029): only the intro and band meanings may change', () => {
  const audit = programme.instruments.audit as Instrument
  const locked = { ...ctx, lockedInstrument: audit }
  const edited = (edit: (i: Instrument) => void) => {
    const copy = structuredClone(audit)
    edit(copy)
    return validateDocument('instrument', copy, locked)
  }

  it('rewording the intro and what a band means is allowed', () => {
    const report = edited((i) => {
      i.intro = 'These questions are about your drinking over the last year.'
      ;(i.bands[0] as { meaning: string }).meaning = 'Your drinking is lower risk. Keep it that way.'
    })
    expect(errors(report.issues)).toEqual([])
  })

  const set = (edit: (i: Instrument) => unknown) => (i: Instrument) => {
    edit(i)
  }
  it.each([
    ['an option score', set((i) => Object.assign(i.items[0]?.options[1] ?? {}, { value: 2 })), 'items'],
    ['a cut-off', set((i) => Object.assign(i.bands[1] ?? {}, { min: 9 })), 'bands'],
    ['a band label', set((i) => Object.assign(i.bands[1] ?? {}, { label: 'Fine' })), 'bands'],
    ['an item wording', set((i) => Object.assign(i.items[0] ?? {}, { text: 'Do you drink?' })), 'items'],
    ['the scoring', set((i) => i.scoring.reverse.push('audit-1')), 'scoring'],
    ['a safety trigger', set((i) => i.safety.pop()), 'safety'],
    ['the source', set((i) => Object.assign(i, { source: 'Someone, somewhere' })), 'source'],
  ])('changing %s is refused', (_what, edit, key) => {
    const report = edited(edit)
    expect(report.ok).toBe(false)
    expect(errors(report.issues).find((i) => i.rule === 'instrument-locked')).toMatchObject({ path: key })
  })

  it('a new instrument cannot be made in the studio', () => {
    const report = validateDocument('instrument', { ...structuredClone(audit), id: 'my-audit' }, ctx)
    expect(rules(report.issues)).toContain('instrument-locked')
  })
})

describe('YAML documents', () => {
  it('an error names its line; YAML that does not parse is one issue with its line', () => {
    const doc = moduleDoc('saying-no')
    const source = stringify({ ...doc, minutes: 99 })
    const line = source.split('\n').findIndex((l) => l.startsWith('minutes:')) + 1
    const report = validateYamlDocument('module', source, ctx)
    expect(report.issues.find((i) => i.rule === 'schema')).toMatchObject({ path: 'minutes', line })

    const broken = validateYamlDocument('module', 'id: x\ntitle: [oops\n', ctx)
    expect(broken.document).toBeNull()
    expect(broken.issues[0]).toMatchObject({ rule: 'yaml', severity: 'error' })
    expect(broken.issues[0]?.line).toBeGreaterThan(1)
  })

  it('points at a step field by line', () => {
    const doc = moduleDoc('saying-no')
    const script = doc.steps.find((s) => s.id === 'script') as { exercise: string }
    script.exercise = 'nope'
    const source = stringify(doc)
    const line = source.split('\n').findIndex((l) => l.includes('exercise: nope')) + 1
    expect(validateYamlDocument('module', source, ctx).issues.find((i) => i.rule === 'reference')?.line).toBe(line)
  })
})
