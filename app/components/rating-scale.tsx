// A 0–10 scale as eleven labelled radios in a fieldset: works without JavaScript, reachable by
// keyboard, and each end says what it means.
import { FieldError, type FieldState } from './forms.tsx'

const VALUES = Array.from({ length: 11 }, (_, i) => i)

export function RatingScale({
  field,
  legend,
  hint,
  minLabel,
  maxLabel,
}: {
  field: FieldState
  legend: string
  hint?: string | null
  minLabel?: string | null
  maxLabel?: string | null
}) {
  const endsId = `${field.id}-ends`
  return (
    <fieldset
      className={field.errors ? 'question field-invalid' : 'question'}
      aria-describedby={[endsId, field.errors ? field.errorId : ''].filter(Boolean).join(' ')}
    >
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      <p className="hint" id={endsId}>
        0 means {minLabel ?? 'not at all'}. 10 means {maxLabel ?? 'extremely'}.
      </p>
      <FieldError id={field.errorId} errors={field.errors} />
      <div className="scale">
        {VALUES.map((value) => (
          <div className="scale-point" key={value}>
            <input
              type="radio"
              id={`${field.id}-${value}`}
              name={field.name}
              value={value}
              defaultChecked={field.defaultValue === String(value)}
              aria-invalid={field.errors ? true : undefined}
            />
            <label htmlFor={`${field.id}-${value}`}>{value}</label>
          </div>
        ))}
      </div>
    </fieldset>
  )
}
