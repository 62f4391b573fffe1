// Pieces every studio item page shares: the tabs between an item's pages, the error summary at
// the top of the editor, and the form that sends a draft for review.
import { Form, Link } from '@remix-run/react'
import { type FieldState, valueAt } from '#app/components/forms.tsx'

const TABS: Array<[string, string]> = [
  ['edit', 'Edit'],
  ['source', 'Source (YAML)'],
  ['preview', 'Preview'],
  ['review', 'Review'],
  ['versions', 'Versions'],
]

export function ItemTabs({ kind, itemId, current }: { kind: string; itemId: string; current: string }) {
  const base = `/studio/${kind}/${itemId}`
  return (
    <nav aria-label="This item">
      <ul className="item-tabs">
        {TABS.filter(([tab]) => tab !== 'preview' || kind === 'module').map(([tab, label]) => (
          <li key={tab}>
            <Link to={tab === 'edit' ? base : `${base}/${tab}`} aria-current={tab === current ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export function ErrorSummary({ errors }: { errors: ReadonlyArray<{ message: string; href: string | null }> }) {
  if (errors.length === 0) return null
  return (
    <div className="error-summary" role="region" aria-labelledby="error-summary-heading">
      <h2 id="error-summary-heading">
        {errors.length === 1 ? 'One thing to fix' : `${errors.length} things to fix`} before this can be published
      </h2>
      <p className="hint">The draft is saved as it is. Each problem is also shown next to its field.</p>
      <ul>
        {errors.map((e) => (
          <li key={`${e.href}-${e.message}`}>{e.href ? <a href={e.href}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  )
}

export function SubmitForReview({ valid }: { valid: boolean }) {
  return (
    <Form method="post" className="submit-review">
      <h2>Send for review</h2>
      {valid ? (
        <p>Another clinician checks the change before any client sees it.</p>
      ) : (
        <p>Fix the errors above first: a draft with errors cannot be sent for review.</p>
      )}
      <div className="field">
        <label htmlFor="change-note">What did you change, and why?</label>
        <textarea id="change-note" name="changeNote" rows={3} />
      </div>
      <button type="submit" name="intent" value="submit" className="button">
        Send for review
      </button>
    </Form>
  )
}

/** Starts a draft of this item from what clients get now; posts to the page it is on. */
export function StartDraft({ title }: { title: string }) {
  return (
    <Form method="post">
      <p>
        Nothing is being worked on. Start a draft to change it: clients keep getting what they get now until a second
        clinician approves your change and it is published.
      </p>
      <button type="submit" name="intent" value="start-draft" className="button">
        Start a draft<span className="visually-hidden"> of {title}</span>
      </button>
    </Form>
  )
}

/** The editor's main button: every post saves the draft, this one does nothing else. */
export function SaveDraftButton() {
  return (
    <div className="actions">
      <button type="submit" name="intent" value="save" className="button">
        Save draft
      </button>
    </div>
  )
}

/** Move a step or a part up or down, as form posts (`up:i`, `down:i`); `what`: "step", "part". */
export function MoveButtons({ index, count, what }: { index: number; count: number; what: string }) {
  return (
    <>
      <button
        type="submit"
        name="intent"
        value={`up:${index}`}
        className="button button-secondary"
        disabled={index === 0}
      >
        Move up
        <span className="visually-hidden">
          {' '}
          {what} {index + 1}
        </span>
      </button>
      <button
        type="submit"
        name="intent"
        value={`down:${index}`}
        className="button button-secondary"
        disabled={index === count - 1}
      >
        Move down
        <span className="visually-hidden">
          {' '}
          {what} {index + 1}
        </span>
      </button>
    </>
  )
}

/** A studio editor's field: its id (from its name), its errors and its value. */
export function editorField(name: string, errors: Record<string, string[]>, defaultValue?: string): FieldState {
  const id = `editor-${name.replace(/[^a-zA-Z0-9_-]+/g, '-')}`
  return { id, name, errorId: `${id}-error`, errors: errors[name], defaultValue }
}

/** The editor's fields, each with its value read from the form's values by name. */
export function editorFieldFor(values: unknown, errors: Record<string, string[]>) {
  return (name: string): FieldState => editorField(name, errors, valueAt(values, name))
}
