// The unit of an amount, grouped by substance, so each substance's units are listed once under
// its own name. Which unit fits which substance is checked on the server.
import { FieldError, type FieldState } from './forms.tsx'

type Choices = {
  substances: ReadonlyArray<{ id: string; name: string; units: ReadonlyArray<{ id: string; label: string }> }>
}

export function UnitField({ field, choices }: { field: FieldState; choices: Choices }) {
  return (
    <div className={field.errors ? 'field field-invalid' : 'field'}>
      <label htmlFor={field.id}>Unit</label>
      <FieldError id={field.errorId} errors={field.errors} />
      <select
        id={field.id}
        name={field.name}
        defaultValue={field.defaultValue ?? ''}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={field.errors ? field.errorId : undefined}
      >
        <option value="">The usual unit</option>
        {choices.substances.map((s) => (
          <optgroup key={s.id} label={s.name}>
            {s.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  )
}
