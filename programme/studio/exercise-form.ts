// The studio's exercise editor as a plain form: the wording of an exercise (title, intro,
// sources, the timer's label, each part's label, hint and scale ends, each table column's label),
// which parts must be filled in, how many rows a table has, and its parts: add one (of a kind
// chosen from a list), remove one, move one up or down. Clients' saved answers and worksheets are
// keyed by part id, so a part keeps its id for good: ids are never edited, and a new part never
// takes an id this exercise has used before (now, in an earlier version or in the base edition).
// Re-typing a part is done in the source view. Pure: the route parses, this builds, the studio
// domain validates and saves.
import { z } from 'zod'

const SHORT = 500
const LONG = 4000
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/)
const short = z.string().max(SHORT, `Please keep this under ${SHORT} characters`).optional()

/** The kinds of part the form can add, with their plain names as the editor lists them. */
export const PART_KINDS = ['short', 'long', 'rating', 'table'] as const
export type PartKind = (typeof PART_KINDS)[number]
export const PART_KIND_NAMES: Record<PartKind, string> = {
  short: 'A short answer (one line)',
  long: 'A longer answer (a few lines)',
  rating: 'A rating from 0 to 10',
  table: 'A table',
}
const MAX_PARTS = 30

export const ExerciseFormSchema = z.object({
  intent: z.string().regex(/^(save|add-part|(remove-part|up|down):\d{1,2})$/, 'That button is not one we know'),
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
    .max(MAX_PARTS)
    .optional(),
  newPartKind: z.enum(PART_KINDS).optional(),
  newPartLabel: short,
  /** Optional: made from the label when empty. Checked (with a clear message) by applyPartIntent. */
  newPartId: z.string().max(100).optional(),
  /** Where a new part goes: after the part at this position, or "end". */
  newPartAt: z
    .string()
    .regex(/^(end|\d{1,2})$/)
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

export type PartEdit =
  | { ok: true; document: DraftExercise /** Where the page should scroll to after the post. */; anchor: string }
  | { ok: false; status: 400 | 409; message: string }

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,59}$/

/** An id made from a label: "What helps?" → what-helps (empty when the label has no letters or digits). */
export function partIdFromLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '')
}

function newPart(kind: PartKind, id: string, label: string): Part {
  if (kind === 'table') return { id, kind, label, rows: 3, columns: [{ id: 'column-1', kind: 'short', label: '' }] }
  return { id, kind, label, required: false }
}

/**
 * The part operation a button asked for, on the draft as the form left it (exerciseFromForm).
 * `used` holds every part id this exercise has had (its versions and the base edition): a new
 * part may not take one, so an answer saved under an old part is never read as the new one's.
 */
export function applyPartIntent(doc: DraftExercise, form: ExerciseForm, used: readonly string[]): PartEdit {
  const [op, at] = form.intent.split(':')
  const parts = [...doc.parts]
  const i = Number(at)
  if (op === 'save') return { ok: true, document: doc, anchor: '' }
  if (op === 'add-part') {
    if (!form.newPartKind) return { ok: false, status: 400, message: 'Choose what kind of part to add.' }
    const label = text(form.newPartLabel).trim()
    if (!label) return { ok: false, status: 400, message: 'Give the new part a label.' }
    if (parts.length >= MAX_PARTS)
      return { ok: false, status: 400, message: `An exercise can have at most ${MAX_PARTS} parts.` }
    const taken = new Set([...used, ...parts.map((p) => p.id)])
    const typed = (form.newPartId ?? '').trim()
    let id = typed
    if (typed) {
      if (!ID_PATTERN.test(typed))
        return {
          ok: false,
          status: 400,
          message: 'A part’s id may use only lower-case letters, digits and hyphens (for example what-helps).',
        }
      if (taken.has(typed))
        return {
          ok: false,
          status: 400,
          message: `This exercise has already used the id “${typed}”, now or in an earlier version. Choose another: answers people saved are kept by id.`,
        }
    } else {
      const stem = partIdFromLabel(label) || 'part'
      id = stem
      for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`
    }
    const where = form.newPartAt === undefined || form.newPartAt === 'end' ? parts.length : Number(form.newPartAt) + 1
    if (where > parts.length)
      return { ok: false, status: 409, message: 'The parts changed since you opened it. Reload it.' }
    parts.splice(where, 0, newPart(form.newPartKind, id, label))
    return { ok: true, document: { ...doc, parts }, anchor: `#step-${where + 1}` }
  }
  if (!Number.isInteger(i) || i < 0 || i >= parts.length)
    return { ok: false, status: 409, message: 'That part is no longer there. Look at the draft again.' }
  if (op === 'remove-part') {
    if (parts.length === 1) return { ok: false, status: 400, message: 'An exercise needs at least one part.' }
    parts.splice(i, 1)
    return { ok: true, document: { ...doc, parts }, anchor: '#parts' }
  }
  const j = op === 'up' ? i - 1 : i + 1
  if (j < 0 || j >= parts.length) return { ok: true, document: doc, anchor: `#step-${i + 1}` }
  ;[parts[i], parts[j]] = [parts[j] as Part, parts[i] as Part]
  return { ok: true, document: { ...doc, parts }, anchor: `#step-${j + 1}` }
}
