// The six-area profile: a map of six tiles, one per life area, neediest first. Each tile says
// the area, its level in words ("High need") and its score, and carries a bar in the level's
// colour AND pattern (plain dots, stripes, cross-hatch), so nothing rests on colour alone and a
// key says what each pattern means. The text is page text, not text inside a scaled picture, so
// it is as large on a phone as anywhere else. A table with each level's meaning is one tap away.
import type { BandLevel } from '#programme/schema/common.schema.ts'

export type AreaScore = {
  area: string
  name: string
  score: number
  band: { label: string; level: string; meaning?: string }
}

export type AreaBand = { label: string; level: string }

/** Each level's pattern (and the colour its class gives it in app.css): never colour alone. */
export const AREA_PATTERNS: Record<BandLevel, { pattern: string; described: string }> = {
  none: { pattern: 'dots', described: 'dots' },
  low: { pattern: 'dots', described: 'dots' },
  moderate: { pattern: 'stripes', described: 'stripes' },
  high: { pattern: 'cross', described: 'cross-hatch' },
  severe: { pattern: 'cross', described: 'cross-hatch' },
}

const patternOf = (level: string) => AREA_PATTERNS[level as BandLevel] ?? AREA_PATTERNS.none

/** The patterns, drawn once per page and used by every bar and key swatch (white on the level's colour). */
function PatternDefs() {
  return (
    <svg className="area-defs" aria-hidden="true" focusable="false" width="0" height="0">
      <defs>
        <pattern id="area-pattern-dots" width="8" height="8" patternUnits="userSpaceOnUse">
          <circle cx="4" cy="4" r="1.6" fill="#ffffff" />
        </pattern>
        <pattern
          id="area-pattern-stripes"
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="3" height="8" fill="#ffffff" />
        </pattern>
        <pattern id="area-pattern-cross" width="8" height="8" patternUnits="userSpaceOnUse">
          <path d="M0 0L8 8M8 0L0 8" stroke="#ffffff" strokeWidth="1.6" />
        </pattern>
      </defs>
    </svg>
  )
}

/** A bar (or a key's swatch) in the level's colour, overlaid with its pattern. */
function Swatch({ level, width, className }: { level: string; width: string; className: string }) {
  return (
    <svg className={`${className} level-${level}`} aria-hidden="true" focusable="false">
      <rect width="100%" height="100%" className="area-track" />
      <rect width={width} height="100%" className="area-fill" />
      <rect width={width} height="100%" fill={`url(#area-pattern-${patternOf(level).pattern})`} />
    </svg>
  )
}

export function LifeAreaProfile({ areas, bands }: { areas: AreaScore[]; bands: AreaBand[] }) {
  return (
    <div className="profile">
      <PatternDefs />
      <ol className="area-map" aria-label="Your six life areas, from most to least need">
        {areas.map((a) => (
          <li key={a.area} className={`area-tile level-${a.band.level}`}>
            <span className="area-name">{a.name}</span>
            <span className="area-level">{a.band.label}</span>
            <Swatch level={a.band.level} width={`${a.score}%`} className="area-bar" />
            <span className="area-score">{a.score} out of 100</span>
          </li>
        ))}
      </ol>
      <ul className="area-key" aria-label="Key">
        {bands.map((b) => (
          <li key={b.label}>
            <Swatch level={b.level} width="100%" className="area-swatch" />
            {b.label} ({patternOf(b.level).described})
          </li>
        ))}
      </ul>
      <p className="hint">
        Higher scores mean more need. The areas are in order, the hardest first. This is Foothold's own check, not a
        medical test.
      </p>
      <details className="numbers">
        <summary>Show as a table</summary>
        <table>
          <caption>Your life areas</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">Score (out of 100)</th>
              <th scope="col">What it means</th>
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => (
              <tr key={a.area}>
                <th scope="row">{a.name}</th>
                <td data-label="Score (out of 100)">{a.score}</td>
                <td data-label="What it means">
                  <strong>{a.band.label}.</strong> {a.band.meaning}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  )
}
