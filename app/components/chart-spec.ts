// What a progress chart shows, as a small spec: drawn with recharts in the browser
// (tracking-charts.client.tsx) or as a plain SVG on the server (static-chart.ts), from the same spec.

export type ChartRow = Record<string, string | number | null>
// Okabe–Ito colours, told apart with the common kinds of colour blindness (gold darkened), each
// at least 3:1 against white as WCAG asks of the parts of a graphic.
export const COLOURS = { blue: '#0072B2', red: '#D55E00', green: '#009E73', gold: '#AA7A00', grey: '#767676' }

export type ChartSeries = { key: string; name: string; colour: keyof typeof COLOURS; stack?: string }

export type ChartProps = {
  /** Summarises the chart for screen readers (the chart is one image to them). */
  label: string
  rows: ChartRow[]
  /** The key of each row's name (a day, a trigger, a goal). */
  category: string
  bars: ChartSeries[]
  /** A line on its own scale at the right, e.g. average strength 0–10 over urge counts. */
  line?: ChartSeries & { max?: number }
  /** Bars run across, names down the side: for long names such as triggers. */
  across?: boolean
  /** Told once the chart is on screen, so the page can fold its tables away. */
  onReady?: () => void
}

export type ChartSpec = Omit<ChartProps, 'onReady'>
