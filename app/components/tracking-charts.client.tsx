// Charts for the progress page, drawn with recharts in the browser only: the page loads this
// module lazily after hydration, so the first load, the server render and no-JavaScript visits
// carry none of it (they get the tables). One component draws every chart from a small spec
// (chart-spec.ts); static-chart.ts draws the same spec as a plain SVG for pages without scripts.
// The numbers are always in the table beside it; the chart's accessible name summarises them.
import { useEffect } from 'react'
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { type ChartProps, COLOURS } from '#app/components/chart-spec.ts'

const TICK = { fontSize: 12, fill: '#333333' }

export default function TrackingChart({ label, rows, category, bars, line, across = false, onReady }: ChartProps) {
  useEffect(() => onReady?.(), [onReady])
  // Long names need room at the side; a phone is narrow, so keep it to about a third.
  const nameWidth = across ? Math.min(160, Math.max(...rows.map((r) => String(r[category]).length)) * 7) : 0
  const height = across ? Math.max(140, rows.length * 36 + 60) : 240
  return (
    <div className="progress-chart" role="img" aria-label={label} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={rows}
          layout={across ? 'vertical' : 'horizontal'}
          accessibilityLayer={false}
          margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
        >
          <CartesianGrid stroke="#dddddd" strokeDasharray="3 3" />
          {across ? (
            <>
              <XAxis type="number" allowDecimals={false} tick={TICK} />
              <YAxis type="category" dataKey={category} width={nameWidth} tick={TICK} />
            </>
          ) : (
            <>
              <XAxis dataKey={category} tick={TICK} minTickGap={8} />
              <YAxis allowDecimals={false} tick={TICK} width={40} />
            </>
          )}
          {line ? (
            <YAxis yAxisId="line" orientation="right" domain={[0, line.max ?? 'auto']} tick={TICK} width={32} />
          ) : null}
          <Tooltip />
          {/* In the order given (not by name), in dark text: the series colours are too light for text. */}
          <Legend itemSorter={null} formatter={(value) => <span className="chart-legend">{value}</span>} />
          {bars.map((bar) => (
            <Bar
              key={bar.key}
              dataKey={bar.key}
              name={bar.name}
              fill={COLOURS[bar.colour]}
              stackId={bar.stack}
              isAnimationActive={false}
            />
          ))}
          {line ? (
            <Line
              yAxisId="line"
              dataKey={line.key}
              name={line.name}
              stroke={COLOURS[line.colour]}
              strokeWidth={2}
              dot={rows.length <= 31}
              isAnimationActive={false}
            />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}
