// A small server-rendered line chart of one score over time, with a table of the same numbers.
import { longDate } from '#app/utils/format.ts'

type Point = { at: string | Date; total: number; band: string | null }

const W = 320
const H = 120
const PAD = 28

/** "5 Dec 2026" (the day in UTC: a check-in's instant, drawn the same on the server and in the browser). */
const day = (at: string | Date) => longDate(new Date(at).toISOString())

/** The line, the points and the table's rows. */
function draw(title: string, points: Point[], max: number | null) {
  const top = max ?? Math.max(1, ...points.map((p) => p.total))
  const x = (i: number) => (points.length === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (points.length - 1))
  const y = (v: number) => H - PAD + 8 - (v / top) * (H - PAD - 8)
  const days = points.map((p) => day(p.at))
  return {
    top,
    path: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.total).toFixed(1)}`).join(' '),
    label: `${title} over time: ${points.map((p, i) => `${days[i]} ${p.total}`).join(', ')}`,
    dots: points.map((p, i) => ({ key: `${days[i]}-${i}`, cx: x(i), cy: y(p.total) })),
    rows: points.map((p, i) => ({ key: `${days[i]}-${i}`, day: days[i], total: p.total, band: p.band ?? '–' })),
  }
}

export function ScoreHistoryChart({ title, points, max }: { title: string; points: Point[]; max: number | null }) {
  const chart = draw(title, points, max)
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="history-chart" role="img" aria-label={chart.label}>
        <line x1={PAD} y1={H - PAD + 8} x2={W - PAD} y2={H - PAD + 8} className="history-axis" />
        <path d={chart.path} className="history-line" />
        {chart.dots.map((dot) => (
          <circle key={dot.key} cx={dot.cx} cy={dot.cy} r={4} className="history-point" />
        ))}
        <text x={2} y={14} className="history-label">
          {chart.top}
        </text>
        <text x={2} y={H - PAD + 8} className="history-label">
          0
        </text>
      </svg>
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Score</th>
            <th scope="col">Band</th>
          </tr>
        </thead>
        <tbody>
          {chart.rows.map((row) => (
            <tr key={row.key}>
              <td data-label="Date">{row.day}</td>
              <td data-label="Score">{row.total}</td>
              <td data-label="Band">{row.band}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
