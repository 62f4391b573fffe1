// The unit of an amount: each unit named once, even when several substances share it (grams,
// mg). Which unit fits which substance is checked on the server.
import { FieldError, type FieldState } from './forms.tsx'

type Choices = {
  substances: ReadonlyArray<{ id: string; name: string; units: ReadonlyArray<{ id: string; label: string }> }>
}

/** Every unit of every substance, once each, in the order they first appear. */
export function uniqueUnits(choices: Choices): Array<{ id: string; label: string }> {
  const seen = new Map<string, { id: string; label: string }>()
  for (const s of choices.substances) for (const u of s.units) if (!seen.has(u.id)) seen.set(u.id, u)
  return [...seen.values()]
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
        {uniqueUnits(choices).map((u) => (
          <option key={u.id} value={u.id}>
            {u.label}
          </option>
        ))}
      </select>
    </div>
  )
}
