// The six-area profile: a colour-coded bar diagram (SVG, server-rendered, no JavaScript) and a
// table that says the same in words, so neither colour nor the picture is needed to read it.

export type AreaScore = {
  area: string
  name: string
  score: number
  band: { label: string; level: string; meaning?: string }
}

const BAR_WIDTH = 200
const ROW = 34

export function LifeAreaProfile({ areas }: { areas: AreaScore[] }) {
  const height = areas.length * ROW + 10
  return (
    <figure className="profile">
      <svg
        viewBox={`0 0 ${130 + BAR_WIDTH + 110} ${height}`}
        role="img"
        aria-labelledby="profile-title"
        className="profile-chart"
      >
        <title id="profile-title">
          Your six life areas, from most to least need:{' '}
          {areas.map((a) => `${a.name} ${a.score} out of 100 (${a.band.label})`).join('; ')}
        </title>
        {areas.map((a, i) => {
          const y = i * ROW + 5
          return (
            <g key={a.area}>
              <text x={0} y={y + 18} className="profile-name">
                {a.name}
              </text>
              <rect x={130} y={y + 4} width={BAR_WIDTH} height={20} className="profile-track" />
              <rect
                x={130}
                y={y + 4}
                width={(BAR_WIDTH * a.score) / 100}
                height={20}
                className={`profile-bar level-${a.band.level}`}
              />
              <text x={130 + BAR_WIDTH + 8} y={y + 18} className="profile-value">
                {a.score} · {a.band.label}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption>Higher scores mean more need. The table below says the same in words.</figcaption>
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
    </figure>
  )
}
