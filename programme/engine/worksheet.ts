// The worksheet for an exercise as plain data: what the PDF renderer and the print-friendly HTML
// view both draw, so the two cannot disagree about what a worksheet says. Answers come in as
// saved (possibly from an older version of the exercise) and leave as display strings.
import { z } from 'zod'
import type { Exercise, ExerciseAnswer, ExerciseField, ExerciseTable } from '../schema/index.ts'

export const WORKSHEET_KINDS = ['blank', 'filled', 'fillable'] as const
/** blank: to print and write on; filled: the client's answers; fillable: a PDF form to type into. */
export type WorksheetKind = (typeof WORKSHEET_KINDS)[number]

export const RATING_MIN = 0
export const RATING_MAX = 10
/** How every rating is described on a worksheet. */
export const RATING_SCALE = `${RATING_MIN} to ${RATING_MAX}`

type PartBase = { id: string; label: string; hint: string | null }

export type WorksheetTextField = PartBase & {
  kind: 'short' | 'long'
  /** The client's answer, or null when there is none to show. */
  value: string | null
}

export type WorksheetRatingField = PartBase & {
  kind: 'rating'
  /** Always "0 to 10". */
  scale: string
  minLabel: string | null
  maxLabel: string | null
  /** The whole number chosen, as text ("7"), or null. */
  value: string | null
}

export type WorksheetColumn = {
  id: string
  kind: 'short' | 'rating'
  label: string
  /** "0 to 10" for rating columns, so a header can say what to write. */
  scale: string | null
}

export type WorksheetCell = { columnId: string; kind: 'short' | 'rating'; value: string | null }

/** One row of a table; `number` counts from 1, `cells` follow the columns in order. */
export type WorksheetRow = { number: number; cells: WorksheetCell[] }

export type WorksheetTable = PartBase & { kind: 'table'; columns: WorksheetColumn[]; rows: WorksheetRow[] }

export type WorksheetPart = WorksheetTextField | WorksheetRatingField | WorksheetTable

export type WorksheetModel = {
  exerciseId: string
  title: string
  moduleTitle: string
  intro: string
  parts: WorksheetPart[]
  /** True when at least one answer survived checking: a filled worksheet is worth offering. */
  hasAnswers: boolean
}

// What a saved value must be to be shown; anything else is dropped rather than trusted.
const RecordSchema = z.record(z.string(), z.unknown())
const TextSchema = z.string()
const RatingSchema = z.number().int().min(RATING_MIN).max(RATING_MAX)
type Answers = z.infer<typeof RecordSchema>

const asRecord = (value: unknown): Answers => RecordSchema.safeParse(value).data ?? {}

/** Own keys only: an id such as "constructor" must not find Object.prototype's. */
const own = (record: Answers, key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined)

/** Control characters (other than line breaks) print as junk glyphs or nothing, so they go. */
const CONTROL = /[^\P{Cc}\n]/gu

function textValue(value: unknown, multiline: boolean): string | null {
  const parsed = TextSchema.safeParse(value)
  if (!parsed.success) return null
  let text = parsed.data.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, '')
  // A one-line answer that somehow holds line breaks still belongs on one line.
  if (!multiline) text = text.replace(/\s*\n\s*/g, ' ')
  text = text.replace(/[ \u00a0]+$/gm, '').trim()
  return text === '' ? null : text
}

function ratingValue(value: unknown): string | null {
  const parsed = RatingSchema.safeParse(value)
  return parsed.success ? String(parsed.data) : null
}

function displayValue(kind: 'short' | 'long' | 'rating', value: unknown): string | null {
  return kind === 'rating' ? ratingValue(value) : textValue(value, kind === 'long')
}

function fieldPart(field: ExerciseField, value: unknown): WorksheetTextField | WorksheetRatingField {
  const base = { id: field.id, label: field.label, hint: field.hint ?? null }
  if (field.kind === 'rating') {
    return {
      ...base,
      kind: 'rating',
      scale: RATING_SCALE,
      minLabel: field.minLabel ?? null,
      maxLabel: field.maxLabel ?? null,
      value: ratingValue(value),
    }
  }
  return { ...base, kind: field.kind, value: textValue(value, field.kind === 'long') }
}

function tablePart(table: ExerciseTable, value: unknown): WorksheetTable {
  const saved = Array.isArray(value) ? value : []
  const rows: WorksheetRow[] = Array.from({ length: table.rows }, (_, index) => {
    const row = asRecord(saved[index])
    const cells = table.columns.map((column) => ({
      columnId: column.id,
      kind: column.kind,
      value: displayValue(column.kind, own(row, column.id)),
    }))
    return { number: index + 1, cells }
  })
  return {
    id: table.id,
    kind: 'table',
    label: table.label,
    hint: table.hint ?? null,
    columns: table.columns.map((column) => ({
      id: column.id,
      kind: column.kind,
      label: column.label,
      scale: column.kind === 'rating' ? RATING_SCALE : null,
    })),
    rows,
  }
}

const partHasValue = (part: WorksheetPart): boolean =>
  part.kind === 'table' ? part.rows.some((row) => row.cells.some((cell) => cell.value !== null)) : part.value !== null

/**
 * The worksheet for `exercise` in the module titled `moduleTitle`, with `answer` when given.
 * Answers to parts the exercise no longer has are ignored; a value of the wrong type, a rating
 * that is not a whole number from 0 to 10, and table rows beyond the table's size are dropped,
 * so an answer saved under an older version of the exercise can never break the worksheet.
 */
export function worksheetModel(
  exercise: Exercise,
  moduleTitle: string,
  answer?: ExerciseAnswer | null,
): WorksheetModel {
  const answers = asRecord(answer)
  const parts = exercise.parts.map((part) =>
    part.kind === 'table' ? tablePart(part, own(answers, part.id)) : fieldPart(part, own(answers, part.id)),
  )
  return {
    exerciseId: exercise.id,
    title: exercise.title,
    moduleTitle,
    intro: exercise.intro,
    parts,
    hasAnswers: parts.some(partHasValue),
  }
}

/** The same worksheet with every answer removed: what a blank worksheet shows. */
export function withoutAnswers(model: WorksheetModel): WorksheetModel {
  const parts = model.parts.map((part): WorksheetPart => {
    if (part.kind !== 'table') return { ...part, value: null }
    const rows = part.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, value: null })) }))
    return { ...part, rows }
  })
  return { ...model, parts, hasAnswers: false }
}
