import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatLongDate } from '../../../i18n/i18n.js'
import { FilePublishParts, type FilePublishState } from '../../../ui/file-publish.js'
import type { ReferentialVersionSummary } from '../referential.store.js'
import { exportPath, originKeys, referentialPath } from './referential-parts.js'

export type PublishState = FilePublishState

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
  return (
    <>
      <p>
        <a href="/operateur">{t('operator.title')}</a>
      </p>
      <h1>{t('publish.title')}</h1>
      <FilePublishParts
        c={c}
        field={uploadField}
        action="/operateur/referentiel"
        maxBytes={maxBytes}
        state={state}
        keys={{
          file: 'publish.file',
          fileHint: 'publish.fileHint',
          formTitle: 'publish.formTitle',
          rules: 'publish.rules',
          submit: 'publish.submit',
          problemsCaption: 'publish.problemsCaption',
          line: 'publish.line',
          path: 'publish.path',
          problem: 'publish.problem',
        }}
        startFrom={
          current ? (
            <p>
              {t('publish.startFrom')}{' '}
              <a href={exportPath(current.version, 'json')}>
                {t('referential.downloadJson', { version: current.version })}
              </a>
            </p>
          ) : null
        }
      />

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
