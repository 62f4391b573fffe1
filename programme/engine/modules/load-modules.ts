// Reads content/exercises/*.yaml and content/modules/<id>/module.yaml (with its Markdown) and
// hands each, as one document, to the shared validator (validate-document.ts), the same function
// the clinician studio runs on a draft: references between steps, exercises and assessment
// items, reachability and endings (generated paths), sources, safety notices, Markdown rules and
// the reading age of client-facing text (a warning). Here only what needs the files is added:
// file and folder names, and the programme-wide spread of modules over life areas.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Exercise } from '../../schema/exercise.schema.ts'
import type { Instrument } from '../../schema/instrument.schema.ts'
import { LIFE_AREA_IDS } from '../../schema/life-areas.schema.ts'
import type { Issues } from '../checks.ts'
import { type DocumentIssue, moduleDefinitionOf, validateYamlDocument } from '../validate-document.ts'
import type { ModuleDefinition } from './definition.ts'

/** Modules each life area should have at least, so every area has a choice. */
const MODULES_PER_AREA = 2

/** Where a document's issue lands in content:check's report: which file, what it says. */
function report(issues: Issues, issue: DocumentIssue, file: string): void {
  const prefixed = issue.rule === 'schema' || issue.rule === 'sources'
  const message = prefixed ? `${issue.path}: ${issue.message}` : issue.message
  if (issue.severity === 'error') issues.error(file, message, issue.line)
  else issues.warn(file, message, issue.line)
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
    const checked = validateYamlDocument('exercise', readFileSync(join(folder, name), 'utf8'), {
      instruments: {},
      exercises: {},
    })
    for (const issue of checked.issues) report(issues, issue, file)
    const exercise = checked.document
    if (!exercise) continue
    if (name !== `${exercise.id}.yaml`) issues.error(file, `the file name must be ${exercise.id}.yaml`)
    exercises.set(exercise.id, exercise)
  }
  return exercises
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
  const byId = Object.fromEntries(exercises)
  for (const folder of folders.map((d) => d.name).sort()) {
    const file = `modules/${folder}/module.yaml`
    const path = join(root, folder)
    if (!existsSync(join(path, 'module.yaml'))) {
      issues.error(file, 'file is missing')
      continue
    }
    const texts = Object.fromEntries(
      readdirSync(path)
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => [name, readFileSync(join(path, name), 'utf8')]),
    )
    const checked = validateYamlDocument(
      'module',
      readFileSync(join(path, 'module.yaml'), 'utf8'),
      { instruments, exercises: byId },
      { texts },
    )
    for (const issue of checked.issues) {
      const text = issue.at[0] === 'texts' && typeof issue.at[1] === 'string' ? issue.at[1] : null
      report(issues, issue, text ? `modules/${folder}/${text}` : file)
    }
    const doc = checked.document
    if (!doc) continue
    if (doc.id !== folder) issues.error(file, `the folder name must be ${doc.id}`)
    modules.set(doc.id, moduleDefinitionOf(doc, byId))
  }
  for (const area of LIFE_AREA_IDS) {
    const count = [...modules.values()].filter((m) => m.areas.includes(area)).length
    if (count < MODULES_PER_AREA)
      issues.warn('modules/', `the ${area} life area has ${count} module(s); aim for at least ${MODULES_PER_AREA}`)
  }
  return modules
}
