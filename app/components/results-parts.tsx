// Parts of the results page that lead it: where to start (the top suggested modules, each
// reason said once above the modules it explains) and what changed since the last check-in
// (in words: up, down or the same, and the level before and now).
import { Link } from '@remix-run/react'
import type { AreaChange, ScoreChange } from '#app/domain/assessment/changes.server.ts'
import { MONTHS } from '#app/utils/format.ts'

type Recommendation = { moduleId: string; title: string; reason: string }

/** How many suggested modules lead the page; the rest are on the module list. */
export const TOP_MODULES = 3

/** The top suggested modules, grouped under their reason so each reason shows once. */
export function WhereToStart({ recommendations }: { recommendations: Recommendation[] }) {
  const top = recommendations.slice(0, TOP_MODULES)
  const groups: Array<{ reason: string; modules: Recommendation[] }> = []
  for (const r of top) {
    const group = groups.find((g) => g.reason === r.reason)
    if (group) group.modules.push(r)
    else groups.push({ reason: r.reason, modules: [r] })
  }
  return (
    <section aria-labelledby="start-heading">
      <h2 id="start-heading">Where to start</h2>
      {groups.length === 0 ? (
        <p>Your answers show low need in every area. You can choose any module that interests you.</p>
      ) : (
        groups.map((g) => (
          <div key={g.reason} className="start-group">
            <p>{g.reason}:</p>
            <ul>
              {g.modules.map((m) => (
                <li key={m.moduleId}>
                  <Link to={`/modules/${m.moduleId}`}>
                    <strong>{m.title}</strong>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      <p>
        <Link to="/modules">See all modules</Link>
      </p>
    </section>
  )
}

/** "24 Oct 2026" for the local date 2026-10-24. */
function spoken(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`
}

export function WhatChanged({
  changes,
}: {
  changes: { previousDate: string; scores: ScoreChange[]; areas: AreaChange[] }
}) {
  return (
    <section aria-labelledby="changed-heading">
      <h2 id="changed-heading">What changed since your last check-in</h2>
      <p>Compared with your check-in on {spoken(changes.previousDate)}.</p>
      {changes.scores.length > 0 ? (
        <ul className="changes">
          {changes.scores.map((s) => (
            <li key={s.instrumentId} data-direction={s.direction}>
              <strong>{s.title}</strong>: {s.words}
            </li>
          ))}
        </ul>
      ) : null}
      {changes.areas.length > 0 ? (
        <>
          <h3>Life areas</h3>
          <p>A lower score means less need.</p>
          <ul className="changes">
            {changes.areas.map((a) => (
              <li key={a.area} data-direction={a.direction}>
                <strong>{a.name}</strong>: {a.words}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
