import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { countries, type Language } from '../../footprint/import/vocabulary.js'

export interface Choice {
  value: string
  label: string
}

/** A labelled select with its hint and error, wired for screen readers as Field is. */
export function SelectField(props: {
  name: string
  label: string
  choices: readonly Choice[]
  value: string
  error?: string | undefined
  hint?: string | undefined
  id?: string
}) {
  const id = props.id ?? props.name
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ')
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      ) : null}
      <select
        id={id}
        name={props.name}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {props.choices.map((choice) => (
          <option value={choice.value} selected={choice.value === props.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/** Countries to choose from: France first (nearly every device), then the others by name. */
export function countryChoices(language: Language): Choice[] {
  const [france, ...others] = countries
  const byName = [...others].sort((a, b) => a[language].localeCompare(b[language], language))
  return [france, ...byName]
    .filter((country) => country !== undefined)
    .map((country) => ({ value: country.code, label: country[language] }))
}

/** The base of every inventory URL of the current workspace. */
export function footprintBase(c: Context<AppEnv>): string {
  return `/espace/${c.get('workspace').id}/empreinte`
}
