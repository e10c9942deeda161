import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../app-env.js'
import { formatNumber, type MessageKey } from '../i18n/i18n.js'
import type { FileProblem } from '../lib/parse-yaml.js'
import { Notice } from './components.js'
import { CsrfField, ErrorSummary } from './forms.js'

/** What a page that publishes a YAML/JSON file shows after a try. */
export interface FilePublishState {
  /** Why the file was refused, in one sentence. */
  error?: string | undefined
  /** Every problem found in the file, each with its line and path. */
  problems?: readonly FileProblem[] | undefined
  notice?: string | undefined
}

/** The catalogue keys of the page's own texts (each page names its file in its own words). */
export interface FilePublishKeys {
  file: MessageKey
  /** Takes `{size}`, in megabytes. */
  fileHint: MessageKey
  formTitle: MessageKey
  rules: MessageKey
  submit: MessageKey
  /** Takes `{count}`. */
  problemsCaption: MessageKey
  line: MessageKey
  path: MessageKey
  problem: MessageKey
}

/**
 * The shared middle of the operator pages that publish a file (the referential, a factor base):
 * the notice, the error summary, every problem with its line and path, then the upload form.
 * `startFrom` sits above the form: where to get the current file to start from.
 */
export function FilePublishParts({
  c,
  field,
  action,
  maxBytes,
  state,
  keys,
  startFrom,
}: {
  c: Context<AppEnv>
  field: string
  action: string
  maxBytes: number
  state: FilePublishState
  keys: FilePublishKeys
  startFrom?: Child
}) {
  const t = c.get('t')
  const hintId = `${field}-hint`
  const errorId = `${field}-error`
  return (
    <>
      <Notice text={state.notice} />
      <ErrorSummary
        c={c}
        errors={state.error ? { [field]: state.error } : {}}
        labels={{ [field]: t(keys.file) }}
      />
      {state.problems && state.problems.length > 0 ? (
        <table>
          <caption>{t(keys.problemsCaption, { count: state.problems.length })}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t(keys.line)}
              </th>
              <th scope="col">{t(keys.path)}</th>
              <th scope="col">{t(keys.problem)}</th>
            </tr>
          </thead>
          <tbody>
            {state.problems.map((problem) => (
              <tr>
                <td class="num">{problem.line ?? '?'}</td>
                <td>
                  <code>{problem.path}</code>
                </td>
                {/* The schema's messages are French; the YAML parser's, English. */}
                <td lang={problem.path === '(syntaxe)' ? 'en' : 'fr'}>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <section class="panel" aria-labelledby="publish-heading">
        <h2 id="publish-heading">{t(keys.formTitle)}</h2>
        <p>{t(keys.rules)}</p>
        {startFrom}
        <form method="post" action={action} enctype="multipart/form-data" class="stack">
          <CsrfField c={c} />
          <div class="field">
            <label for={field}>{t(keys.file)}</label>
            <span class="hint" id={hintId}>
              {t(keys.fileHint, { size: formatNumber(c.get('locale'), maxBytes / 1024 / 1024) })}
            </span>
            {state.error ? (
              <span class="field-error" id={errorId}>
                {state.error}
              </span>
            ) : null}
            <input
              id={field}
              name={field}
              type="file"
              accept=".yaml,.yml,.json"
              required
              aria-invalid={state.error ? 'true' : undefined}
              aria-describedby={state.error ? `${hintId} ${errorId}` : hintId}
            />
          </div>
          <button type="submit">{t(keys.submit)}</button>
        </form>
      </section>
    </>
  )
}
