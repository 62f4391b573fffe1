// A progress chart drawn on the server as a plain SVG, so a page needs no chart library on its
// first load (the progress page) or no scripts at all (a key worker's client page): the same spec as the browser's recharts chart (chart-spec.ts), with
// stacked bars, an optional line on its own scale at the right, a few gridlines and a key. The
// SVG is one image to screen readers, named by the spec's label; the numbers are in the table
// beside it. Every text is escaped. It is drawn 360 units wide with 14-unit text, so on a 360 px
// phone (a column about 328 px wide) every label shows at 12 px or more (issue 16 item 2).
import { type ChartSeries, type ChartSpec, COLOURS } from '#app/components/chart-spec.ts'
import { escapeHtml } from '#app/components/progress-parts.tsx'

const W = 360
const TEXT = 'fill="#333333" font-size="14"'
/** About how wide a character of that text is, to fit names along the bottom and down the side. */
const CHAR = 8
const GRID = 'stroke="#dddddd" stroke-dasharray="3 3"'

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0)
const fixed = (value: number) => Number(value.toFixed(1))

/** A round top for the scale (1, 2, 5, 10, 20, 50…) at or above `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(max))
  const step = [1, 2, 5, 10].find((n) => n * power >= max) ?? 10
  return step * power
}

/** Each row's bars as [series, start, end] along the value scale, stacked where series share a stack. */
function stacked(row: Record<string, unknown>, bars: ChartSeries[]) {
  const tops = new Map<string, number>()
  return bars.map((bar, i) => {
    const group = bar.stack ?? `own-${i}`
    const start = tops.get(group) ?? 0
    const end = start + num(row[bar.key])
    tops.set(group, end)
    return { bar, start, end }
  })
}

function key(series: ChartSeries[]): string {
  const items = series
    .map(
      (s) =>
        // A drawn swatch, not a styled one: the Content-Security-Policy allows no inline styles.
        `<li><svg class="chart-swatch" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" fill="${COLOURS[s.colour]}"/></svg>${escapeHtml(s.name)}</li>`,
    )
    .join('')
  return `<ul class="chart-key">${items}</ul>`
}

/** The chart as HTML: the SVG, then its key. */
export function staticChart(spec: ChartSpec): string {
  const { label, rows, bars, line, across = false } = spec
  const segments = rows.map((row) => stacked(row, bars))
  const top = niceMax(Math.max(0, ...segments.flat().map((s) => s.end)))
  const svg = across ? acrossSvg(spec, segments, top) : upSvg(spec, segments, top)
  return `<svg viewBox="0 0 ${W} ${svg.height}" class="static-chart" role="img" aria-label="${escapeHtml(label)}">${svg.body}</svg>${key(line ? [...bars, line] : bars)}`
}

type Segments = ReturnType<typeof stacked>[]

/** Bars standing up, one per row, names along the bottom (as many as fit). */
function upSvg({ rows, category, line }: ChartSpec, segments: Segments, top: number) {
  const height = 240
  const [left, right, upper, lower] = [34, line ? 30 : 8, 10, 28]
  const plotW = W - left - right
  const plotH = height - upper - lower
  const band = plotW / Math.max(1, rows.length)
  const y = (value: number) => fixed(upper + plotH - (value / top) * plotH)
  let body = ''
  for (const tick of [0, top / 2, top]) {
    body += `<line x1="${left}" x2="${W - right}" y1="${y(tick)}" y2="${y(tick)}" ${GRID}/>`
    body += `<text x="${left - 6}" y="${y(tick) + 4}" text-anchor="end" ${TEXT}>${fixed(tick)}</text>`
  }
  // As many names along the bottom as fit side by side.
  const longest = Math.max(1, ...rows.map((row) => String(row[category] ?? '').length))
  const every = Math.max(1, Math.ceil((rows.length * (longest * CHAR + 10)) / plotW))
  rows.forEach((row, i) => {
    const x = left + i * band
    for (const { bar, start, end } of segments[i] ?? [])
      if (end > start)
        body += `<rect x="${fixed(x + band * 0.15)}" y="${y(end)}" width="${fixed(band * 0.7)}" height="${fixed(y(start) - y(end))}" fill="${COLOURS[bar.colour]}"/>`
    if (i % every === 0)
      body += `<text x="${fixed(x + band / 2)}" y="${height - 8}" text-anchor="middle" ${TEXT}>${escapeHtml(String(row[category] ?? ''))}</text>`
  })
  if (line) {
    const values = rows.map((row) => row[line.key])
    const lineTop = line.max ?? niceMax(Math.max(0, ...values.map(num)))
    const ly = (value: number) => fixed(upper + plotH - (value / lineTop) * plotH)
    // A gap where a row has no value (no urges that day), rather than a drop to nought.
    let path = ''
    let drawing = false
    values.forEach((value, i) => {
      if (typeof value !== 'number') {
        drawing = false
        return
      }
      path += `${drawing ? 'L' : 'M'}${fixed(left + i * band + band / 2)},${ly(value)} `
      drawing = true
    })
    if (path) body += `<path d="${path.trim()}" fill="none" stroke="${COLOURS[line.colour]}" stroke-width="2"/>`
    if (rows.length <= 31)
      values.forEach((value, i) => {
        if (typeof value === 'number')
          body += `<circle cx="${fixed(left + i * band + band / 2)}" cy="${ly(value)}" r="3" fill="${COLOURS[line.colour]}"/>`
      })
    for (const tick of [0, lineTop])
      body += `<text x="${W - right + 6}" y="${ly(tick) + 4}" ${TEXT}>${fixed(tick)}</text>`
  }
  return { height, body }
}

/**
 * Bars lying across, one per row, for long names such as goals: each name on its own line above
 * its bar, across the whole width, so a phone shows it at a readable size.
 */
function acrossSvg({ rows, category }: ChartSpec, segments: Segments, top: number) {
  const [left, right, upper, lower, nameH, barH, gap] = [8, 16, 8, 24, 18, 20, 8]
  const rowH = nameH + barH + gap
  const height = upper + rows.length * rowH + lower
  const plotW = W - left - right
  const x = (value: number) => fixed(left + (value / top) * plotW)
  let body = ''
  for (const tick of [0, top / 2, top]) {
    body += `<line x1="${x(tick)}" x2="${x(tick)}" y1="${upper}" y2="${height - lower}" ${GRID}/>`
    const anchor = tick === 0 ? 'start' : tick === top ? 'end' : 'middle'
    body += `<text x="${x(tick)}" y="${height - 6}" text-anchor="${anchor}" ${TEXT}>${fixed(tick)}</text>`
  }
  // A long name is cut to fit the width; the table under the chart has it whole.
  const fit = Math.floor(plotW / CHAR)
  rows.forEach((row, i) => {
    const y0 = upper + i * rowH
    const name = String(row[category] ?? '')
    const short = name.length > fit ? `${name.slice(0, fit - 1)}…` : name
    body += `<text x="${left}" y="${y0 + nameH - 5}" ${TEXT}>${escapeHtml(short)}</text>`
    for (const { bar, start, end } of segments[i] ?? [])
      if (end > start)
        body += `<rect x="${x(start)}" y="${y0 + nameH}" width="${fixed(x(end) - x(start))}" height="${barH}" fill="${COLOURS[bar.colour]}"/>`
  })
  return { height, body }
}
