import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { z } from 'zod'
import type { AppEnv } from '../app-env.js'
import type { MessageKey, Translate } from '../i18n/i18n.js'
import { csrfField } from '../modules/accounts/csrf.middleware.js'
import { describeIssue } from './describe-issue.js'

/** Field name → message, in the user's language. */
export type FieldErrors = Record<string, string>

/**
 * Turns zod's issues into messages. Schemas name their messages by catalogue key
 * (`z.email({ error: 'form.email.invalid' })`); other issues get a generic description.
 */
export function fieldErrorsOf(
  error: z.ZodError,
  t: Translate,
  catalogue: Record<string, string>,
): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '')
    if (errors[field]) continue
    errors[field] = issue.message in catalogue ? t(issue.message as MessageKey) : describeIssue(issue, t)
  }
  return errors
}

/** Reads a submitted form as plain strings (no files). */
export async function formValues(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody()
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') values[key] = value
  return values
}

export function CsrfField({ c }: { c: Context<AppEnv> }) {
  return <input type="hidden" name={csrfField} value={c.get('csrfToken')} />
}

/** At the top of a form that failed: what is wrong, each item a link to its field. */
export function ErrorSummary({
  c,
  errors,
  labels,
}: {
  c: Context<AppEnv>
  errors: FieldErrors
  labels: Record<string, string>
}) {
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{c.get('t')('form.errorSummary')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            {field && labels[field] ? (
              <a href={`#${field}`}>
                {labels[field]}
                {c.get('t')('ui.colon')}
                {message}
              </a>
            ) : (
              message
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** What every labelled control shows around itself: its label, hint and error. */
interface LabelledProps {
  name: string
  label: string
  error?: string | undefined
  hint?: string | undefined
}

/** The ids of the hint and the error, for the control's aria-describedby. */
function describedByOf(id: string, props: LabelledProps): string | undefined {
  return (
    [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  )
}

/** A field's error message, with the id its control's aria-describedby names; nothing without one. */
export function FieldError({ name, error }: { name: string; error: string | undefined }) {
  return error ? (
    <span class="field-error" id={`${name}-error`}>
      {error}
    </span>
  ) : null
}

/** The label, the hint and the error of the control `id`, then the control itself. */
function Labelled({ id, props, children }: { id: string; props: LabelledProps; children: Child }) {
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      <FieldError name={id} error={props.error} />
      {children}
    </div>
  )
}

export interface FieldProps extends LabelledProps {
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'search'
  value?: string | undefined
  autocomplete?: string
  required?: boolean
  inputmode?: 'decimal' | 'numeric' | 'email'
  readonly?: boolean
}

/** A labelled field with its hint and error, wired for screen readers. */
export function Field(props: FieldProps) {
  return (
    <Labelled id={props.name} props={props}>
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? '' : (props.value ?? '')}
        autocomplete={props.autocomplete}
        required={props.required}
        inputmode={props.inputmode}
        readonly={props.readonly}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedByOf(props.name, props)}
      />
    </Labelled>
  )
}

export interface TextAreaFieldProps extends LabelledProps {
  value?: string | undefined
  rows?: number
  maxlength?: number
  required?: boolean
}

/** A labelled textarea with its hint and error, wired for screen readers as Field is. */
export function TextAreaField(props: TextAreaFieldProps) {
  return (
    <Labelled id={props.name} props={props}>
      <textarea
        id={props.name}
        name={props.name}
        rows={props.rows ?? 4}
        maxlength={props.maxlength}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedByOf(props.name, props)}
      >
        {props.value ?? ''}
      </textarea>
    </Labelled>
  )
}

export interface Choice {
  value: string
  label: string
}

export interface SelectFieldProps extends LabelledProps {
  choices: readonly Choice[]
  value: string
  /** The control's id, when the name is used twice on a page (else the name). */
  id?: string
}

/** A labelled select with its hint and error, wired for screen readers as Field is. */
export function SelectField(props: SelectFieldProps) {
  const id = props.id ?? props.name
  return (
    <Labelled id={id} props={props}>
      <select
        id={id}
        name={props.name}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedByOf(id, props)}
      >
        {props.choices.map((choice) => (
          <option value={choice.value} selected={choice.value === props.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </Labelled>
  )
}
