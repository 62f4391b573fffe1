// A small server-rendered line chart of one score over time, with a table of the same numbers.

type Point = { at: string | Date; total: number; band: string | null }

const W = 320
const H = 120
const PAD = 28

export function ScoreHistoryChart({ title, points, max }: { title: string; points: Point[]; max: number | null }) {
  const top = max ?? Math.max(1, ...points.map((p) => p.total))
  const x = (i: number) => (points.length === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (points.length - 1))
  const y = (v: number) => H - PAD + 8 - (v / top) * (H - PAD - 8)
  const day = (at: string | Date) => new Date(at).toISOString().slice(0, 10)
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.total).toFixed(1)}`).join(' ')
  return (
    <figure>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="history-chart"
        role="img"
        aria-label={`${title} over time: ${points.map((p) => `${day(p.at)} ${p.total}`).join(', ')}`}
      >
        <line x1={PAD} y1={H - PAD + 8} x2={W - PAD} y2={H - PAD + 8} className="history-axis" />
        <path d={path} className="history-line" />
        {points.map((p, i) => (
          <circle key={`${day(p.at)}-${i}`} cx={x(i)} cy={y(p.total)} r={4} className="history-point" />
        ))}
        <text x={2} y={14} className="history-label">
          {top}
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
          {points.map((p, i) => (
            <tr key={`${day(p.at)}-${i}`}>
              <td>{day(p.at)}</td>
              <td>{p.total}</td>
              <td>{p.band ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
