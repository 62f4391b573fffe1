// A small server-rendered line chart of one score over time, with a table of the same numbers.
import { escapeHtml } from '#app/components/progress-parts.tsx'

type Point = { at: string | Date; total: number; band: string | null }

const W = 320
const H = 120
const PAD = 28

const day = (at: string | Date) => new Date(at).toISOString().slice(0, 10)

/**
 * The line, the points and the table's rows, worked out once for each list of points: a key
 * worker's client page gets the same list from its memo request after request.
 */
const drawn = new WeakMap<Point[], ReturnType<typeof draw>>()
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
    rows: points
      .map((p, i) => `<tr><td>${days[i]}</td><td>${p.total}</td><td>${escapeHtml(p.band ?? '–')}</td></tr>`)
      .join(''),
  }
}

export function ScoreHistoryChart({ title, points, max }: { title: string; points: Point[]; max: number | null }) {
  let chart = drawn.get(points)
  if (!chart) {
    chart = draw(title, points, max)
    drawn.set(points, chart)
  }
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
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: dates and numbers, and the band through escapeHtml */}
        <tbody dangerouslySetInnerHTML={{ __html: chart.rows }} />
      </table>
    </figure>
  )
}
