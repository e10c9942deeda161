import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatLongDate, formatNumber } from '../../../i18n/i18n.js'
import { CsrfField, ErrorSummary } from '../../../ui/forms.js'
import type { ReferentialProblem } from '../parse-referential.js'
import type { ReferentialVersionSummary } from '../referential.store.js'
import { exportPath, originKeys, referentialPath } from './referential-parts.js'

export interface PublishState {
  /** Why the file was refused, in one sentence. */
  error?: string | undefined
  /** Every problem found in the file, each with its line and path. */
  problems?: readonly ReferentialProblem[] | undefined
  notice?: string | undefined
}

export const uploadField = 'fichier'

/** Operators publish a new version of the referential: the published versions, then the upload form. */
export function PublishPage({
  c,
  versions,
  maxBytes,
  state,
}: {
  c: Context<AppEnv>
  versions: readonly ReferentialVersionSummary[]
  maxBytes: number
  state: PublishState
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const current = versions[0]
  const hintId = `${uploadField}-hint`
  return (
    <>
      <p>
        <a href="/operateur">{t('operator.title')}</a>
      </p>
      <h1>{t('publish.title')}</h1>
      {state.notice ? (
        <p class="notice success" role="status">
          {state.notice}
        </p>
      ) : null}
      <ErrorSummary
        c={c}
        errors={state.error ? { [uploadField]: state.error } : {}}
        labels={{ [uploadField]: t('publish.file') }}
      />
      {state.problems && state.problems.length > 0 ? (
        <table>
          <caption>{t('publish.problemsCaption', { count: state.problems.length })}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t('publish.line')}
              </th>
              <th scope="col">{t('publish.path')}</th>
              <th scope="col">{t('publish.problem')}</th>
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
        <h2 id="publish-heading">{t('publish.formTitle')}</h2>
        <p>{t('publish.rules')}</p>
        {current ? (
          <p>
            {t('publish.startFrom')}{' '}
            <a href={exportPath(current.version, 'json')}>
              {t('referential.downloadJson', { version: current.version })}
            </a>
          </p>
        ) : null}
        <form method="post" action="/operateur/referentiel" enctype="multipart/form-data" class="stack">
          <CsrfField c={c} />
          <div class="field">
            <label for={uploadField}>{t('publish.file')}</label>
            <span class="hint" id={hintId}>
              {t('publish.fileHint', { size: formatNumber(locale, maxBytes / 1024 / 1024) })}
            </span>
            {state.error ? (
              <span class="field-error" id={`${uploadField}-error`}>
                {state.error}
              </span>
            ) : null}
            <input
              id={uploadField}
              name={uploadField}
              type="file"
              accept=".yaml,.yml,.json"
              required
              aria-invalid={state.error ? 'true' : undefined}
              aria-describedby={state.error ? `${hintId} ${uploadField}-error` : hintId}
            />
          </div>
          <button type="submit">{t('publish.submit')}</button>
        </form>
      </section>

      <table>
        <caption>{t('referential.versionsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('referential.version')}</th>
            <th scope="col">{t('publish.versionTitle')}</th>
            <th scope="col">{t('referential.publishedAt')}</th>
            <th scope="col">{t('referential.origin')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version, index) => (
            <tr>
              <th scope="row">
                <a href={referentialPath(version.version)}>{version.version}</a>
                {index === 0 ? ` (${t('referential.current')})` : ''}
              </th>
              <td lang="fr">{version.title}</td>
              <td>{formatLongDate(locale, version.publishedAt)}</td>
              <td>{t(originKeys[version.origin])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
