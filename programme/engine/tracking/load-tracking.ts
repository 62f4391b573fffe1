// Reads content/tracking.yaml and checks what its schema cannot: ids that must be unique (they
// are stored with every log entry), labels a client could not tell apart, alcohol offering the
// calculator's unit, and drink presets within the same limits the calculator enforces.
import { SUBSTANCE_IDS } from '../../schema/battery.schema.ts'
import { type Tracking, TrackingSchema } from '../../schema/tracking.schema.ts'
import type { Issues } from '../checks.ts'
import { readYaml } from '../yaml.ts'
import { ABV_MAX, ALCOHOL_ML_MAX } from './units.ts'

const FILE = 'tracking.yaml'
/** The unit the alcohol calculator's result is logged in. */
export const ALCOHOL_UNIT_ID = 'units'

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))]
}

/** Reports duplicate ids and (ignoring case) duplicate labels in one list. */
function checkList(where: string, list: ReadonlyArray<{ id: string; label: string }>, issues: Issues): void {
  for (const id of duplicates(list.map((entry) => entry.id))) issues.error(FILE, `${where}: duplicate id ${id}`)
  for (const label of duplicates(list.map((entry) => entry.label.toLowerCase())))
    issues.error(FILE, `${where}: duplicate label "${label}"`)
}

/**
 * The tracking content, or undefined when tracking.yaml is missing or fails its schema. Other
 * problems are reported through `issues` (so the whole programme is refused) but the content is
 * still returned, as the other loaders do, so that later checks can run and report too.
 */
export function readTracking(dir: string, issues: Issues): Tracking | undefined {
  const tracking = readYaml(dir, FILE, TrackingSchema, issues)
  if (!tracking) return undefined
  checkTrackingLists(tracking, issues)
  return tracking
}

/**
 * What the schema cannot check of the tracking content; the loader and the clinician studio's
 * validator (validate-document.ts) both call it.
 */
export function checkTrackingLists(tracking: Tracking, issues: Issues): void {
  checkList('triggers', tracking.triggers, issues)
  checkList('copingStrategies', tracking.copingStrategies, issues)
  checkList('feelings', tracking.feelings, issues)
  checkList('drinks', tracking.drinks, issues)
  // That every substance is present is the schema's job (a record keyed by SUBSTANCE_IDS).
  for (const substance of SUBSTANCE_IDS) checkList(`substances.${substance}`, tracking.substances[substance], issues)
  if (!tracking.substances.alcohol.some((unit) => unit.id === ALCOHOL_UNIT_ID))
    issues.error(FILE, `substances.alcohol: must offer ${ALCOHOL_UNIT_ID} (the unit calculator's result)`)
  for (const drink of tracking.drinks) {
    if (drink.ml > ALCOHOL_ML_MAX) issues.error(FILE, `drinks[${drink.id}]: ml above ${ALCOHOL_ML_MAX}`)
    if (drink.abv > ABV_MAX) issues.error(FILE, `drinks[${drink.id}]: abv above ${ABV_MAX} %`)
  }
}
