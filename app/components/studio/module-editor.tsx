// The module editor: one form with the module's details and each step in order. Every button
// posts the whole form, so whatever was typed is saved with the operation the button asks for
// (add, remove or move a step, an option or a branch). Branches and "show only when" are chosen
// from lists built from the draft itself. It works the same without JavaScript.
import { Form } from '@remix-run/react'
import { CheckboxField, type FieldState, SelectField, TextAreaField, TextField } from '#app/components/forms.tsx'
import type { DraftModule, ModuleForm } from '#programme/studio/module-form.ts'
import { STEP_TYPE_NAMES, STEP_TYPES } from '#programme/studio/module-form.ts'
import { editorFieldFor, MoveButtons, SaveDraftButton } from './item-parts.tsx'

export type EditorLists = {
  areas: ReadonlyArray<readonly [string, string]>
  notices: ReadonlyArray<readonly [string, string]>
  exercises: ReadonlyArray<readonly [string, string]>
  /** Instruments with a total, for "score at least" conditions. */
  instruments: ReadonlyArray<readonly [string, string]>
  substances: readonly string[]
}

type Props = {
  /** The draft's hash, so a save over a newer draft is refused. */
  hash: string
  doc: DraftModule
  values: ModuleForm
  errors: Record<string, string[]>
  lists: EditorLists
  /** Markdown previews by file name (HTML rendered on the server, raw HTML escaped). */
  previews: Record<string, string>
}

const FORM_ID = 'editor'

/** Every condition the lists offer, as [code, words], from the draft's own steps. */
function conditionOptions(doc: DraftModule, lists: EditorLists, current: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (const step of doc.steps) {
    const title = String(step.title || step.id)
    if (step.type === 'choice')
      for (const o of (step.options ?? []) as Array<{ id: string; label?: string }>)
        out.push([`is:${step.id}:${o.id}`, `The answer to “${title}” is “${o.label || o.id}”`])
    if (step.type === 'rating') {
      out.push([`min:${step.id}`, `The rating for “${title}” is at least the number`])
      out.push([`max:${step.id}`, `The rating for “${title}” is at most the number`])
    }
  }
  for (const s of lists.substances) out.push([`substance:${s}`, `The client named ${s} in their check-in`])
  for (const [id, name] of lists.instruments) {
    out.push([`score-min:${id}`, `The ${name} score is at least the number`])
    out.push([`score-max:${id}`, `The ${name} score is at most the number`])
  }
  for (const code of current)
    if (code && !out.some(([c]) => c === code))
      out.push([code, code.startsWith('json:') ? 'A combined condition (change it in the source view)' : code])
  return out
}

export function ModuleEditor({ hash, doc, values, errors, lists, previews }: Props) {
  const field = editorFieldFor(values, errors)
  const steps = values.steps ?? []
  const stepChoices: Array<[string, string]> = doc.steps.map((s, i) => [
    s.id,
    `Step ${i + 1}: ${String(s.title || s.id)}`,
  ])
  const codes = steps.flatMap((s) => [s.when ?? '', ...(s.goto ?? []).map((g) => g.if ?? '')])
  const conditions = conditionOptions(doc, lists, codes)
  return (
    <Form method="post" id={FORM_ID} className="editor-form" noValidate>
      <input type="hidden" name="hash" value={hash} />
      <fieldset>
        <legend>About this module</legend>
        <TextField field={field('title')} label="Title" />
        <TextAreaField field={field('summary')} label="Summary for the module list" rows={2} />
        <div className="editor-row">
          <TextField field={field('minutes')} label="Minutes it takes (5 to 30)" />
          <TextField field={field('version')} label="Version label" hint="Change it when the steps change." />
        </div>
        <Checkboxes
          legend="Life areas"
          name="areas"
          chosen={values.areas ?? []}
          options={lists.areas}
          errors={errors.areas}
        />
        <Checkboxes
          legend="Safety notices"
          name="notices"
          chosen={values.notices ?? []}
          options={lists.notices}
          errors={errors.notices}
        />
        <TextAreaField
          field={field('sources')}
          label="Sources"
          hint="One per line: author, year, title. Every module must cite at least one."
          rows={3}
        />
      </fieldset>
      <SaveDraftButton />
      <h2>Steps</h2>
      {steps.map((step, i) => (
        <fieldset key={step.id} className="editor-step" id={`step-${i + 1}`}>
          <legend>
            Step {i + 1}: {step.title || STEP_TYPE_NAMES[step.type]}
          </legend>
          <StepErrors errors={errors} index={i} />
          <input type="hidden" name={`steps[${i}].id`} value={step.id} />
          {step.file ? <input type="hidden" name={`steps[${i}].file`} value={step.file} /> : null}
          <div className="editor-row">
            <SelectField
              field={field(`steps[${i}].type`)}
              label="Kind of step"
              options={STEP_TYPES.map((t) => [t, STEP_TYPE_NAMES[t]] as const)}
            />
            <TextField field={field(`steps[${i}].title`)} label="Heading" />
          </div>
          <StepFields i={i} type={step.type} field={field} lists={lists} stepChoices={stepChoices} />
          {step.type === 'read' || step.type === 'summary' ? (
            <>
              <TextAreaField
                field={field(`steps[${i}].markdown`)}
                label="Text (Markdown)"
                hint="**bold**, - for a list, a blank line between paragraphs. No links to other websites."
                rows={8}
              />
              {step.file && previews[step.file] ? (
                <details>
                  <summary>Preview of this text as saved</summary>
                  <div
                    className="markdown-preview module-text"
                    // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered on the server with raw HTML escaped (draftMarkdownHtml)
                    dangerouslySetInnerHTML={{ __html: previews[step.file] ?? '' }}
                  />
                </details>
              ) : null}
            </>
          ) : null}
          {step.type === 'choice' ? (
            <Options i={i} options={step.options ?? []} field={field} stepChoices={stepChoices} />
          ) : null}
          <CheckboxField field={field(`steps[${i}].optional`)} label="The client may skip this step" />
          <div className="editor-row">
            <SelectField
              field={field(`steps[${i}].when`)}
              label="Show this step only when"
              options={[['', 'Always show it'], ...conditions]}
            />
            <TextField field={field(`steps[${i}].whenValue`)} label="The number (for ratings and scores)" />
          </div>
          {step.type !== 'summary' ? (
            <>
              <SelectField
                field={field(`steps[${i}].next`)}
                label="Then go to"
                options={[['', 'The next step in the list'], ...stepChoices]}
              />
              <Branches
                i={i}
                branches={step.goto ?? []}
                field={field}
                conditions={conditions}
                stepChoices={stepChoices}
              />
            </>
          ) : null}
          <div className="actions">
            <button type="submit" name="intent" value={`add-goto:${i}`} className="button button-secondary">
              Add a branch<span className="visually-hidden"> to step {i + 1}</span>
            </button>
            <MoveButtons index={i} count={steps.length} what="step" />
            <button type="submit" name="intent" value={`remove-step:${i}`} className="button button-secondary">
              Remove<span className="visually-hidden"> step {i + 1}</span>
            </button>
          </div>
        </fieldset>
      ))}
      <fieldset>
        <legend>Add a step</legend>
        <div className="editor-row">
          <SelectField
            field={{ ...field('newStepType'), defaultValue: 'read' }}
            label="Kind of step"
            options={STEP_TYPES.map((t) => [t, STEP_TYPE_NAMES[t]] as const)}
          />
          <SelectField
            field={{ ...field('newStepAt'), defaultValue: String(Math.max(0, steps.length - 2)) }}
            label="Where"
            options={[
              ...stepChoices.map(([, label], k) => [String(k), `After ${label}`] as const),
              ['end', 'At the end'],
            ]}
          />
        </div>
        <button type="submit" name="intent" value="add-step" className="button button-secondary">
          Add the step
        </button>
      </fieldset>
      <SaveDraftButton />
    </Form>
  )
}

function Checkboxes({
  legend,
  name,
  chosen,
  options,
  errors,
}: {
  legend: string
  name: string
  chosen: readonly string[]
  options: ReadonlyArray<readonly [string, string]>
  errors: string[] | undefined
}) {
  return (
    <fieldset className={errors ? 'field-invalid' : undefined}>
      <legend>{legend}</legend>
      {errors ? <p className="field-error">{errors.join(' ')}</p> : null}
      {options.map(([value, label]) => (
        <div key={value} className="field-checkbox">
          <input
            type="checkbox"
            id={`${FORM_ID}-${name}-${value}`}
            name={name}
            value={value}
            defaultChecked={chosen.includes(value)}
          />
          <label htmlFor={`${FORM_ID}-${name}-${value}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  )
}

/** Errors of a step that no field of its own shows (e.g. "can never be reached"). */
function StepErrors({ errors, index }: { errors: Record<string, string[]>; index: number }) {
  const messages = errors[`steps[${index}]`]
  return messages ? (
    <ul className="field-error">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  ) : null
}

function StepFields({
  i,
  type,
  field,
  lists,
  stepChoices,
}: {
  i: number
  type: string
  field: (name: string) => FieldState
  lists: EditorLists
  stepChoices: Array<[string, string]>
}) {
  const f = (key: string) => field(`steps[${i}].${key}`)
  const asks = type === 'reflect' || type === 'choice' || type === 'rating' || type === 'goal'
  return (
    <>
      {asks ? (
        <>
          <TextAreaField field={f('prompt')} label="Question or prompt" rows={2} />
          <TextField field={f('hint')} label="Hint under it (optional)" />
        </>
      ) : null}
      {type === 'choice' ? <CheckboxField field={f('multiple')} label="The client may choose more than one" /> : null}
      {type === 'rating' ? (
        <div className="editor-row">
          <TextField field={f('minLabel')} label="What 0 means" />
          <TextField field={f('maxLabel')} label="What 10 means" />
        </div>
      ) : null}
      {type === 'exercise' ? <SelectField field={f('exercise')} label="Exercise" options={lists.exercises} /> : null}
      {type === 'worksheet' ? (
        <>
          <SelectField field={f('for')} label="Worksheet of the exercise in" options={stepChoices} />
          <TextField field={f('text')} label="Text above the downloads (optional)" />
        </>
      ) : null}
      {type === 'goal' ? (
        <SelectField
          field={f('suggest')}
          label="Goal suggested"
          options={[
            ['lifestyle', 'A lifestyle goal'],
            ['cut-down', 'Cut down'],
            ['stop', 'Stop'],
          ]}
        />
      ) : null}
    </>
  )
}

function Options({
  i,
  options,
  field,
  stepChoices,
}: {
  i: number
  options: NonNullable<NonNullable<ModuleForm['steps']>[number]['options']>
  field: (name: string) => FieldState
  stepChoices: Array<[string, string]>
}) {
  return (
    <fieldset>
      <legend>Answers to choose from</legend>
      {options.map((o, j) => (
        <div key={o.id} className="editor-option">
          <input type="hidden" name={`steps[${i}].options[${j}].id`} value={o.id} />
          <div className="editor-row">
            <TextField field={field(`steps[${i}].options[${j}].label`)} label={`Answer ${j + 1}`} />
            <SelectField
              field={field(`steps[${i}].options[${j}].goto`)}
              label={`After answer ${j + 1}, go to`}
              options={[['', 'Where the step goes anyway'], ...stepChoices]}
            />
          </div>
          <CheckboxField
            field={{
              ...field(`steps[${i}].options[${j}].safety`),
              defaultValue: o.safety ? 'on' : undefined,
            }}
            label={`Answer ${j + 1} means the client may be at risk of self-harm (shows the support panel at once)`}
          />
          <button type="submit" name="intent" value={`remove-option:${i}:${j}`} className="link-button">
            Remove answer {j + 1}
          </button>
        </div>
      ))}
      <button type="submit" name="intent" value={`add-option:${i}`} className="button button-secondary">
        Add an answer
      </button>
    </fieldset>
  )
}

function Branches({
  i,
  branches,
  field,
  conditions,
  stepChoices,
}: {
  i: number
  branches: NonNullable<NonNullable<ModuleForm['steps']>[number]['goto']>
  field: (name: string) => FieldState
  conditions: Array<[string, string]>
  stepChoices: Array<[string, string]>
}) {
  if (branches.length === 0) return null
  return (
    <fieldset>
      <legend>Branches (checked in order; the first that holds decides)</legend>
      {branches.map((_, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: branches have no id; the page is redrawn from the server after every change
        <div key={k} className="editor-branch">
          <div className="editor-row">
            <SelectField
              field={field(`steps[${i}].goto[${k}].if`)}
              label={`Branch ${k + 1}: if`}
              options={conditions}
            />
            <TextField
              field={field(`steps[${i}].goto[${k}].value`)}
              label={`Branch ${k + 1}: the number (for ratings and scores)`}
            />
            <SelectField
              field={field(`steps[${i}].goto[${k}].step`)}
              label={`Branch ${k + 1}: go to`}
              options={stepChoices}
            />
          </div>
          <button type="submit" name="intent" value={`remove-goto:${i}:${k}`} className="link-button">
            Remove branch {k + 1}
          </button>
        </div>
      ))}
    </fieldset>
  )
}
