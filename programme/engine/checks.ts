// Cross-reference checks run after every file has passed its schema: things one file's schema
// cannot see (ids that must exist, bands that must cover the score range, placeholders).
import type { Battery } from '../schema/battery.schema.ts'
import { SUBSTANCE_IDS } from '../schema/battery.schema.ts'
import type { Band } from '../schema/common.schema.ts'
import type { Instrument } from '../schema/instrument.schema.ts'
import { LIFE_AREA_IDS, type LifeAreas } from '../schema/life-areas.schema.ts'
import type { Norm } from '../schema/norms.schema.ts'
import { SUBSTANCE_PLACEHOLDER } from './battery.ts'
import { UK_WEEKLY_UNIT_GUIDELINE } from './norms.ts'
import type { Programme } from './programme.ts'
import { itemRange, type ScoreRange, scoreRange } from './scoring.ts'

export type Issues = {
  error(file: string, message: string, line?: number): void
  warn(file: string, message: string, line?: number): void
}

type Parsed = {
  version: string
  instruments: Map<string, { instrument: Instrument; file: string }>
  battery: Battery
  lifeAreas: LifeAreas
  norms: Norm[]
}

const BATTERY = 'battery.yaml'
const LIFE_AREAS = 'life-areas.yaml'
const NORMS = 'norms.yaml'
/** Foothold's own wording aims at a reading age of about 11–12: long items get a warning. */
const MAX_OWN_ITEM_WORDS = 20

function duplicates(values: readonly (string | number)[]): Array<string | number> {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))]
}

/** Problems with bands that should cover `range` with no gap and no overlap. */
export function bandCoverageProblems(bands: readonly Band[], range: ScoreRange): string[] {
  const problems: string[] = []
  for (const band of bands) if (band.min > band.max) problems.push(`band ${band.id} has min above max`)
  for (const id of duplicates(bands.map((band) => band.id))) problems.push(`duplicate band id ${id}`)
  const sorted = [...bands].sort((a, b) => a.min - b.min)
  const first = sorted[0]
  const last = sorted.at(-1)
  if (!first || !last) return problems
  if (first.min !== range.min)
    problems.push(`bands start at ${first.min} but the lowest possible score is ${range.min}`)
  sorted.slice(1).forEach((band, index) => {
    const previous = sorted[index] as Band
    if (band.min <= previous.max) problems.push(`bands ${previous.id} and ${band.id} overlap`)
    else if (band.min > previous.max + 1) problems.push(`no band covers ${previous.max + 1} to ${band.min - 1}`)
  })
  if (last.max !== range.max) problems.push(`bands end at ${last.max} but the highest possible score is ${range.max}`)
  return problems
}

/** Copies a derived instrument's source items in (AUDIT-C gets AUDIT items 1–3). */
function resolveDerived(parsed: Parsed, issues: Issues): void {
  for (const { instrument, file } of parsed.instruments.values()) {
    const derived = instrument.derivedFrom
    if (!derived) continue
    if (instrument.items.length > 0) issues.error(file, 'a derived instrument has no items of its own')
    const source = parsed.instruments.get(derived.instrument)?.instrument
    if (!source) {
      issues.error(file, `derivedFrom: unknown instrument ${derived.instrument}`)
      continue
    }
    if (source.derivedFrom) issues.error(file, `derivedFrom: ${source.id} is itself derived`)
    const items = derived.items.map((id) => {
      const item = source.items.find((candidate) => candidate.id === id)
      if (!item) issues.error(file, `derivedFrom: ${source.id} has no item ${id}`)
      return item
    })
    for (const id of duplicates(derived.items)) issues.error(file, `derivedFrom: item ${id} is listed twice`)
    instrument.items = items.filter((item) => item !== undefined)
  }
}

/** One instrument's own checks (shared with the studio's validator, validate-document.ts). */
export function checkInstrument(instrument: Instrument, file: string, issues: Issues): void {
  const itemIds = instrument.items.map((item) => item.id)
  const hasItem = (id: string) => itemIds.includes(id)
  for (const id of duplicates(itemIds)) issues.error(file, `duplicate item id ${id}`)
  if (instrument.items.length === 0) issues.error(file, 'an instrument needs at least one item')
  for (const item of instrument.items) {
    for (const value of duplicates(item.options.map((option) => option.value))) {
      issues.error(file, `item ${item.id}: option value ${value} is used twice`)
    }
    for (const label of duplicates(item.options.map((option) => option.label))) {
      issues.error(file, `item ${item.id}: option label "${label}" is used twice`)
    }
    const words = item.text.split(/\s+/).length
    if (instrument.kind === 'foothold' && words > MAX_OWN_ITEM_WORDS) {
      issues.warn(file, `item ${item.id} has ${words} words; shorter is easier to read`)
    }
  }
  for (const id of instrument.scoring.reverse)
    if (!hasItem(id)) issues.error(file, `scoring.reverse: unknown item ${id}`)
  for (const id of duplicates(instrument.scoring.reverse)) issues.error(file, `scoring.reverse: ${id} is listed twice`)

  const range = scoreRange(instrument)
  if (instrument.scoring.method === 'sum') {
    for (const problem of bandCoverageProblems(instrument.bands, range)) issues.error(file, problem)
    if (instrument.bands.length === 0 && instrument.kind === 'validated') {
      issues.warn(file, 'no bands: the score is shown without a cut-off')
    }
  } else if (instrument.bands.length > 0) {
    issues.error(file, `scoring method ${instrument.scoring.method} has no total, so it cannot have bands`)
  }

  for (const { rule, when } of instrument.safety) {
    if ('item' in when) {
      const item = instrument.items.find((candidate) => candidate.id === when.item)
      if (!item) {
        issues.error(file, `safety ${rule}: unknown item ${when.item}`)
        continue
      }
      const { min, max } = itemRange(item)
      if (when.gte > max) issues.error(file, `safety ${rule}: ${when.item} can never reach ${when.gte}`)
      if (when.gte <= min) issues.error(file, `safety ${rule}: fires on every answer to ${when.item}`)
    } else if (instrument.scoring.method !== 'sum') {
      issues.error(file, `safety ${rule}: a total condition needs scoring method sum`)
    } else if (when.total.gte > range.max || when.total.gte <= range.min) {
      issues.error(file, `safety ${rule}: total ${when.total.gte} is outside ${range.min + 1} to ${range.max}`)
    }
  }

  if (instrument.weeklyUnits) {
    const { frequencyItem, quantityItem } = instrument.weeklyUnits
    const expected: Array<[string, readonly string[]]> = [
      [frequencyItem, ['week', 'month']],
      [quantityItem, ['day']],
    ]
    for (const [id, pers] of expected) {
      const item = instrument.items.find((candidate) => candidate.id === id)
      if (!item) issues.error(file, `weeklyUnits: unknown item ${id}`)
      else if (!item.options.every((option) => option.range && pers.includes(option.range.per))) {
        issues.error(file, `weeklyUnits: every option of ${id} needs a range per ${pers.join(' or ')}`)
      }
    }
  }
}

/** Every `{…}` placeholder in an instrument's shown text. */
function placeholders(instrument: Instrument): string[] {
  const texts = [instrument.title, instrument.intro]
  for (const item of instrument.items) texts.push(item.text, ...item.options.map((option) => option.label))
  return texts.flatMap((text) => text.match(/\{[^}]*\}/g) ?? [])
}

function checkBattery(parsed: Parsed, issues: Issues): void {
  const { battery, instruments } = parsed
  const substanceIds = battery.substances.map((substance) => substance.id)
  for (const id of duplicates(substanceIds)) issues.error(BATTERY, `duplicate substance ${id}`)
  for (const id of SUBSTANCE_IDS) if (!substanceIds.includes(id)) issues.error(BATTERY, `substance ${id} is missing`)
  for (const substance of battery.substances) {
    if (substance.kind === 'drug' && !substance.sdsWording) issues.error(BATTERY, `${substance.id} needs sdsWording`)
  }
  for (const id of duplicates(battery.steps.map((step) => step.instrument))) {
    issues.error(BATTERY, `instrument ${id} is asked twice`)
  }
  const perSubstance = new Set<string>()
  for (const step of battery.steps) {
    const found = instruments.get(step.instrument)?.instrument
    if (!found) issues.error(BATTERY, `unknown instrument ${step.instrument}`)
    else if (found.derivedFrom) issues.error(BATTERY, `${step.instrument} is derived and is never asked on its own`)
    if (step.substance) perSubstance.add(step.instrument)
  }
  for (const { instrument, file } of instruments.values()) {
    const found = placeholders(instrument)
    for (const placeholder of found) {
      if (placeholder !== SUBSTANCE_PLACEHOLDER) issues.error(file, `unknown placeholder ${placeholder}`)
      else if (!perSubstance.has(instrument.id)) {
        issues.error(file, `${SUBSTANCE_PLACEHOLDER} is only allowed in an instrument asked about one substance (SDS)`)
      }
    }
    if (perSubstance.has(instrument.id) && !found.includes(SUBSTANCE_PLACEHOLDER)) {
      issues.warn(file, `asked about one substance but never names it with ${SUBSTANCE_PLACEHOLDER}`)
    }
    const asked = battery.steps.some(
      (step) => step.instrument === (instrument.derivedFrom?.instrument ?? instrument.id),
    )
    if (!asked) issues.warn(file, 'not in the battery, so never asked')
  }
}

function checkLifeAreas(parsed: Parsed, issues: Issues): void {
  const { lifeAreas, instruments } = parsed
  const ids = lifeAreas.areas.map((area) => area.id)
  if (ids.join() !== LIFE_AREA_IDS.join())
    issues.error(LIFE_AREAS, `areas must be, in order: ${LIFE_AREA_IDS.join(', ')}`)
  for (const problem of bandCoverageProblems(lifeAreas.bands, { min: 0, max: 100 })) issues.error(LIFE_AREAS, problem)
  for (const { instrument, file } of instruments.values()) {
    const isCheck = instrument.id === lifeAreas.instrument
    if (isCheck !== (instrument.scoring.method === 'by-area')) {
      issues.error(file, `only ${lifeAreas.instrument} (named in ${LIFE_AREAS}) is scored by area`)
    }
    for (const item of instrument.items) {
      if (isCheck && !item.area) issues.error(file, `item ${item.id} needs an area`)
      if (!isCheck && item.area) issues.error(file, `item ${item.id}: only ${lifeAreas.instrument} items have an area`)
    }
    if (!isCheck) continue
    for (const area of LIFE_AREA_IDS) {
      const count = instrument.items.filter((item) => item.area === area).length
      if (count === 0) issues.error(file, `area ${area} has no items`)
      else if (count < 3 || count > 5) issues.warn(file, `area ${area} has ${count} items; 3 to 5 are planned`)
    }
  }
  if (!instruments.has(lifeAreas.instrument)) issues.error(LIFE_AREAS, `unknown instrument ${lifeAreas.instrument}`)
}

function checkNorms(norms: readonly Norm[], issues: Issues): void {
  for (const id of duplicates(norms.map((norm) => norm.id))) issues.error(NORMS, `duplicate norm id ${id}`)
  const weekly = norms.find((norm) => norm.id === 'uk-weekly-units')
  if (!weekly) issues.error(NORMS, 'the uk-weekly-units norm is missing')
  else if (weekly.value !== UK_WEEKLY_UNIT_GUIDELINE) {
    issues.error(NORMS, `uk-weekly-units is ${weekly.value} but engine/norms.ts says ${UK_WEEKLY_UNIT_GUIDELINE}`)
  }
}

/** Runs every cross-check and returns the programme (errors are reported through `issues`). */
export function crossCheck(
  parsed: Parsed,
  issues: Issues,
): Omit<Programme, 'exercises' | 'modules' | 'tracking' | 'selfHarmPhrases' | 'mixing' | 'help'> {
  resolveDerived(parsed, issues)
  const seen = new Map<string, string>()
  for (const { instrument, file } of parsed.instruments.values()) {
    checkInstrument(instrument, file, issues)
    if (instrument.derivedFrom) continue
    for (const item of instrument.items) {
      const other = seen.get(item.id)
      if (other && other !== instrument.id) issues.error(file, `item id ${item.id} is also used in ${other}`)
      seen.set(item.id, instrument.id)
    }
  }
  checkBattery(parsed, issues)
  checkLifeAreas(parsed, issues)
  checkNorms(parsed.norms, issues)
  // Keys in the order they are asked (a derived instrument right after its source), so that
  // listing results in Object.keys order follows the assessment.
  const steps = parsed.battery.steps.map((step) => step.instrument)
  const position = (instrument: Instrument) => {
    const index = steps.indexOf(instrument.derivedFrom?.instrument ?? instrument.id)
    return (index === -1 ? steps.length : index) + (instrument.derivedFrom ? 0.5 : 0)
  }
  const ordered = [...parsed.instruments.values()].map(({ instrument }) => instrument)
  ordered.sort((a, b) => position(a) - position(b))
  const instruments: Record<string, Instrument> = {}
  for (const instrument of ordered) instruments[instrument.id] = instrument
  const norms: Record<string, Norm> = {}
  for (const norm of parsed.norms) norms[norm.id] = norm
  return { version: parsed.version, instruments, lifeAreas: parsed.lifeAreas, battery: parsed.battery, norms }
}
