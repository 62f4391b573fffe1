// The fields of an exercise step, drawn from the exercise definition: one-line and multi-line
// text, 0–10 scales, and tables with a fixed number of rows (conform names: `plan[0].when`).
import type { Exercise, ExerciseAnswer } from '#programme/engine/index.ts'
import type { FieldState } from './forms.tsx'
import { FieldError, TextAreaField, TextField } from './forms.tsx'
import { RatingScale } from './rating-scale.tsx'
import { UrgeTimer } from './urge-timer.tsx'

type FieldFor = (name: string) => FieldState

/** Saved answers as the strings a form shows. */
export function exerciseDefaults(answer: ExerciseAnswer | null): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(answer ?? {})) {
    out[key] = Array.isArray(value)
      ? value.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)])))
      : String(value)
  }
  return out
}

const NUMBERS = Array.from({ length: 11 }, (_, i) => String(i))

export function ExerciseFields({ exercise, field }: { exercise: Exercise; field: FieldFor }) {
  return (
    <>
      <p>{exercise.intro}</p>
      {exercise.timer ? <UrgeTimer seconds={exercise.timer.seconds} label={exercise.timer.label} /> : null}
      {exercise.parts.map((part) => {
        if (part.kind === 'short')
          return <TextField key={part.id} field={field(part.id)} label={part.label} hint={part.hint} />
        if (part.kind === 'long')
          return <TextAreaField key={part.id} field={field(part.id)} label={part.label} hint={part.hint} />
        if (part.kind === 'rating')
          return (
            <RatingScale
              key={part.id}
              field={field(part.id)}
              legend={part.label}
              hint={part.hint}
              minLabel={part.minLabel}
              maxLabel={part.maxLabel}
            />
          )
        if (part.kind !== 'table') return null
        return (
          <fieldset key={part.id} className="exercise-table">
            <legend>{part.label}</legend>
            {part.hint ? <p className="hint">{part.hint}</p> : null}
            {Array.from({ length: part.rows }, (_, row) => (
              // One small group per row keeps every cell labelled on a narrow phone screen.
              <div className="exercise-row" key={`${part.id}-${row}`} role="group" aria-label={`Row ${row + 1}`}>
                <p className="exercise-row-number" aria-hidden="true">
                  {row + 1}
                </p>
                {part.columns.map((column) => {
                  const f = field(`${part.id}[${row}].${column.id}`)
                  const label = `${column.label} (row ${row + 1})`
                  if (column.kind === 'short') return <TextField key={column.id} field={f} label={label} />
                  return (
                    <div key={column.id} className={f.errors ? 'field field-invalid' : 'field'}>
                      <label htmlFor={f.id}>{/10/.test(column.label) ? label : `${label}, 0 to 10`}</label>
                      <FieldError id={f.errorId} errors={f.errors} />
                      <select
                        id={f.id}
                        name={f.name}
                        defaultValue={f.defaultValue ?? ''}
                        aria-invalid={f.errors ? true : undefined}
                      >
                        <option value="">Not rated</option>
                        {NUMBERS.map((n) => (
                          <option key={n} value={n}>
                            {n}
                          </option>
                        ))}
                      </select>
                    </div>
                  )
                })}
              </div>
            ))}
          </fieldset>
        )
      })}
    </>
  )
}
