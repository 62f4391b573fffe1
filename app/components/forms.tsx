// Form building blocks: every field has a visible label, an optional hint, and its error next
// to it, wired with aria-describedby so screen readers read the error with the field.
import { type FieldMetadata, getInputProps } from '@conform-to/react'
import type { ReactNode } from 'react'

type TextFieldProps = {
  meta: FieldMetadata<string | undefined>
  label: string
  hint?: ReactNode
  type?: 'text' | 'password' | 'url' | 'tel'
  autoComplete?: string
  spellCheck?: boolean
}

export function TextField({ meta, label, hint, type = 'text', autoComplete, spellCheck }: TextFieldProps) {
  const hintId = hint ? `${meta.id}-hint` : undefined
  const describedBy = [hintId, meta.errors ? meta.errorId : undefined].filter(Boolean).join(' ') || undefined
  const { key, ...inputProps } = getInputProps(meta, { type, ariaAttributes: false })
  return (
    <div className={meta.errors ? 'field field-invalid' : 'field'}>
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={meta.errorId} errors={meta.errors} />
      <input
        key={key}
        {...inputProps}
        // Passphrases are never sent back to the page after a failed attempt.
        defaultValue={type === 'password' ? undefined : inputProps.defaultValue}
        aria-invalid={meta.errors ? true : undefined}
        aria-describedby={describedBy}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        autoCapitalize="none"
      />
    </div>
  )
}

export function CheckboxField({
  meta,
  label,
  hint,
}: {
  meta: FieldMetadata<boolean | true | undefined>
  label: string
  hint?: string
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined
  const { key, ...inputProps } = getInputProps(meta, { type: 'checkbox', ariaAttributes: false })
  return (
    <div className="field field-checkbox">
      <input key={key} {...inputProps} aria-describedby={hintId} />
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  )
}

export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null
  return (
    <p className="field-error" id={id}>
      <span className="visually-hidden">Error: </span>
      {errors.join(' ')}
    </p>
  )
}

/** Errors that belong to the whole form (e.g. "those details don't match"), announced politely. */
export function FormError({ id, errors }: { id: string; errors: string[] | undefined }) {
  return (
    <div id={id} role="alert" className={errors?.length ? 'form-error' : undefined}>
      {errors?.length ? errors.join(' ') : null}
    </div>
  )
}
