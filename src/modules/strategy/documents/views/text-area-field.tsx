/** A labelled textarea with its hint and error, wired for screen readers as Field is. */
export function TextAreaField(props: {
  name: string
  label: string
  value: string
  error?: string | undefined
  hint?: string | undefined
  rows?: number
  maxlength?: number
}) {
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
      <textarea
        id={props.name}
        name={props.name}
        rows={props.rows ?? 4}
        maxlength={props.maxlength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {props.value}
      </textarea>
    </div>
  )
}
