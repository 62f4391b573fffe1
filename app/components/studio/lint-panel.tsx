// The lint panel of a draft: what the shared validator found (errors first, then warnings),
// grouped under plain headings, and the reading age of each client-facing text with its hard
// words marked. Errors block publishing; warnings do not.
import type { TextReading } from '#programme/studio/reading.ts'

/** The shape of one issue from the shared validator (programme/engine/validate-document.ts). */
export type LintIssue = { rule: string; severity: 'error' | 'warning'; message: string; path: string; line?: number }

const HEADINGS: Record<string, string> = {
  yaml: 'The source does not read as YAML',
  schema: 'Fields missing or not allowed',
  sources: 'Missing sources',
  reference: 'Broken references',
  duplicate: 'The same id twice',
  path: 'Unreachable steps and routes that never end',
  text: 'Text files',
  'reading-age': 'Reading age',
  'safety-notice': 'Missing safety notices',
  'raw-html': 'Raw HTML',
  'outside-link': 'Links to other websites',
  'instrument-locked': 'Validated instrument changed',
}

export function LintPanel({ issues, readings }: { issues: readonly LintIssue[]; readings: readonly TextReading[] }) {
  const errors = issues.filter((i) => i.severity === 'error')
  const warnings = issues.filter((i) => i.severity === 'warning')
  const rules = [...new Set(issues.map((i) => i.rule))]
  const over = readings.filter((r) => r.over)
  return (
    <section className="lint-panel" aria-labelledby="lint-heading">
      <h2 id="lint-heading">Checks</h2>
      <p className={errors.length > 0 ? 'form-error' : 'notice'}>
        {errors.length === 0
          ? 'No errors: this draft can be sent for review.'
          : `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} to fix before this draft can be published.`}{' '}
        {warnings.length > 0 ? `${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}.` : ''}
      </p>
      {rules.map((rule) => (
        <div key={rule}>
          <h3>{HEADINGS[rule] ?? rule}</h3>
          <ul className="lint-list">
            {issues
              .filter((i) => i.rule === rule)
              .map((i) => (
                <li key={`${i.path}-${i.message}`} className={`lint-${i.severity}`}>
                  <strong>{i.severity === 'error' ? 'Error' : 'Warning'}</strong>
                  {i.line ? ` (line ${i.line})` : ''}: <code>{i.path}</code> {i.message}
                </li>
              ))}
          </ul>
        </div>
      ))}
      <details className="reading" open={over.length > 0}>
        <summary>
          Reading age of each text ({over.length} over 12 of {readings.filter((r) => r.age !== null).length} long enough
          to measure)
        </summary>
        <p className="hint">
          Words of three or more syllables are <mark>marked</mark>: they raise the reading age most. Texts under 20
          words are too short to measure.
        </p>
        <ul className="lint-list">
          {readings.map((r) => (
            <li key={r.path} className={r.over ? 'lint-warning' : undefined}>
              <code>{r.path}</code>: {r.age === null ? 'too short to measure' : `reading age about ${r.age}`}
              {r.over ? ' (over 12)' : ''}
              {r.over ? (
                <p className="reading-text">
                  {r.parts.map((p, i) => (p.hard ? <mark key={`${i}-${p.text}`}>{p.text}</mark> : p.text))}
                </p>
              ) : r.hardWords.length > 0 ? (
                <p className="reading-text">
                  Long words: {r.hardWords.map((w, i) => [i > 0 ? ', ' : '', <mark key={w}>{w}</mark>])}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </details>
    </section>
  )
}
