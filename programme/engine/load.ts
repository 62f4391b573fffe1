// Reads every content file, validates it with its zod schema, checks cross-references, and
// caches the result. Content is found from this module's own location, not the working
// directory, because the app bundles this code into build/server/.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BatterySchema } from '../schema/battery.schema.ts'
import { HelpSchema } from '../schema/help.schema.ts'
import { type Instrument, InstrumentSchema } from '../schema/instrument.schema.ts'
import { LifeAreasSchema } from '../schema/life-areas.schema.ts'
import { MixingSchema } from '../schema/mixing.schema.ts'
import { NormsSchema } from '../schema/norms.schema.ts'
import { SelfHarmPhrasesSchema } from '../schema/self-harm-phrases.schema.ts'
import { crossCheck, type Issues } from './checks.ts'
import { readExercises, readModules } from './modules/load-modules.ts'
import type { Programme } from './programme.ts'
import { readTracking } from './tracking/load-tracking.ts'
import { readYaml } from './yaml.ts'

/** `line`: the YAML line, where the shared document validator knows it. */
export type ContentIssue = { file: string; message: string; line?: number }
export type ContentReport = { programme: Programme | null; errors: ContentIssue[]; warnings: ContentIssue[] }

export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(`Programme content is invalid:\n${issues.map((issue) => `  ${issue.file}: ${issue.message}`).join('\n')}`)
    this.name = 'ContentError'
  }
}

/** Walks up from `start` to the first folder holding programme/content (or content) with a battery.yaml. */
export function findContentDir(start = dirname(fileURLToPath(import.meta.url))): string {
  let dir = start
  for (;;) {
    for (const candidate of [join(dir, 'programme', 'content'), join(dir, 'content')]) {
      if (existsSync(join(candidate, 'battery.yaml'))) return candidate
    }
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`Could not find programme/content/battery.yaml above ${start}`)
    dir = parent
  }
}

function newIssues(): Issues & { errors: ContentIssue[]; warnings: ContentIssue[] } {
  const errors: ContentIssue[] = []
  const warnings: ContentIssue[] = []
  return {
    errors,
    warnings,
    error: (file, message, line) => errors.push(line === undefined ? { file, message } : { file, message, line }),
    warn: (file, message, line) => warnings.push(line === undefined ? { file, message } : { file, message, line }),
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** Validates everything under `dir`; `programme` is null when there is any error. */
export function checkProgramme(dir = findContentDir()): ContentReport {
  const issues = newIssues()
  let version: string | undefined
  if (!existsSync(join(dir, 'VERSION'))) issues.error('VERSION', 'file is missing')
  else {
    version = readFileSync(join(dir, 'VERSION'), 'utf8').trim()
    if (!/^\S+$/.test(version)) issues.error('VERSION', 'must be one word, such as 2026.11.1')
  }

  const instruments = new Map<string, { instrument: Instrument; file: string }>()
  const instrumentDir = join(dir, 'instruments')
  const files = existsSync(instrumentDir) ? readdirSync(instrumentDir).sort() : []
  if (files.length === 0) issues.error('instruments/', 'no instrument files found')
  for (const name of files) {
    const file = `instruments/${name}`
    if (!name.endsWith('.yaml')) {
      issues.warn(file, 'ignored: instrument files end in .yaml')
      continue
    }
    const instrument = readYaml(dir, file, InstrumentSchema, issues)
    if (!instrument) continue
    if (name !== `${instrument.id}.yaml`) issues.error(file, `the file name must be ${instrument.id}.yaml`)
    const clash = instruments.get(instrument.id)
    if (clash) issues.error(file, `duplicate instrument id ${instrument.id} (also in ${clash.file})`)
    else instruments.set(instrument.id, { instrument, file })
  }
  const battery = readYaml(dir, 'battery.yaml', BatterySchema, issues)
  const lifeAreas = readYaml(dir, 'life-areas.yaml', LifeAreasSchema, issues)
  const norms = readYaml(dir, 'norms.yaml', NormsSchema, issues)
  const tracking = readTracking(dir, issues)
  const selfHarmPhrases = readYaml(dir, 'safety/self-harm-phrases.yaml', SelfHarmPhrasesSchema, issues)
  const mixing = readYaml(dir, 'safety/mixing.yaml', MixingSchema, issues)
  const help = readYaml(dir, 'help.yaml', HelpSchema, issues)

  if (
    issues.errors.length > 0 ||
    !version ||
    !battery ||
    !lifeAreas ||
    !norms ||
    !tracking ||
    !selfHarmPhrases ||
    !mixing ||
    !help
  ) {
    return { programme: null, errors: issues.errors, warnings: issues.warnings }
  }
  const checked = crossCheck({ version, instruments, battery, lifeAreas, norms: norms.norms }, issues)
  const exercises = readExercises(dir, issues)
  const modules = readModules(dir, exercises, checked.instruments, issues)
  const programme: Programme = {
    ...checked,
    exercises: Object.fromEntries(exercises),
    modules: Object.fromEntries(modules),
    tracking,
    selfHarmPhrases,
    mixing,
    help,
  }
  return {
    programme: issues.errors.length === 0 ? deepFreeze(programme) : null,
    errors: issues.errors,
    warnings: issues.warnings,
  }
}

const cache = new Map<string, Programme>()

/** The validated programme (cached per folder). Throws ContentError listing every error. */
/** The content folder found from this module's location: looked up once, not on every call. */
let defaultDir: string | undefined

export function loadProgramme(dir?: string): Programme {
  if (!dir) defaultDir ??= resolve(findContentDir())
  const key = dir ? resolve(dir) : (defaultDir as string)
  const cached = cache.get(key)
  if (cached) return cached
  const report = checkProgramme(key)
  if (!report.programme) throw new ContentError(report.errors)
  cache.set(key, report.programme)
  return report.programme
}
