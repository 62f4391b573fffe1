// The exercise editor: its wording, which parts must be filled in, table sizes, and its parts
// (add one of a kind chosen from a list, remove, move up or down), as one plain form: every button
// posts it. A part's id is shown but never edited (answers are kept by part id); re-typing a part
// is done in the source view.
import { Form, useActionData } from '@remix-run/react'
import { useEffect } from 'react'
import { CheckboxField, SelectField, TextAreaField, TextField } from '#app/components/forms.tsx'
import { type ExerciseForm, PART_KIND_NAMES, PART_KINDS } from '#programme/studio/exercise-form.ts'
import { editorFieldFor, MoveButtons, SaveDraftButton } from './item-parts.tsx'

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
  const parts = values.parts ?? []
  // With JavaScript, a refused post (a part that cannot be added) moves focus to the page's error,
  // above the form, so it is seen and read out (as useFormReply does).
  const reply = useActionData<{ message?: string }>()
  useEffect(() => {
    if (reply?.message) document.getElementById('item-error')?.focus()
  }, [reply])
  const field = editorFieldFor(values, errors)
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
      <h2 id="parts">Parts</h2>
      {parts.map((part, i) => (
        <fieldset key={part.id} className="editor-step" id={`step-${i + 1}`}>
          <legend>
            Part {i + 1}: {kindName(kinds[i])}
          </legend>
          <p className="hint">Its id (kept for good): {part.id}</p>
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
          <div className="actions">
            <MoveButtons index={i} count={parts.length} what="part" />
            <button
              type="submit"
              name="intent"
              value={`remove-part:${i}`}
              className="button button-secondary"
              disabled={parts.length === 1}
            >
              Remove<span className="visually-hidden"> part {i + 1}</span>
            </button>
          </div>
        </fieldset>
      ))}
      <fieldset id="add-part">
        <legend>Add a part</legend>
        <div className="editor-row">
          <SelectField
            field={{ ...field('newPartKind'), defaultValue: 'short' }}
            label="Kind of part"
            options={PART_KINDS.map((k) => [k, PART_KIND_NAMES[k]] as const)}
          />
          <SelectField
            field={{ ...field('newPartAt'), defaultValue: 'end' }}
            label="Where"
            options={[...parts.map((_, k) => [String(k), `After part ${k + 1}`] as const), ['end', 'At the end']]}
          />
        </div>
        <TextField field={{ ...field('newPartLabel'), defaultValue: '' }} label="Its label" />
        <TextField
          field={{ ...field('newPartId'), defaultValue: '' }}
          label="Its id (optional)"
          hint="Made from the label if you leave it empty. Lower-case letters, digits and hyphens; it cannot be changed later."
        />
        <button type="submit" name="intent" value="add-part" className="button button-secondary">
          Add the part
        </button>
      </fieldset>
      <SaveDraftButton />
    </Form>
  )
}

function kindName(kind: string | undefined): string {
  if (kind === 'table') return 'a table'
  if (kind === 'rating') return 'a 0 to 10 rating'
  if (kind === 'long') return 'a longer answer'
  return 'a short answer'
}
