import type { Context } from 'hono'
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

export interface FieldProps {
  name: string
  label: string
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'search'
  value?: string | undefined
  error?: string | undefined
  hint?: string | undefined
  autocomplete?: string
  required?: boolean
  inputmode?: 'decimal' | 'numeric' | 'email'
  readonly?: boolean
}

/** A labelled field with its hint and error, wired for screen readers. */
export function Field(props: FieldProps) {
  const describedBy = [props.hint ? `${props.name}-hint` : '', props.error ? `${props.name}-error` : '']
    .filter(Boolean)
    .join(' ')
  return (
    <div class="field">
      <label for={props.name}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="field-error" id={`${props.name}-error`}>
          {props.error}
        </span>
      ) : null}
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
        aria-describedby={describedBy || undefined}
      />
    </div>
  )
}
