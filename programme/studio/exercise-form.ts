// The studio's exercise editor as a plain form: the wording of an exercise (title, intro,
// sources, the timer's label, each part's label, hint and scale ends, each table column's label),
// which parts must be filled in, and how many rows a table has. Parts are kept in their order
// and by id; adding, removing or re-typing parts is done in the source view, because clients'
// saved answers and worksheets are keyed by part id. Pure: the route parses, this builds.
import { z } from 'zod'

const SHORT = 500
const LONG = 4000
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/)
const short = z.string().max(SHORT, `Please keep this under ${SHORT} characters`).optional()

export const ExerciseFormSchema = z.object({
  intent: z.literal('save'),
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  version: short,
  title: short,
  intro: z.string().max(LONG, `Please keep this under ${LONG} characters`).optional(),
  sources: z.string().max(LONG).optional(),
  timerLabel: short,
  parts: z
    .array(
      z.object({
        id,
        label: short,
        hint: short,
        minLabel: short,
        maxLabel: short,
        required: z.literal('on').optional(),
        rows: z
          .string()
          .regex(/^\d{1,2}$/, 'Enter a number of rows')
          .optional(),
        columns: z
          .array(z.object({ id, label: short }))
          .max(4)
          .optional(),
      }),
    )
    .max(30)
    .optional(),
})
export type ExerciseForm = z.infer<typeof ExerciseFormSchema>

type Part = Record<string, unknown> & { id: string; kind: string }
export type DraftExercise = Record<string, unknown> & { parts: Part[] }

const text = (value: string | undefined) => (value ?? '').replace(/\r\n?/g, '\n')

/** The form values that describe an exercise. */
export function exerciseFormOf(doc: DraftExercise): ExerciseForm {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
  return {
    intent: 'save',
    version: str(doc.version),
    title: str(doc.title),
    intro: str(doc.intro),
    sources: ((doc.sources ?? []) as string[]).join('\n'),
    timerLabel: str((doc.timer as { label?: unknown } | undefined)?.label),
    parts: doc.parts.map((p) => ({
      id: p.id,
      label: str(p.label),
      hint: str(p.hint),
      minLabel: str(p.minLabel),
      maxLabel: str(p.maxLabel),
      required: p.required ? 'on' : undefined,
      rows: typeof p.rows === 'number' ? String(p.rows) : undefined,
      columns: (p.columns as Array<{ id: string; label?: string }> | undefined)?.map((c) => ({
        id: c.id,
        label: c.label,
      })),
    })),
  }
}

/**
 * The draft with the form's wording, or null when the form's parts are not the draft's (a stale or
 * forged form: parts and columns must come in the draft's order, with its ids).
 */
export function exerciseFromForm(form: ExerciseForm, previous: DraftExercise): DraftExercise | null {
  const parts = form.parts ?? []
  if (parts.length !== previous.parts.length || parts.some((p, i) => p.id !== previous.parts[i]?.id)) return null
  const edited: Part[] = []
  for (const [i, old] of previous.parts.entries()) {
    const p = parts[i] as NonNullable<ExerciseForm['parts']>[number]
    const optional = (key: string, value: string | undefined) => (value ? { [key]: text(value) } : {})
    const { hint: _h, minLabel: _min, maxLabel: _max, ...rest } = old
    if (old.kind === 'table') {
      const columns = (old.columns ?? []) as Array<Record<string, unknown> & { id: string }>
      if ((p.columns ?? []).length !== columns.length || (p.columns ?? []).some((c, k) => c.id !== columns[k]?.id))
        return null
      edited.push({
        ...rest,
        label: text(p.label),
        ...optional('hint', p.hint),
        rows: p.rows ? Number(p.rows) : old.rows,
        columns: columns.map((c, k) => ({ ...c, label: text(p.columns?.[k]?.label) })),
      })
    } else {
      edited.push({
        ...rest,
        label: text(p.label),
        ...optional('hint', p.hint),
        ...optional('minLabel', p.minLabel),
        ...optional('maxLabel', p.maxLabel),
        required: p.required === 'on',
      })
    }
  }
  const timer = previous.timer as Record<string, unknown> | undefined
  return {
    ...previous,
    version: form.version ?? '',
    title: text(form.title),
    intro: text(form.intro),
    sources: text(form.sources)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    ...(timer ? { timer: { ...timer, label: text(form.timerLabel) } } : {}),
    parts: edited,
  }
}
