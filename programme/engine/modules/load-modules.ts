// Reads content/exercises/*.yaml and content/modules/<id>/module.yaml (with its Markdown),
// validates each, and checks what one file's schema cannot see: references between steps,
// exercises and assessment items, reachability and endings (generated paths), citations, and
// the reading age of client-facing text (a warning).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Exercise, ExerciseSchema } from '../../schema/exercise.schema.ts'
import type { Instrument } from '../../schema/instrument.schema.ts'
import { LIFE_AREA_IDS } from '../../schema/life-areas.schema.ts'
import { type Condition, type Module, ModuleSchema } from '../../schema/module.schema.ts'
import type { Issues } from '../checks.ts'
import { READING_AGE_LIMIT, readingAge } from '../readability.ts'
import { readYaml } from '../yaml.ts'
import { leaves } from './conditions.ts'
import type { ModuleDefinition } from './definition.ts'
import { targetsOf } from './definition.ts'
import { checkPaths } from './paths.ts'

/** Modules each life area should have at least, so every area has a choice. */
const MODULES_PER_AREA = 2

function warnReadingAge(issues: Issues, file: string, what: string, text: string): void {
  const age = readingAge(text)
  if (age !== null && age > READING_AGE_LIMIT)
    issues.warn(file, `${what} has a reading age of about ${age} (aim for ${READING_AGE_LIMIT} or under)`)
}

export function readExercises(dir: string, issues: Issues): Map<string, Exercise> {
  const exercises = new Map<string, Exercise>()
  const folder = join(dir, 'exercises')
  for (const name of existsSync(folder) ? readdirSync(folder).sort() : []) {
    const file = `exercises/${name}`
    if (!name.endsWith('.yaml')) {
      issues.warn(file, 'ignored: exercise files end in .yaml')
      continue
    }
    const exercise = readYaml(dir, file, ExerciseSchema, issues)
    if (!exercise) continue
    if (name !== `${exercise.id}.yaml`) issues.error(file, `the file name must be ${exercise.id}.yaml`)
    const ids = exercise.parts.map((p) => p.id)
    for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i)))
      issues.error(file, `duplicate part id ${id}`)
    for (const part of exercise.parts) {
      if (part.kind !== 'table') continue
      const columns = part.columns.map((c) => c.id)
      if (new Set(columns).size !== columns.length) issues.error(file, `table ${part.id} has duplicate column ids`)
    }
    warnReadingAge(issues, file, 'the intro', exercise.intro)
    exercises.set(exercise.id, exercise)
  }
  return exercises
}

function checkCondition(
  condition: Condition,
  where: string,
  mod: Module,
  instruments: Record<string, Instrument>,
  report: (message: string) => void,
): void {
  for (const leaf of leaves(condition)) {
    if ('score' in leaf) {
      const instrument = instruments[leaf.score]
      if (!instrument) report(`${where}: unknown instrument ${leaf.score}`)
      else if (instrument.scoring.method === 'none') report(`${where}: ${leaf.score} has no total to compare`)
    } else if ('item' in leaf) {
      if (!Object.values(instruments).some((i) => i.items.some((item) => item.id === leaf.item)))
        report(`${where}: unknown assessment item ${leaf.item}`)
    } else if ('answer' in leaf) {
      const step = mod.steps.find((s) => s.id === leaf.answer)
      if (!step) report(`${where}: unknown step ${leaf.answer}`)
      else if ('is' in leaf) {
        if (step.type !== 'choice') report(`${where}: step ${leaf.answer} is not a choice`)
        else if (!step.options.some((o) => o.id === leaf.is))
          report(`${where}: ${leaf.answer} has no option ${leaf.is}`)
      } else if (step.type !== 'rating') report(`${where}: step ${leaf.answer} is not a rating`)
    }
  }
}

function checkModule(
  mod: Module,
  file: string,
  exercises: Map<string, Exercise>,
  instruments: Record<string, Instrument>,
  issues: Issues,
): void {
  const error = (message: string) => issues.error(file, message)
  const ids = mod.steps.map((s) => s.id)
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) error(`duplicate step id ${id}`)
  if (mod.steps.at(-1)?.type !== 'summary') error('the last step must be a summary')
  mod.steps.forEach((step) => {
    const where = `steps[${step.id}]`
    if (step.when) checkCondition(step.when, `${where}.when`, mod, instruments, error)
    if (step.type === 'summary' && (step.goto || step.next))
      error(`${where}: a summary ends the module; no goto or next`)
    for (const g of step.goto ?? []) {
      checkCondition(g.if, `${where}.goto`, mod, instruments, error)
      if (g.step === step.id) error(`${where}: goto cannot lead to the same step`)
    }
    for (const target of [step.next, ...(step.goto ?? []).map((g) => g.step)])
      if (target && !ids.includes(target)) error(`${where}: unknown step ${target}`)
    if (step.type === 'choice') {
      const options = step.options.map((o) => o.id)
      if (new Set(options).size !== options.length) error(`${where}: duplicate option ids`)
      for (const o of step.options) {
        if (o.goto && step.multiple) error(`${where}: options of a multiple choice cannot have goto`)
        if (o.goto && !ids.includes(o.goto)) error(`${where}.options[${o.id}]: unknown step ${o.goto}`)
      }
    }
    if (step.type === 'exercise' && !exercises.has(step.exercise)) error(`${where}: unknown exercise ${step.exercise}`)
    if (step.type === 'worksheet') {
      const target = mod.steps.find((s) => s.id === step.for)
      if (target?.type !== 'exercise') error(`${where}: "for" must name an exercise step of this module`)
    }
  })
  const ownWords = [
    mod.summary,
    ...mod.steps.flatMap((s) => [
      'prompt' in s ? s.prompt : '',
      'hint' in s ? (s.hint ?? '') : '',
      ...(s.type === 'choice' ? s.options.map((o) => o.label) : []),
    ]),
  ]
  warnReadingAge(issues, file, 'the wording in module.yaml', ownWords.filter(Boolean).join('. '))
}

function definitionOf(mod: Module, folder: string, exercises: Map<string, Exercise>, issues: Issues): ModuleDefinition {
  const texts: Record<string, string> = {}
  for (const step of mod.steps) {
    if (step.type !== 'read' && step.type !== 'summary') continue
    const path = join(folder, step.file)
    const file = `modules/${mod.id}/${step.file}`
    if (!existsSync(path)) issues.error(`modules/${mod.id}/module.yaml`, `steps[${step.id}]: ${step.file} is missing`)
    else if (!(step.file in texts)) {
      texts[step.file] = readFileSync(path, 'utf8')
      if (/<[a-z][^>]*>/i.test(texts[step.file] ?? '')) issues.error(file, 'raw HTML is not allowed in module text')
      if (/\]\(\s*(https?:)?\/\//i.test(texts[step.file] ?? ''))
        issues.error(file, 'links to other websites are not allowed (they leak to third parties)')
      warnReadingAge(issues, file, 'this text', texts[step.file] ?? '')
    }
  }
  for (const name of readdirSync(folder))
    if (name.endsWith('.md') && !(name in texts)) issues.warn(`modules/${mod.id}/${name}`, 'not used by any step')
  const used = Object.fromEntries(
    mod.steps.flatMap((s) =>
      s.type === 'exercise' && exercises.has(s.exercise) ? [[s.exercise, exercises.get(s.exercise) as Exercise]] : [],
    ),
  )
  return { ...mod, texts, exercises: used }
}

export function readModules(
  dir: string,
  exercises: Map<string, Exercise>,
  instruments: Record<string, Instrument>,
  issues: Issues,
): Map<string, ModuleDefinition> {
  const modules = new Map<string, ModuleDefinition>()
  const root = join(dir, 'modules')
  const folders = existsSync(root) ? readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()) : []
  for (const folder of folders.map((d) => d.name).sort()) {
    const file = `modules/${folder}/module.yaml`
    const mod = readYaml(dir, file, ModuleSchema, issues)
    if (!mod) continue
    if (mod.id !== folder) issues.error(file, `the folder name must be ${mod.id}`)
    let before = 0
    const counting: Issues = {
      error: (f, m) => {
        before++
        issues.error(f, m)
      },
      warn: issues.warn,
    }
    checkModule(mod, file, exercises, instruments, counting)
    const def = definitionOf(mod, join(root, folder), exercises, counting)
    // Paths are only worth walking once every reference resolves.
    if (before === 0) {
      const paths = checkPaths(def)
      for (const id of paths.unreachable) issues.error(file, `step ${id} can never be reached`)
      for (const id of paths.neverFinish) issues.error(file, `from step ${id} some answers never reach the end`)
      if (paths.tooMany) issues.error(file, 'too many paths to check: simplify the branching')
      for (const [index, step] of def.steps.entries())
        for (const target of targetsOf(def, index))
          if (target === step.id) issues.error(file, `step ${step.id} leads to itself`)
    }
    modules.set(mod.id, def)
  }
  for (const area of LIFE_AREA_IDS) {
    const count = [...modules.values()].filter((m) => m.areas.includes(area)).length
    if (count < MODULES_PER_AREA)
      issues.warn('modules/', `the ${area} life area has ${count} module(s); aim for at least ${MODULES_PER_AREA}`)
  }
  return modules
}
