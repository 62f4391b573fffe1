// The overdose guide's steps and the stimulants section, drawn from the one text in
// app/domain/safety/overdose-guide.ts. Without JavaScript every step is on the page; with it,
// public/offline-pages.js shows one step per screen with big Back and Next buttons (the list
// carries `data-guide` for it to find).
import {
  type GuideLine,
  OVERDOSE_GUIDE_SOURCES,
  OVERDOSE_GUIDE_STEPS,
  STIMULANT_GUIDE,
} from '#app/domain/safety/overdose-guide.ts'

function Line({ line }: { line: GuideLine }) {
  const at = line.strong ? line.text.indexOf(line.strong) : -1
  if (!line.strong || at < 0) return <>{line.text}</>
  return (
    <>
      {line.text.slice(0, at)}
      <strong>{line.strong}</strong>
      {line.text.slice(at + line.strong.length)}
    </>
  )
}

function Lines({ lines }: { lines: GuideLine[] }) {
  return lines.map((line) => (
    <p key={line.text}>
      <Line line={line} />
    </p>
  ))
}

function Group({ title, lines }: { title: string; lines: GuideLine[] }) {
  return (
    <div className="guide-group">
      <h3>{title}</h3>
      <ul>
        {lines.map((line) => (
          <li key={line.text}>
            <Line line={line} />
          </li>
        ))}
      </ul>
    </div>
  )
}

export function OverdoseGuideSteps() {
  return (
    <ol className="guide-steps" data-guide="" aria-label="Steps for opioids, alcohol and other downers">
      {OVERDOSE_GUIDE_STEPS.map((step, i) => (
        <li key={step.id} id={`step-${step.id}`} className="guide-step">
          <h2 tabIndex={-1}>
            <span className="guide-step-number">Step {i + 1}:</span> {step.title}
          </h2>
          {step.id === 'call' ? (
            <p>
              <a className="button guide-call-button" href="tel:999">
                Call 999
              </a>
            </p>
          ) : null}
          <Lines lines={step.lines} />
          {(step.groups ?? []).map((group) => (
            <Group key={group.title} title={group.title} lines={group.lines} />
          ))}
        </li>
      ))}
    </ol>
  )
}

export function StimulantGuide() {
  return (
    <section className="guide-stimulants" aria-labelledby="stimulants">
      <h2 id="stimulants">Cocaine, crack, speed or ecstasy: what is different</h2>
      <Lines lines={STIMULANT_GUIDE.intro} />
      {STIMULANT_GUIDE.signs.map((sign) => (
        <Group key={sign.title} title={sign.title} lines={sign.lines} />
      ))}
    </section>
  )
}

export function OverdoseGuideSources() {
  return (
    <div className="sources">
      <h2>Where this comes from</h2>
      <ul>
        {OVERDOSE_GUIDE_SOURCES.map((source) => (
          <li key={source}>{source}</li>
        ))}
      </ul>
    </div>
  )
}
