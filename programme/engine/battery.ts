// Which instruments a client is asked, from the substances they name, and how the questions
// are split into pages (a few per page, never two instruments on one page).
import type { SubstanceId } from '../schema/battery.schema.ts'
import type { Programme } from './programme.ts'

export type BatteryStep = { instrumentId: string; substance?: SubstanceId }

export type AssessmentPage = {
  /** Position in the whole assessment, from 0. */
  index: number
  instrumentId: string
  title: string
  intro: string
  items: Array<{ id: string; text: string; options: Array<{ label: string; value: number }> }>
}

export const SUBSTANCE_PLACEHOLDER = '{substance}'

/**
 * The battery for a client's choice, in the declared order. `main` counts as named even if it
 * is missing from `substances`. The substance-specific step (SDS) is about the main substance
 * if it is a drug, otherwise the first drug named.
 */
export function buildBattery(
  programme: Programme,
  choice: { substances: readonly SubstanceId[]; main: SubstanceId },
): BatteryStep[] {
  const named = [...new Set([...choice.substances, choice.main])]
  const kindOf = (id: SubstanceId) => programme.battery.substances.find((substance) => substance.id === id)?.kind
  const drugs = named.filter((id) => kindOf(id) === 'drug')
  const alcoholNamed = named.some((id) => kindOf(id) === 'alcohol')
  const mainDrug = kindOf(choice.main) === 'drug' ? choice.main : drugs[0]

  const steps: BatteryStep[] = []
  for (const rule of programme.battery.steps) {
    if (rule.when === 'alcohol-named' && !alcoholNamed) continue
    if (rule.when === 'drug-named' && drugs.length === 0) continue
    if (rule.substance === 'main-drug') {
      if (mainDrug) steps.push({ instrumentId: rule.instrument, substance: mainDrug })
    } else {
      steps.push({ instrumentId: rule.instrument })
    }
  }
  return steps
}

/** The words put in place of {substance} for a substance (falls back to its display name). */
export function substanceWording(programme: Programme, substance: SubstanceId): string {
  const found = programme.battery.substances.find((candidate) => candidate.id === substance)
  if (!found) throw new Error(`Unknown substance ${substance}`)
  return found.sdsWording ?? found.name
}

export function fillSubstance(text: string, wording: string | undefined): string {
  return wording === undefined ? text : text.replaceAll(SUBSTANCE_PLACEHOLDER, wording)
}

/** The battery's items as pages of at most `perPage`, one instrument per page, in order. */
export function assessmentPages(programme: Programme, battery: readonly BatteryStep[], perPage = 4): AssessmentPage[] {
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError('perPage must be a whole number of at least 1')
  const pages: AssessmentPage[] = []
  for (const step of battery) {
    const instrument = programme.instruments[step.instrumentId]
    if (!instrument) throw new Error(`Unknown instrument ${step.instrumentId}`)
    const wording = step.substance ? substanceWording(programme, step.substance) : undefined
    const items = instrument.items.map((item) => ({
      id: item.id,
      text: fillSubstance(item.text, wording),
      options: item.options.map((option) => ({ label: fillSubstance(option.label, wording), value: option.value })),
    }))
    for (let start = 0; start < items.length; start += perPage) {
      pages.push({
        index: pages.length,
        instrumentId: instrument.id,
        title: fillSubstance(instrument.title, wording),
        intro: fillSubstance(instrument.intro, wording),
        items: items.slice(start, start + perPage),
      })
    }
  }
  return pages
}
