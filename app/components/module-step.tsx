// The body of one module step, by step type. Every step is a plain form post: the page works
// the same with and without JavaScript.
import type { Exercise, ExerciseAnswer, GoalAnswer, Step } from '#programme/engine/index.ts'
import { ExerciseFields, exerciseDefaults } from './exercise-form.tsx'
import { Choice, FieldError, type FieldState, TextAreaField } from './forms.tsx'
import { GoalFields } from './goal-fields.tsx'
import { RatingScale } from './rating-scale.tsx'

type FieldFor = (name: string) => FieldState

/** A step as the loader sends it (see moduleView). */
export type StepView = Step & { html?: string; definition?: Exercise | null; exerciseTitle?: string }

/** The saved answer as form values, so going back shows what was written. */
export function stepDefaults(step: Step, answer: unknown): Record<string, unknown> | undefined {
  if (answer === null || answer === undefined) return step.type === 'goal' ? { type: step.suggest } : undefined
  if (step.type === 'reflect') return { text: String(answer) }
  if (step.type === 'rating') return { rating: String(answer) }
  if (step.type === 'exercise') return exerciseDefaults(answer as ExerciseAnswer)
  if (step.type === 'goal')
    return Object.fromEntries(Object.entries(answer as GoalAnswer).map(([k, v]) => [k, String(v)]))
  return undefined
}

export function StepBody({
  step,
  field,
  chosen,
  goalChoices,
  worksheetBase,
}: {
  step: StepView
  field: FieldFor
  chosen: readonly string[]
  goalChoices: { areas: readonly string[]; substances: readonly string[] }
  worksheetBase: string
}) {
  switch (step.type) {
    case 'read':
    case 'summary':
      // Markdown from the module's own content, rendered on the server.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted content; raw HTML is refused by content:check
      return <div className="module-text" dangerouslySetInnerHTML={{ __html: step.html ?? '' }} />
    case 'reflect':
      return <TextAreaField field={field('text')} label={step.prompt} hint={step.hint} rows={5} />
    case 'rating':
      return (
        <RatingScale
          field={field('rating')}
          legend={step.prompt}
          hint={step.hint}
          minLabel={step.minLabel}
          maxLabel={step.maxLabel}
        />
      )
    case 'choice': {
      const f = field('choice')
      return (
        <fieldset
          className={f.errors ? 'question field-invalid' : 'question'}
          aria-describedby={f.errors ? f.errorId : undefined}
        >
          <legend>{step.prompt}</legend>
          {step.hint ? <p className="hint">{step.hint}</p> : null}
          {step.multiple ? <p className="hint">Choose all that apply.</p> : null}
          <FieldError id={f.errorId} errors={f.errors} />
          <div className="options">
            {step.options.map((o, i) => (
              <Choice
                key={o.id}
                type={step.multiple ? 'checkbox' : 'radio'}
                name="choice"
                value={o.id}
                label={o.label}
                defaultChecked={chosen.includes(o.id)}
                invalid={Boolean(f.errors) && i === 0}
              />
            ))}
          </div>
        </fieldset>
      )
    }
    case 'exercise':
      return step.definition ? <ExerciseFields exercise={step.definition} field={field} /> : null
    case 'worksheet':
      return (
        <>
          {step.text ? <p>{step.text}</p> : null}
          <p>Your worksheet for “{step.exerciseTitle}” is ready. Choose the kind that suits you:</p>
          <ul className="downloads">
            <li>
              <a href={`${worksheetBase}/${step.for}/filled.pdf`} download>
                With your answers (PDF)
              </a>
            </li>
            <li>
              <a href={`${worksheetBase}/${step.for}/fillable.pdf`} download>
                To fill in on your phone or computer (PDF form)
              </a>
            </li>
            <li>
              <a href={`${worksheetBase}/${step.for}/blank.pdf`} download>
                Blank, to print and write on (PDF)
              </a>
            </li>
            <li>
              <a href={`${worksheetBase}/${step.for}`}>A printable page with your answers</a>
            </li>
          </ul>
          <p className="hint">The files have only what you wrote, with no name or account details.</p>
        </>
      )
    case 'goal':
      return (
        <>
          {step.hint ? <p>{step.hint}</p> : null}
          <GoalFields field={field} prompt={step.prompt} goalChoices={goalChoices} />
        </>
      )
  }
}
