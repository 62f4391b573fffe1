// The instrument editor: the only texts a service may change in a check-in questionnaire (H-029),
// its intro and each band's plain-language meaning. Each band's range of totals is shown beside its
// meaning, read-only: cut-offs, scores and items are never editable.
import { Form } from '@remix-run/react'
import { TextAreaField } from '#app/components/forms.tsx'
import type { InstrumentForm } from '#programme/studio/instrument-form.ts'
import { editorFieldFor, SaveDraftButton } from './item-parts.tsx'

const FORM_ID = 'editor'

export function InstrumentEditor({
  hash,
  values,
  errors,
  bands,
}: {
  hash: string
  values: InstrumentForm
  errors: Record<string, string[]>
  /** Each band's label and range, in order (read-only). */
  bands: Array<{ id: string; label: string; min: number; max: number }>
}) {
  const field = editorFieldFor(values, errors)
  return (
    <Form method="post" id={FORM_ID} className="editor-form" noValidate>
      <input type="hidden" name="hash" value={hash} />
      <p>
        You can change the words shown before the questions and what each score band means. The questions, their scores
        and the cut-offs between bands cannot be changed here.
      </p>
      <fieldset>
        <legend>Before the questions</legend>
        <TextAreaField field={field('intro')} label="Intro" rows={3} />
      </fieldset>
      <h2>Score bands</h2>
      {bands.length === 0 ? <p>This questionnaire has no score bands.</p> : null}
      {bands.map((band, i) => (
        <fieldset key={band.id} className="editor-step" id={`band-${i + 1}`}>
          <legend>
            {band.label}: a total of {band.min} to {band.max}
          </legend>
          <input type="hidden" name={`bands[${i}].id`} value={band.id} />
          <TextAreaField
            field={field(`bands[${i}].meaning`)}
            label="What it means, in plain words"
            hint="One or two short sentences. People see this with their score."
            rows={3}
          />
        </fieldset>
      ))}
      <SaveDraftButton />
    </Form>
  )
}
