// Worksheets as PDF files: blank (to print and write on), filled (the client's own answers) and
// fillable (a form to type into on a phone). Text is drawn in embedded Unicode fonts, so it stays
// selectable in any script. Layout primitives are in app/utils/pdf-layout.server.ts.

import {
  BODY,
  BOLD,
  BOTTOM,
  framePages,
  INK,
  ITALIC,
  Layout,
  LEFT,
  lineHeight,
  MARGIN,
  MUTED,
  openA4,
  REGULAR,
  SHADE,
  SHORT_HEIGHT,
  SIZE,
  type Style,
  startForm,
  textWidth,
  WIDTH,
  WRITING_LINE,
  wrap,
} from '#app/utils/pdf-layout.server.ts'
import {
  RATING_MAX,
  RATING_MIN,
  type WorksheetKind,
  type WorksheetModel,
  type WorksheetPart,
  type WorksheetRatingField,
  type WorksheetTable,
  withoutAnswers,
} from '#programme/engine/index.ts'

const HEADING: Style = { font: BOLD, size: SIZE.heading }
const HINT: Style = { font: ITALIC, size: SIZE.small, color: MUTED }
const CELL_PAD = 6
const RATING_COLUMN = 96

/** The part's label and hint, kept on one page with the first `roomAfter` points of its answer. */
function heading(layout: Layout, part: WorksheetPart, roomAfter: number) {
  const label = wrap(layout.doc, part.label, HEADING, WIDTH).length * lineHeight(HEADING)
  const hint = part.hint ? wrap(layout.doc, part.hint, HINT, WIDTH).length * lineHeight(HINT) : 0
  layout.keep(label + hint + roomAfter)
  layout.paragraph(part.label, HEADING, 2)
  if (part.hint) layout.paragraph(part.hint, HINT, 4)
  layout.y += 4
}

function rating(layout: Layout, part: WorksheetRatingField) {
  const { doc, kind } = layout
  const ends = [
    part.minLabel && `${RATING_MIN} = ${part.minLabel}`,
    part.maxLabel && `${RATING_MAX} = ${part.maxLabel}`,
  ]
  const meaning = ends.filter(Boolean).join(', ')
  heading(layout, part, 100)
  layout.paragraph(`A number from ${part.scale}${meaning ? ` (${meaning})` : ''}.`, BODY, 8)
  if (kind === 'fillable') {
    layout.line('Your number:', BODY, LEFT, layout.y + 10)
    layout.field(part.id, part.label, { x: LEFT + 100, y: layout.y, w: 60, h: SHORT_HEIGHT }, part.value, false)
    layout.y += SHORT_HEIGHT + 16
    return
  }
  const chosen = kind === 'filled' ? part.value : null
  if (chosen !== null) layout.paragraph(`Your answer: ${chosen} out of ${RATING_MAX}`, { ...BODY, font: BOLD }, 6)
  else layout.paragraph('Circle one number.', { ...BODY, color: MUTED }, 6)
  // Eleven boxes to circle on paper; on a filled sheet the chosen one is shaded dark.
  const step = WIDTH / (RATING_MAX - RATING_MIN + 1)
  const size = 34
  const endStyle: Style = { font: REGULAR, size: SIZE.small, color: MUTED }
  const under = [part.minLabel, part.maxLabel].map((label) => (label ? wrap(doc, label, endStyle, WIDTH / 2 - 12) : []))
  const underHeight = Math.max(...under.map((lines) => lines.length)) * lineHeight(endStyle)
  layout.keep(size + 6 + underHeight)
  for (let n = RATING_MIN; n <= RATING_MAX; n++) {
    const x = LEFT + (n - RATING_MIN) * step + (step - size) / 2
    const picked = chosen === String(n)
    layout.box({ x, y: layout.y, w: size, h: size }, picked ? INK : undefined)
    const textX = x + (size - textWidth(doc, String(n), { font: BOLD, size: SIZE.body })) / 2
    layout.line(String(n), { font: BOLD, size: SIZE.body, color: picked ? '#ffffff' : INK }, textX, layout.y + 11)
  }
  layout.y += size + 6
  // What each end means sits under it, where a person circling a number will look.
  under.forEach((lines, end) => {
    lines.forEach((text, n) => {
      const x = end === 0 ? LEFT : LEFT + WIDTH - textWidth(doc, text, endStyle)
      layout.line(text, endStyle, x, layout.y + n * lineHeight(endStyle))
    })
  })
  layout.y += underHeight + 16
}

/**
 * A grid with a shaded header row that repeats on every page the table reaches. A row moves to
 * the next page whole when it fits there; a row taller than a page is split between lines.
 */
function table(layout: Layout, part: WorksheetTable) {
  const { doc, kind } = layout
  const ratings = part.columns.filter((c) => c.kind === 'rating').length
  const shorts = part.columns.length - ratings
  // Rating columns hold a number, so text columns get the room; all-rating tables share it out.
  const widths = part.columns.map((c) =>
    shorts === 0 ? WIDTH / ratings : c.kind === 'rating' ? RATING_COLUMN : (WIDTH - ratings * RATING_COLUMN) / shorts,
  )
  const xs = widths.map((_, i) => LEFT + widths.slice(0, i).reduce((a, b) => a + b, 0))
  const inner = (i: number) => (widths[i] ?? 0) - 2 * CELL_PAD
  const headStyle: Style = { font: BOLD, size: SIZE.small }
  const header = part.columns.map((c, i) =>
    wrap(doc, c.scale ? `${c.label} (${c.scale})` : c.label, headStyle, inner(i)),
  )
  const headHeight = Math.max(...header.map((l) => l.length)) * lineHeight(headStyle) + 2 * CELL_PAD
  const rowLine = lineHeight(BODY)
  const need = (cells: string[][]) =>
    Math.max(2 * WRITING_LINE + 6, Math.max(0, ...cells.map((l) => l.length)) * rowLine + 2 * CELL_PAD)
  const freshRoom = BOTTOM - MARGIN.top - rowLine - headHeight
  const minSplit = 2 * rowLine + 2 * CELL_PAD
  const rows = part.rows.map((row) =>
    row.cells.map((cell, i) => (kind === 'filled' && cell.value !== null ? wrap(doc, cell.value, BODY, inner(i)) : [])),
  )

  const drawHeader = () => {
    header.forEach((lines, i) => {
      const x = xs[i] ?? LEFT
      layout.box({ x, y: layout.y, w: widths[i] ?? 0, h: headHeight }, SHADE)
      lines.forEach((text, n) => {
        layout.line(text, headStyle, x + CELL_PAD, layout.y + CELL_PAD + n * lineHeight(headStyle))
      })
    })
    layout.y += headHeight
  }
  const continueOnNewPage = () => {
    layout.newPage()
    layout.paragraph(`${part.label} (continued)`, { ...BODY, font: BOLD }, 4)
    drawHeader()
  }

  const first = need(rows[0] ?? [])
  heading(layout, part, headHeight + (first <= freshRoom ? first : minSplit))
  drawHeader()
  part.rows.forEach((row, r) => {
    let pending = rows[r] ?? []
    while (true) {
      const height = need(pending)
      const room = BOTTOM - layout.y
      if (height > room && (height <= freshRoom || room < minSplit)) {
        continueOnNewPage()
        continue
      }
      const split = height > room
      const take = split ? Math.floor((room - 2 * CELL_PAD) / rowLine) : Number.POSITIVE_INFINITY
      part.columns.forEach((column, i) => {
        const box = { x: xs[i] ?? LEFT, y: layout.y, w: widths[i] ?? 0, h: split ? room : height }
        if (kind === 'fillable') {
          const label = `${part.label}, row ${row.number}: ${column.label}`
          // Table cells are narrow, so text wraps inside them rather than scrolling sideways.
          const multiline = column.kind === 'short'
          layout.field(`${part.id}_${row.number}_${column.id}`, label, box, row.cells[i]?.value ?? null, multiline)
        } else layout.box(box)
        pending[i]?.slice(0, take).forEach((text, n) => {
          layout.line(text, BODY, box.x + CELL_PAD, box.y + CELL_PAD + n * rowLine + (rowLine - SIZE.body) / 2)
        })
      })
      layout.y += split ? room : height
      pending = pending.map((l) => l.slice(take))
      if (pending.every((l) => l.length === 0)) break
      continueOnNewPage()
    }
  })
  layout.y += 18
}

const GUIDANCE: Record<WorksheetKind, string> = {
  blank: 'Write your answers in the spaces on this sheet.',
  filled: 'Your answers, as you saved them. Where a space is empty, you can write on the printed sheet.',
  fillable: 'Tap a box to type in it, then save the file to keep what you typed.',
}

/** Header and footer on every page, drawn last so the footer can count the pages. */

/**
 * The worksheet as an A4 PDF. A blank sheet never shows answers, whatever the model holds; a
 * fillable one starts with the model's answers in its fields (build the model without the answer
 * for an empty form).
 */
export async function renderWorksheetPdf(model: WorksheetModel, kind: WorksheetKind): Promise<Buffer> {
  const sheet = kind === 'blank' ? withoutAnswers(model) : model
  const { doc, finished } = openA4(sheet.title)

  if (kind === 'fillable') {
    startForm(doc)
  }
  const layout = new Layout(doc, kind)
  layout.paragraph(sheet.title, { font: BOLD, size: SIZE.title }, 8)
  layout.paragraph(sheet.intro, BODY, 6)
  layout.paragraph(GUIDANCE[kind], HINT, 18)
  for (const part of sheet.parts) {
    if (part.kind === 'table') table(layout, part)
    else if (part.kind === 'rating') rating(layout, part)
    else {
      heading(layout, part, part.kind === 'long' ? 90 : SHORT_HEIGHT)
      layout.answerSpace(part.id, part.label, part.value, part.kind === 'long')
    }
  }
  framePages(doc, `Foothold · ${sheet.moduleTitle}`, sheet.title)
  doc.end()
  return finished
}
