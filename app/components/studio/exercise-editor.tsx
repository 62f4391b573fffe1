// The exercise editor: its wording, which parts must be filled in, and table sizes, as one plain
// form. Adding, removing or re-typing parts is done in the source view (answers are kept by part id).
import { Form } from '@remix-run/react'
import { CheckboxField, type FieldState, TextAreaField, TextField, valueAt } from '#app/components/forms.tsx'
import type { ExerciseForm } from '#programme/studio/exercise-form.ts'

const FORM_ID = 'editor'

export function ExerciseEditor({
  hash,
  values,
  errors,
  kinds,
  hasTimer,
}: {
  hash: string
  values: ExerciseForm
  errors: Record<string, string[]>
  /** Each part's kind, in order. */
  kinds: string[]
  hasTimer: boolean
}) {
  const field = (name: string): FieldState => {
    const id = `${FORM_ID}-${name.replace(/[^a-zA-Z0-9_-]+/g, '-')}`
    return { id, name, errorId: `${id}-error`, errors: errors[name], defaultValue: valueAt(values, name) }
  }
  return (
    <Form method="post" id={FORM_ID} className="editor-form" noValidate>
      <input type="hidden" name="hash" value={hash} />
      <fieldset>
        <legend>About this exercise</legend>
        <TextField field={field('title')} label="Title" />
        <TextAreaField field={field('intro')} label="What it is and how to do it (printed on the worksheet)" rows={3} />
        <TextField field={field('version')} label="Version label" />
        {hasTimer ? <TextField field={field('timerLabel')} label="The timer’s label" /> : null}
        <TextAreaField field={field('sources')} label="Sources" hint="One per line." rows={3} />
      </fieldset>
      <h2>Parts</h2>
      {(values.parts ?? []).map((part, i) => (
        <fieldset key={part.id} className="editor-step" id={`step-${i + 1}`}>
          <legend>
            Part {i + 1}: {kinds[i] === 'table' ? 'a table' : kinds[i] === 'rating' ? 'a 0 to 10 rating' : 'text'}
          </legend>
          <input type="hidden" name={`parts[${i}].id`} value={part.id} />
          <TextField field={field(`parts[${i}].label`)} label="Label" />
          <TextField field={field(`parts[${i}].hint`)} label="Hint under it (optional)" />
          {kinds[i] === 'rating' ? (
            <div className="editor-row">
              <TextField field={field(`parts[${i}].minLabel`)} label="What 0 means" />
              <TextField field={field(`parts[${i}].maxLabel`)} label="What 10 means" />
            </div>
          ) : null}
          {kinds[i] === 'table' ? (
            <>
              <TextField field={field(`parts[${i}].rows`)} label="Rows (1 to 10)" />
              {(part.columns ?? []).map((column, k) => (
                <div key={column.id}>
                  <input type="hidden" name={`parts[${i}].columns[${k}].id`} value={column.id} />
                  <TextField field={field(`parts[${i}].columns[${k}].label`)} label={`Column ${k + 1}`} />
                </div>
              ))}
            </>
          ) : (
            <CheckboxField field={field(`parts[${i}].required`)} label="Must be filled in" />
          )}
        </fieldset>
      ))}
      <div className="actions">
        <button type="submit" name="intent" value="save" className="button">
          Save draft
        </button>
      </div>
    </Form>
  )
}
