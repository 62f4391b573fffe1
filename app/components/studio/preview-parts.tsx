// The preview page's parts: the phone-width frame showing one step as a client sees it (the same
// StepBody as /modules/:id), the list of every route (each one click), and the worksheet PDFs.
// The walk travels in links and GET forms, so it works without JavaScript and saves nothing.
import { Form, Link } from '@remix-run/react'
import { FormError, useFormReply } from '#app/components/forms.tsx'
import { StepBody, type StepView, stepDefaults } from '#app/components/module-step.tsx'
import type { previewPage } from '#app/domain/studio/ui-preview.server.ts'

type Page = NonNullable<Awaited<ReturnType<typeof previewPage>>>
type Preview = NonNullable<Page['preview']>
type Props = { base: string; versionId: string | null; preview: Preview }

const withVersion = (versionId: string | null, params: Record<string, string>) =>
  `?${new URLSearchParams({ ...(versionId ? { version: versionId } : {}), ...params })}`

export function PreviewFrame({ base, versionId, preview }: Props) {
  const { walk } = preview
  const route = walk.route !== null ? preview.routes.find((r) => r.number === walk.route) : undefined
  return (
    <section aria-labelledby="walk-heading">
      <h2 id="walk-heading">{route ? `Route ${route.number}` : 'Walk through it yourself'}</h2>
      {route ? (
        <p>
          Taken by {route.who}. Step {Math.min(walk.at + 1, route.steps.length)} of {route.steps.length}
          {walk.routeAnswer ? `: on this route the client ${walk.routeAnswer}.` : '.'}
        </p>
      ) : (
        <Form method="get" className="inline-form">
          {versionId ? <input type="hidden" name="version" value={versionId} /> : null}
          <input type="hidden" name="intent" value="restart" />
          <label htmlFor="preview-variant">Walk it as</label>{' '}
          <select id="preview-variant" name="variant" defaultValue={String(walk.variant)}>
            {preview.variants.map((v) => (
              <option key={v.index} value={v.index}>
                {v.who}
              </option>
            ))}
          </select>{' '}
          <button type="submit" className="button button-secondary">
            Start again
          </button>
        </Form>
      )}
      <div className="phone-frame">
        {walk.finished || !walk.step ? (
          <>
            <h3>Finished</h3>
            {walk.done.length > 0 ? (
              <ul>
                {walk.done.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : route ? (
          <RouteStep preview={preview} />
        ) : (
          <WalkForm versionId={versionId} preview={preview} />
        )}
      </div>
      {route ? (
        <p className="actions">
          {walk.at > 0 ? (
            <Link to={withVersion(versionId, { route: String(route.number), at: String(walk.at - 1) })}>
              Back a step
            </Link>
          ) : null}
          {walk.at < route.steps.length ? (
            <Link
              className="button"
              to={withVersion(versionId, { route: String(route.number), at: String(walk.at + 1) })}
            >
              Next on this route
            </Link>
          ) : null}
          <Link to={`${base}/preview${withVersion(versionId, {})}`}>Walk it yourself instead</Link>
        </p>
      ) : null}
    </section>
  )
}

function RouteStep({ preview }: { preview: Preview }) {
  const step = preview.walk.step as StepView
  const form = useFormReply('preview-step', null, stepDefaults(step, preview.walk.answer))
  const chosen = Array.isArray(preview.walk.answer) ? preview.walk.answer.map(String) : []
  return (
    <fieldset disabled className="preview-step">
      <h3>{step.title}</h3>
      <StepBody
        step={step}
        field={form.field}
        chosen={chosen}
        goalChoices={preview.goalChoices}
        worksheetBase="#worksheets"
      />
    </fieldset>
  )
}

function WalkForm({ versionId, preview }: { versionId: string | null; preview: Preview }) {
  const step = preview.walk.step as StepView
  const reply = preview.reply ?? null
  const form = useFormReply('preview-step', reply, stepDefaults(step, preview.walk.answer))
  const sent = reply?.initialValue?.choice
  const chosen = sent !== undefined ? [sent].flat().map(String) : []
  return (
    <Form method="get" {...form.props}>
      <p className="progress-label">
        Step {preview.walk.progress.step} of {preview.walk.progress.total}
      </p>
      <h3>{step.title}</h3>
      <FormError
        id={form.errorId}
        errors={reply?.error ? (form.errors ?? ['Please check the answers marked below.']) : undefined}
      />
      {versionId ? <input type="hidden" name="version" value={versionId} /> : null}
      <input type="hidden" name="variant" value={preview.walk.variant} />
      <input type="hidden" name="events" value={preview.walk.events} />
      <input type="hidden" name="step" value={step.id} />
      <StepBody
        step={step}
        field={form.field}
        chosen={chosen}
        goalChoices={preview.goalChoices}
        worksheetBase="#worksheets"
      />
      <div className="actions">
        <button type="submit" name="intent" value="next" className="button">
          {step.type === 'summary' ? 'Finish the module' : 'Save and continue'}
        </button>
        {step.optional ? (
          <button type="submit" name="intent" value="skip" className="button button-secondary">
            Skip this step
          </button>
        ) : null}
        {preview.walk.canGoBack ? (
          <button type="submit" name="intent" value="back" className="button button-secondary">
            Back
          </button>
        ) : null}
      </div>
    </Form>
  )
}

export function RouteList({ versionId, preview }: Props) {
  return (
    <section aria-labelledby="routes-heading">
      <h2 id="routes-heading">Every route through this module ({preview.routes.length})</h2>
      <p className="hint">
        Made from the module’s own steps and branches, with answers that take each turn, for clients with and without
        the check-in answers the module asks about.
      </p>
      <ol className="route-list">
        {preview.routes.map((r) => (
          <li key={r.number}>
            <Link to={withVersion(versionId, { route: String(r.number), at: '0' })}>
              Route {r.number}: {r.who}
            </Link>
            <p className="route-steps">
              {r.steps.map((s, i) => (
                <span
                  key={`${s.stepId}-${i}`}
                  className={preview.walk.route === r.number && preview.walk.at === i ? 'here' : undefined}
                >
                  {i > 0 ? ' → ' : ''}
                  {s.title} ({s.answer})
                </span>
              ))}
            </p>
          </li>
        ))}
      </ol>
      {preview.more ? <p className="hint">There are more routes than can be listed here.</p> : null}
    </section>
  )
}

export function WorksheetLinks({ base, versionId, preview }: Props) {
  if (preview.worksheets.length === 0) return null
  const query = withVersion(versionId, { variant: String(preview.walk.variant), events: preview.walk.events })
  return (
    <section id="worksheets" aria-labelledby="worksheets-heading">
      <h2 id="worksheets-heading">Worksheets</h2>
      <ul className="downloads">
        {preview.worksheets.map((w) => (
          <li key={w.stepId}>
            {w.title}:{' '}
            <a href={`${base}/worksheet/${w.stepId}/blank.pdf${query}`} download>
              blank
            </a>
            {' · '}
            <a href={`${base}/worksheet/${w.stepId}/fillable.pdf${query}`} download>
              fillable
            </a>
            {' · '}
            <a href={`${base}/worksheet/${w.stepId}/filled.pdf${query}`} download>
              filled with this walk’s answers
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
