import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatNumber } from '../../../../i18n/i18n.js'
import type { FileProblem } from '../../../../lib/parse-yaml.js'
import { CsrfField, ErrorSummary } from '../../../../ui/forms.js'
import type { FactorBaseSummary } from '../../factor-bases.store.js'
import { operatorBasesPath, publicBasePath } from './base-parts.js'
import { BaseVersionsTable } from './public-bases.page.js'

export interface OperatorBasesState {
  /** Why the file was refused, in one sentence. */
  error?: string | undefined
  /** Every problem found in the file, each with its line and path. */
  problems?: readonly FileProblem[] | undefined
  notice?: string | undefined
}

export const operatorUploadField = 'fichier'

/** Operators publish a platform factor base: the upload form, the problems, the published bases. */
export function OperatorBasesPage({
  c,
  bases,
  maxBytes,
  state,
}: {
  c: Context<AppEnv>
  bases: readonly FactorBaseSummary[]
  maxBytes: number
  state: OperatorBasesState
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const hintId = `${operatorUploadField}-hint`
  const latest = bases[0]
  return (
    <>
      <p>
        <a href="/operateur">{t('operator.title')}</a>
      </p>
      <h1>{t('factor-bases.operator.title')}</h1>
      {state.notice ? (
        <p class="notice success" role="status">
          {state.notice}
        </p>
      ) : null}
      <ErrorSummary
        c={c}
        errors={state.error ? { [operatorUploadField]: state.error } : {}}
        labels={{ [operatorUploadField]: t('factor-bases.operator.file') }}
      />
      {state.problems && state.problems.length > 0 ? (
        <table>
          <caption>{t('factor-bases.operator.problemsCaption', { count: state.problems.length })}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t('factor-bases.import.line')}
              </th>
              <th scope="col">{t('factor-bases.operator.path')}</th>
              <th scope="col">{t('factor-bases.import.reason')}</th>
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
        <h2 id="publish-heading">{t('factor-bases.operator.formTitle')}</h2>
        <p>{t('factor-bases.operator.rules')}</p>
        {latest ? (
          <p>
            {t('factor-bases.operator.startFrom')}{' '}
            <a href={`${publicBasePath(latest.id, latest.version)}.json`}>
              {t('factor-bases.operator.startFromLink', { id: latest.id, version: latest.version })}
            </a>
          </p>
        ) : null}
        <form method="post" action={operatorBasesPath} enctype="multipart/form-data" class="stack">
          <CsrfField c={c} />
          <div class="field">
            <label for={operatorUploadField}>{t('factor-bases.operator.file')}</label>
            <span class="hint" id={hintId}>
              {t('factor-bases.operator.fileHint', { size: formatNumber(locale, maxBytes / 1024 / 1024) })}
            </span>
            {state.error ? (
              <span class="field-error" id={`${operatorUploadField}-error`}>
                {state.error}
              </span>
            ) : null}
            <input
              id={operatorUploadField}
              name={operatorUploadField}
              type="file"
              accept=".yaml,.yml,.json"
              required
              aria-invalid={state.error ? 'true' : undefined}
              aria-describedby={state.error ? `${hintId} ${operatorUploadField}-error` : hintId}
            />
          </div>
          <button type="submit">{t('factor-bases.operator.submit')}</button>
        </form>
      </section>

      <BaseVersionsTable
        c={c}
        bases={bases}
        caption={t('factor-bases.public.caption')}
        href={(base) => publicBasePath(base.id, base.version)}
      />
    </>
  )
}
