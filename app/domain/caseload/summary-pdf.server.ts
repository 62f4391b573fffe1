// The session summary as an A4 PDF for a key worker to keep with their notes or print for a
// session. The same data as the page (session-summary.server.ts), in the type and layout cursor
// of the worksheets: large type in embedded Unicode fonts, headings, and tables as plain aligned rows, which survive
// printing in black and white and read in order in a screen reader.
import { countOf, ukUnits } from '#app/domain/tracking/amounts.ts'
import { dayMonth, longDate, oneDecimal, plural, pounds } from '#app/utils/format.ts'
import {
  BODY,
  BOLD,
  framePages,
  ITALIC,
  Layout,
  LEFT,
  lineHeight,
  MUTED,
  openA4,
  REGULAR,
  RULE,
  SIZE,
  type Style,
  textWidth,
  WIDTH,
  wrap,
} from '#app/utils/pdf-layout.server.ts'
import type { SessionSummary } from './summary.server.ts'

export const CONFIDENTIAL = 'Confidential: shared by the client for their care. Do not pass on.'
export const NOT_SHARED = 'Not shared by the client.'

const HEADING: Style = { font: BOLD, size: SIZE.heading }
const HEAD: Style = { font: BOLD, size: SIZE.small }
const CELL: Style = { font: REGULAR, size: SIZE.small }
const NOTE: Style = { font: ITALIC, size: SIZE.small, color: MUTED }
const GAP = 10

/** "21 Nov 2026": the range may cross a new year, so the year is always written. */

/** `share`: the column's part of the width (points, or any proportion). */
type Column = { label: string; share: number; right?: boolean }

/**
 * A table as aligned rows: a bold header with a rule under it, then each row's cells wrapped in
 * their column. `share`s set the column widths. A row is never split; the header repeats on a new page.
 */
function rows(layout: Layout, columns: Column[], body: string[][]) {
  const { doc } = layout
  const total = columns.reduce((sum, c) => sum + c.share, 0)
  const widths = columns.map((c) => (c.share / total) * WIDTH)
  const xs = widths.map((_, i) => LEFT + widths.slice(0, i).reduce((a, b) => a + b, 0))
  const cellLines = (cells: string[], style: Style) =>
    cells.map((text, i) => wrap(doc, text, style, (widths[i] ?? 0) - GAP))
  const draw = (lines: string[][], style: Style) => {
    const height = Math.max(1, ...lines.map((l) => l.length)) * lineHeight(style)
    lines.forEach((cell, i) => {
      cell.forEach((text, n) => {
        const x = columns[i]?.right
          ? (xs[i] ?? LEFT) + (widths[i] ?? 0) - GAP - textWidth(doc, text, style)
          : (xs[i] ?? LEFT)
        layout.line(text, style, x, layout.y + n * lineHeight(style))
      })
    })
    layout.y += height
  }
  const header = cellLines(
    columns.map((c) => c.label),
    HEAD,
  )
  const headHeight = Math.max(...header.map((l) => l.length)) * lineHeight(HEAD) + 4
  const drawHeader = () => {
    draw(header, HEAD)
    doc
      .moveTo(LEFT, layout.y + 1)
      .lineTo(LEFT + WIDTH, layout.y + 1)
      .lineWidth(0.75)
      .stroke(RULE)
    layout.y += 4
  }
  const first = body[0] ? cellLines(body[0], CELL) : []
  layout.keep(headHeight + Math.max(1, ...first.map((l) => l.length)) * lineHeight(CELL))
  drawHeader()
  for (const row of body) {
    const lines = cellLines(row, CELL)
    const height = Math.max(1, ...lines.map((l) => l.length)) * lineHeight(CELL) + 3
    const before = layout.doc.bufferedPageRange().count
    layout.keep(height)
    if (layout.doc.bufferedPageRange().count !== before) drawHeader()
    draw(lines, CELL)
    layout.y += 3
  }
  layout.y += GAP
}

function section(layout: Layout, title: string, shared: boolean, body: () => void) {
  // A heading alone at the foot of a page reads as an empty section.
  layout.keep(lineHeight(HEADING) + 3 * lineHeight(BODY))
  layout.y += 6
  layout.paragraph(title, HEADING, 4)
  if (shared) body()
  else layout.paragraph(NOT_SHARED, NOTE, GAP)
}

const CHANGE: Record<string, string> = { better: 'better', worse: 'worse', same: 'no change' }
const OUTCOME: Record<string, string> = { done: 'done', partly: 'partly', not: 'not done' }
const STATUS: Record<string, string> = { active: 'active', done: 'marked done', dropped: 'dropped' }

function content(layout: Layout, s: SessionSummary) {
  const text = (value: string, style: Style = BODY, gap = 4) => layout.paragraph(value, style, gap)

  section(layout, 'Flags now', true, () => {
    if (s.flags.length === 0) text('No flags at the moment.', BODY, GAP)
    for (const flag of s.flags) text(`${flag.label}: ${flag.detail}`, BODY, 6)
  })

  section(layout, 'Scores and changes', s.scores !== null, () => {
    if (!s.scores?.length) return text('No check-in scores completed in this range.', BODY, GAP)
    // Within a table a date omits the year of the range's end, so five columns fit at 13 pt.
    const year = s.range.to.slice(0, 4)
    const short = (date: string) => (date.startsWith(year) ? dayMonth(date) : longDate(date))
    rows(
      layout,
      [
        { label: 'Measure', share: 140 },
        { label: 'Date', share: 58 },
        { label: 'Score', share: 110 },
        { label: 'Before', share: 82 },
        { label: 'Change', share: 93 },
      ],
      s.scores.map((score) => [
        score.title,
        short(score.date),
        `${score.total}${score.max === null ? '' : ` / ${score.max}`}${score.band ? `\n${score.band}` : ''}`,
        score.previous ? `${score.previous.total} on ${short(score.previous.date)}` : 'First score',
        score.change === null
          ? '–'
          : `${score.change > 0 ? '+' : ''}${score.change}${score.direction ? ` (${CHANGE[score.direction]})` : ''}`,
      ]),
    )
    const lower = s.scores.every((score) => score.lowerIsBetter)
    text(
      lower
        ? 'On every measure here a lower score is better.'
        : 'Better or worse is given only where a lower score is known to be better.',
      NOTE,
      GAP,
    )
  })

  section(layout, 'Modules', s.modules !== null, () => {
    const { finished = [], inProgress = [] } = s.modules ?? {}
    text('Finished in this range', { ...BODY, font: BOLD })
    if (finished.length === 0) text('None.', BODY, 6)
    for (const m of finished) text(`${m.title}, finished ${longDate(m.date)}`)
    layout.y += 4
    text('In progress now', { ...BODY, font: BOLD })
    if (inProgress.length === 0) text('None.', BODY, GAP)
    for (const m of inProgress) text(`${m.title}: step ${m.step} of ${m.steps}, last worked on ${longDate(m.date)}`)
    layout.y += GAP
  })

  section(layout, 'Urges', s.urges !== null, () => {
    const u = s.urges
    if (!u || u.count === 0) return text('No urges logged in this range.', BODY, GAP)
    const unknown = u.count - u.rodeOut - u.used
    text(
      `${plural(u.count, 'urge')} logged. Average strength ${oneDecimal(u.avgStrength)} out of 10; strongest ${u.strongest}.`,
    )
    text(`Rode out: ${u.rodeOut}. Used: ${u.used}. Outcome not recorded: ${unknown}.`, BODY, GAP)
  })

  section(layout, 'Use', s.use !== null, () => {
    const u = s.use
    if (!u || (u.occasions === 0 && u.noUseDays === 0)) return text('Nothing logged in this range.', BODY, GAP)
    text(`Alcohol: ${ukUnits(u.alcoholUnits)}. Money spent: ${pounds(u.spendPence)}.`)
    text(
      `${plural(u.occasions, 'occasion')} of use on ${plural(u.useDays, 'day')}. No-use days: ${u.noUseDays} (days the client said "no use today" and logged none).`,
      BODY,
      8,
    )
    if (u.substances.length > 0)
      rows(
        layout,
        [
          { label: 'Substance', share: 3.4 },
          { label: 'Amount', share: 2.2, right: true },
          { label: 'Occasions', share: 1.6, right: true },
          { label: 'Spent', share: 1.6, right: true },
        ],
        u.substances.map((x) => [
          x.name,
          countOf(x.amount, x.unit ?? '').trim(),
          String(x.occasions),
          pounds(x.spendPence),
        ]),
      )
  })

  section(layout, 'Goals and check-ins', s.goals !== null, () => {
    if (!s.goals?.length) return text('No active goals and no check-ins in this range.', BODY, GAP)
    for (const g of s.goals) {
      layout.keep(3 * lineHeight(BODY))
      text(`${g.what}${g.status === 'active' ? '' : ` (${STATUS[g.status] ?? g.status})`}`, { ...BODY, font: BOLD })
      text(`Check-ins: done ${g.done}, partly ${g.partly}, not done ${g.not}.`)
      for (const n of g.notes) text(`${longDate(n.date)}, ${OUTCOME[n.outcome] ?? n.outcome}: "${n.note}"`, CELL, 3)
      if (g.moreNotes > 0) text(`And ${plural(g.moreNotes, 'earlier note')}.`, NOTE, 3)
      layout.y += 8
    }
  })
}

/** Header and footer on every page, drawn last so the footer can count the pages. */

/** The summary as an A4 PDF. Its metadata holds no client name: files get indexed and synced. */
export async function renderSessionSummaryPdf(summary: SessionSummary): Promise<Buffer> {
  const { doc, finished } = openA4('Session summary')
  // The layout cursor is the worksheets'; 'filled' only matters to answer spaces, unused here.
  const layout = new Layout(doc, 'filled')
  const range = `${longDate(summary.range.from)} to ${longDate(summary.range.to)}`
  layout.paragraph(`Session summary: ${summary.name}`, { font: BOLD, size: SIZE.title }, 6)
  layout.paragraph(
    `${range} (${plural(summary.range.days, 'day')}), in the client's calendar (${summary.timeZone}).`,
    BODY,
    2,
  )
  layout.paragraph(
    `Made ${longDate(summary.generatedAt.slice(0, 10))} at ${summary.generatedAt.slice(11)}, client's time.`,
    BODY,
    2,
  )
  layout.paragraph(CONFIDENTIAL, { ...BODY, font: BOLD }, 8)
  content(layout, summary)
  framePages(doc, CONFIDENTIAL, `Session summary, ${range}`)
  doc.end()
  return finished
}
