// The studio's instrument editor as a plain form: only the texts a service may change (H-029),
// the intro and each band's plain-language meaning. A band's range, label and level, the items,
// scores, scoring and cut-offs are never fields: a post that carries any of them (bands[0].min,
// bands[0].max, …) does not parse and is refused, and the bands must come in the draft's order,
// with its ids. The validator checks the saved draft against the published instrument as well.
// Pure: the route parses, this builds.
import { z } from 'zod'

const LONG = 4000
const SHORT = 1000

export const InstrumentFormSchema = z.strictObject({
  intent: z.literal('save'),
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  intro: z.string().max(LONG, `Please keep this under ${LONG} characters`).optional(),
  bands: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/),
        meaning: z.string().max(SHORT, `Please keep this under ${SHORT} characters`).optional(),
      }),
    )
    .max(20)
    .optional(),
})
export type InstrumentForm = z.infer<typeof InstrumentFormSchema>

type Band = Record<string, unknown> & { id: string; min?: unknown; max?: unknown; label?: unknown; meaning?: unknown }
export type DraftInstrument = Record<string, unknown> & { bands?: Band[] }

const text = (value: string | undefined) => (value ?? '').replace(/\r\n?/g, '\n')
const str = (v: unknown) => (typeof v === 'string' ? v : undefined)

/** The form values that describe an instrument's texts. */
export function instrumentFormOf(doc: DraftInstrument): InstrumentForm {
  return {
    intent: 'save',
    intro: str(doc.intro),
    bands: (doc.bands ?? []).map((b) => ({ id: b.id, meaning: str(b.meaning) })),
  }
}

/** Each band as shown beside its meaning, read-only: its label and the range of totals it covers. */
export function bandRanges(doc: DraftInstrument): Array<{ id: string; label: string; min: number; max: number }> {
  return (doc.bands ?? []).map((b) => ({
    id: b.id,
    label: str(b.label) ?? b.id,
    min: typeof b.min === 'number' ? b.min : Number.NaN,
    max: typeof b.max === 'number' ? b.max : Number.NaN,
  }))
}

/**
 * The draft with the form's intro and meanings, everything else as it was; or null when the form's
 * bands are not the draft's (a stale or forged form).
 */
export function instrumentFromForm(form: InstrumentForm, previous: DraftInstrument): DraftInstrument | null {
  const bands = form.bands ?? []
  const old = previous.bands ?? []
  if (bands.length !== old.length || bands.some((b, i) => b.id !== old[i]?.id)) return null
  return {
    ...previous,
    intro: text(form.intro),
    bands: old.map((band, i) => ({ ...band, meaning: text(bands[i]?.meaning) })),
  }
}
