// The account fields several forms share, so their wording and hints stay the same everywhere.
import { CheckboxField, type FieldState, TextField } from './forms.tsx'

export function UsernameField({ field, withHint = false }: { field: FieldState; withHint?: boolean }) {
  return (
    <TextField
      field={field}
      label="Username"
      hint={withHint ? '3 to 30 letters or numbers. Dots, dashes and underscores are fine. No spaces.' : undefined}
      autoComplete="username"
      spellCheck={false}
    />
  )
}

export function NewPassphraseField({ field, label = 'Passphrase' }: { field: FieldState; label?: string }) {
  return (
    <TextField
      field={field}
      label={label}
      type="password"
      hint="At least 8 characters. A few words you will remember works well, like “purple kettle river”."
      autoComplete="new-password"
    />
  )
}

export function SharedDeviceField({ field }: { field: FieldState }) {
  return (
    <CheckboxField
      field={field}
      label="This is a shared device"
      hint="We will sign you out after 30 minutes without activity and when the browser closes."
    />
  )
}
