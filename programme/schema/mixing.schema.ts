// Mixing drugs (content/safety/mixing.yaml): dangerous combinations, each with its cited sources
// and a plain reason, and the prescribed medicines a client can list on their plan (hazard
// H-039). The rule that reads it is engine/safety/mixing.ts.
import { z } from 'zod'
import { SUBSTANCE_IDS } from './battery.schema.ts'
import { IdSchema } from './common.schema.ts'

/**
 * What one side of a row can be: a diary substance, or a group only a prescribed medicine brings
 * (the diary cannot record pregabalin, an antidepressant or an opioid substitute as such).
 */
export const MIX_IDS = [...SUBSTANCE_IDS, 'gabapentinoids', 'antidepressants', 'ost'] as const
export const MixIdSchema = z.enum(MIX_IDS)
export type MixId = z.infer<typeof MixIdSchema>

/** The kinds of prescribed medicine a client can list; stored, so never reuse an id. */
export const MEDICINE_KINDS = ['ost', 'antidepressant', 'benzodiazepine', 'gabapentinoid'] as const
export const MedicineKindSchema = z.enum(MEDICINE_KINDS)
export type MedicineKind = z.infer<typeof MedicineKindSchema>

const text = z.string().trim().min(1)

/** A nameable source: title and publisher, and a year or (for an undated page) a note saying so. */
export const MixingSourceSchema = z
  .strictObject({
    title: text,
    publisher: text,
    year: z.number().int().min(1950).max(2100).optional(),
    url: z.url({ protocol: /^https$/ }).optional(),
    note: text.optional(),
  })
  .refine((source) => source.year !== undefined || source.note !== undefined, {
    message: 'give the year, or a note saying the page is undated and when it was read',
  })
export type MixingSource = z.infer<typeof MixingSourceSchema>

export const MixingRowSchema = z.strictObject({
  id: IdSchema,
  mix: z.tuple([MixIdSchema, MixIdSchema]),
  /** Why it is dangerous, for a reading age of about 11–12. */
  reason: text,
  sources: z.array(MixingSourceSchema).min(1, 'every row cites at least one source; leave out rows you cannot cite'),
})
export type MixingRow = z.infer<typeof MixingRowSchema>

export const MixingSchema = z
  .strictObject({
    medicines: z.array(z.strictObject({ id: MedicineKindSchema, label: text, counts: z.array(MixIdSchema).min(1) })),
    names: z.partialRecord(MixIdSchema, text),
    /** Sources named once, for the rows to refer to (YAML anchors). */
    sources: z.record(z.string(), MixingSourceSchema),
    rows: z.array(MixingRowSchema).min(1),
  })
  .superRefine((mixing, ctx) => {
    const kinds = mixing.medicines.map((m) => m.id)
    for (const kind of MEDICINE_KINDS)
      if (!kinds.includes(kind))
        ctx.addIssue({ code: 'custom', path: ['medicines'], message: `medicine ${kind} is missing` })
    if (new Set(kinds).size !== kinds.length)
      ctx.addIssue({ code: 'custom', path: ['medicines'], message: 'a medicine is listed twice' })
    const seen = new Set<string>()
    for (const [index, row] of mixing.rows.entries()) {
      const pair = [...row.mix].sort().join('+')
      if (row.mix[0] === row.mix[1])
        ctx.addIssue({ code: 'custom', path: ['rows', index, 'mix'], message: 'a row mixes two different things' })
      if (seen.has(pair) || seen.has(row.id))
        ctx.addIssue({ code: 'custom', path: ['rows', index], message: `duplicate row ${row.id} (${pair})` })
      seen.add(pair).add(row.id)
      for (const side of row.mix)
        if (!mixing.names[side])
          ctx.addIssue({ code: 'custom', path: ['rows', index, 'mix'], message: `give ${side} a name under names:` })
    }
  })
export type Mixing = z.infer<typeof MixingSchema>
