// The directory as a CSV file (docs/directory-csv.md): read with csv-parse, each row checked with
// EntrySchema, every problem reported by spreadsheet row and column, and written back with
// csv-stringify under the same header. Reading never writes: importEntries does, all or nothing.
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import type { DirectoryEntry } from '#db/schema/index.ts'
import { entryValues } from './entries.server.ts'
import { CSV_COLUMNS, type CsvColumn, type EntryInput, EntrySchema } from './entry-schema.ts'

/** More rows than any local area's directory; a bigger file is refused before rows are checked. */
export const MAX_CSV_ROWS = 2000
/** The most problems listed at once; the rest are counted. */
const MAX_LISTED = 50

/** `row` is the spreadsheet's row number: the header is row 1, the first entry row 2. */
export type CsvProblem = { row: number; column: CsvColumn | null; message: string }
export type CsvRead = { ok: true; entries: EntryInput[] } | { ok: false; problems: CsvProblem[]; more: number }

const refuse = (problems: CsvProblem[]): CsvRead => ({
  ok: false,
  problems: problems.slice(0, MAX_LISTED),
  more: Math.max(0, problems.length - MAX_LISTED),
})

function readRecords(text: string): string[][] | CsvProblem {
  try {
    return parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
      max_record_size: 64 * 1024,
    })
  } catch (error) {
    const line = (error as { lines?: number }).lines
    return {
      row: typeof line === 'number' ? line : 1,
      column: null,
      message: 'This line could not be read as CSV (check its quotes)',
    }
  }
}

/** Checks the header, then every row; entries only when every row is right. */
export function readDirectoryCsv(text: string): CsvRead {
  const records = readRecords(text)
  if (!Array.isArray(records)) return refuse([records])
  const [header = [], ...rows] = records
  const names = header.map((cell) => cell.trim().toLowerCase())
  const missing = CSV_COLUMNS.filter((column) => !names.includes(column))
  const unknown = names.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name))
  if (rows.length === 0 && names.length === 0) return refuse([{ row: 1, column: null, message: 'The file is empty' }])
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [
      missing.length ? `missing: ${missing.join(', ')}` : '',
      unknown.length ? `not known: ${unknown.join(', ')}` : '',
    ].filter(Boolean)
    return refuse([{ row: 1, column: null, message: `The header row is not the documented one (${parts.join('; ')})` }])
  }
  if (rows.length === 0) return refuse([{ row: 2, column: null, message: 'The file has a header but no entries' }])
  if (rows.length > MAX_CSV_ROWS)
    return refuse([{ row: MAX_CSV_ROWS + 2, column: null, message: `A file can hold at most ${MAX_CSV_ROWS} entries` }])

  const problems: CsvProblem[] = []
  const entries: EntryInput[] = []
  const seenIds = new Map<string, number>()
  rows.forEach((cells, index) => {
    const row = index + 2
    if (cells.length !== names.length) {
      problems.push({
        row,
        column: null,
        message: `This row has ${cells.length} cells; the header has ${names.length}`,
      })
      return
    }
    const record: Record<string, string | undefined> = {}
    names.forEach((name, i) => {
      // Undo the ' that export puts before a cell a spreadsheet would run ("+44 …" phone numbers).
      const cell = (cells[i]?.trim() ?? '').replace(/^'(?=[=+\-@])/, '')
      record[name] = cell === '' ? undefined : cell
    })
    const parsed = EntrySchema.safeParse(record)
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ row, column: (issue.path[0] as CsvColumn | undefined) ?? null, message: issue.message })
      return
    }
    const id = parsed.data.id
    if (id !== undefined) {
      const first = seenIds.get(id)
      if (first !== undefined) problems.push({ row, column: 'id', message: `The same id is on row ${first}` })
      else seenIds.set(id, row)
    }
    entries.push(parsed.data)
  })
  return problems.length > 0 ? refuse(problems) : { ok: true, entries }
}

/** A cell a spreadsheet would run as a formula gets a leading ' (as the tracking CSVs do). */
const safeCell = (value: string | null | undefined) => {
  const text = value ?? ''
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/** Every entry under the documented header: what the import reads back unchanged. */
export function directoryCsv(entries: DirectoryEntry[]): string {
  const rows = entries.map((entry) => {
    const cells: Partial<Record<CsvColumn, string>> = entryValues(entry)
    return CSV_COLUMNS.map((column) => safeCell(cells[column]))
  })
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' })
}
