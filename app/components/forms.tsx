// Forms that behave the same with and without JavaScript. The server parses with conform's
// parseWithZod and answers with submission.reply(); this file turns that reply into field
// state (errors next to each field, values kept, passphrases never echoed). It deliberately
// does not ship conform's client hooks or zod to the browser (see docs/decisions/0006).
import type { SubmissionResult } from '@conform-to/react'
import { type ReactNode, useEffect, useRef } from 'react'

export type FormReply = SubmissionResult<string[]> | null | undefined

export type FieldState = {
  id: string
  name: string
  errorId: string
  errors: string[] | undefined
  defaultValue: string | undefined
}

/** The value at a conform-style path such as `crisisContacts[1].phone`. */
export function valueAt(values: unknown, path: string): string | undefined {
  let current = values
  for (const key of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return typeof current === 'string' ? current : undefined
}

/**
 * State for one form from the server's last reply. With JavaScript, focus moves to the first
 * error after a failed submit, and the form is cleared after a reply that asks for a reset.
 */
export function useFormReply(formId: string, reply: FormReply, defaults?: Record<string, unknown>) {
  const ref = useRef<HTMLFormElement>(null)
  useEffect(() => {
    const form = ref.current
    if (!form || !reply) return
    if (reply.initialValue === null) form.reset()
    if (reply.error) form.querySelector<HTMLElement>('[aria-invalid="true"], .form-error')?.focus()
  }, [reply])
  const values = reply?.initialValue ?? defaults
  const errorsFor = (name: string) => reply?.error?.[name] ?? undefined
  return {
    props: { id: formId, ref, noValidate: true },
    errorId: `${formId}-errors`,
    errors: errorsFor(''),
    field(name: string): FieldState {
      const id = `${formId}-${name.replace(/[^a-zA-Z0-9_-]+/g, '-')}`
      return { id, name, errorId: `${id}-error`, errors: errorsFor(name), defaultValue: valueAt(values, name) }
    },
  }
}

function describedBy(...ids: Array<string | false | undefined>) {
  return ids.filter(Boolean).join(' ') || undefined
}

type TextFieldProps = {
  field: FieldState
  label: string
  hint?: ReactNode
  type?: 'text' | 'password' | 'url' | 'tel' | 'date' | 'datetime-local' | 'time'
  autoComplete?: string
  spellCheck?: boolean
}

export function TextField({ field, label, hint, type = 'text', autoComplete, spellCheck }: TextFieldProps) {
  const hintId = hint ? `${field.id}-hint` : undefined
  return (
    <div className={field.errors ? 'field field-invalid' : 'field'}>
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={field.errorId} errors={field.errors} />
      <input
        id={field.id}
        name={field.name}
        type={type}
        // Passphrases are never sent back to the page after a failed attempt.
        defaultValue={type === 'password' ? undefined : field.defaultValue}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={describedBy(hintId, field.errors && field.errorId)}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        autoCapitalize="none"
      />
    </div>
  )
}

/** A multi-line text field for answers longer than a line. */
export function TextAreaField({
  field,
  label,
  hint,
  rows = 4,
}: {
  field: FieldState
  label: string
  hint?: string
  rows?: number
}) {
  const hintId = hint ? `${field.id}-hint` : undefined
  return (
    <div className={field.errors ? 'field field-invalid' : 'field'}>
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={field.errorId} errors={field.errors} />
      <textarea
        id={field.id}
        name={field.name}
        rows={rows}
        defaultValue={field.defaultValue}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={describedBy(hintId, field.errors && field.errorId)}
      />
    </div>
  )
}

export function CheckboxField({ field, label, hint }: { field: FieldState; label: string; hint?: string }) {
  const hintId = hint ? `${field.id}-hint` : undefined
  return (
    <div className={field.errors ? 'field field-checkbox field-invalid' : 'field field-checkbox'}>
      <input
        id={field.id}
        name={field.name}
        type="checkbox"
        defaultChecked={field.defaultValue === 'on'}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={describedBy(hintId, field.errors && field.errorId)}
      />
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  )
}

export function SelectField({
  field,
  label,
  options,
}: {
  field: FieldState
  label: string
  options: ReadonlyArray<readonly [string, string]>
}) {
  return (
    <div className={field.errors ? 'field field-invalid' : 'field'}>
      <label htmlFor={field.id}>{label}</label>
      <FieldError id={field.errorId} errors={field.errors} />
      <select
        id={field.id}
        name={field.name}
        defaultValue={field.defaultValue}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={field.errors ? field.errorId : undefined}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
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

/** Errors that belong to the whole form (e.g. "those details don't match"), announced at once. */
export function FormError({ id, errors }: { id: string; errors: string[] | undefined }) {
  return (
    <div id={id} role="alert" tabIndex={-1} className={errors?.length ? 'form-error' : undefined}>
      {errors?.length ? errors.join(' ') : null}
    </div>
  )
}

/** One checkbox or radio in a list of choices, with its label and an optional hint below. */
export function Choice({
  type,
  name,
  value,
  label,
  defaultChecked,
  hint,
  invalid,
  idPrefix,
}: {
  type: 'checkbox' | 'radio'
  name: string
  value: string
  label: string
  defaultChecked?: boolean
  hint?: string
  /** Marks the choice invalid, so focus moves to it after a refused submit. */
  invalid?: boolean
  /** Makes ids unique when one page has several forms with the same field (one per goal). */
  idPrefix?: string
}) {
  const id = `${idPrefix ? `${idPrefix}-` : ''}${name}-${value}`
  return (
    <div className="field-checkbox">
      <input
        type={type}
        id={id}
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  )
}
