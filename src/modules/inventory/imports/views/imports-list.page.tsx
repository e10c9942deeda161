import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatNumber, type MessageKey } from '../../../../i18n/i18n.js'
import { Notice } from '../../../../ui/components.js'
import { CsrfField, ErrorSummary, type FieldErrors } from '../../../../ui/forms.js'
import { FootprintNav } from '../../../footprint/views/footprint-nav.js'
import { canInWorkspace } from '../../../workspaces/workspaces.policy.js'
import type { ImportListRow } from '../imports.queries.js'

export const statusKey = (status: ImportListRow['status']) => `imports.status.${status}` as MessageKey

const dateTime = {
  fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }),
}

export function formatDateTime(locale: 'fr' | 'en', iso: string): string {
  return dateTime[locale].format(new Date(iso))
}

/** The upload form (for editors), the template downloads and the past imports. */
export function ImportsListPage({
  c,
  imports,
  maxMegabytes,
  errors = {},
  replace = false,
  notice,
}: {
  c: Context<AppEnv>
  imports: ImportListRow[]
  maxMegabytes: number
  errors?: FieldErrors
  replace?: boolean
  notice?: string | undefined
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const base = `/espace/${workspace.id}/empreinte/imports`
  const canEdit = canInWorkspace(workspace.role, 'inventory.edit')
  const fileError = errors.fichier
  return (
    <>
      <h1>{t('imports.title')}</h1>
      <FootprintNav c={c} current="imports" />
      <p class="lead">{t('imports.lead')}</p>
      <Notice text={notice} />
      {canEdit ? (
        <section aria-labelledby="upload-heading" class="panel">
          <h2 id="upload-heading">{t('imports.form.title')}</h2>
          <ErrorSummary c={c} errors={errors} labels={{ fichier: t('imports.form.file') }} />
          {/* The CSRF field comes first: the upload is streamed and checked before any file byte is kept. */}
          <form method="post" action={base} enctype="multipart/form-data" class="import-form">
            <CsrfField c={c} />
            <div class="field">
              <label for="fichier">{t('imports.form.file')}</label>
              <span class="hint" id="fichier-hint">
                {t('imports.form.fileHint', { size: maxMegabytes })}
              </span>
              {fileError ? (
                <span class="field-error" id="fichier-error">
                  {fileError}
                </span>
              ) : null}
              <input
                type="file"
                id="fichier"
                name="fichier"
                accept=".csv,.txt,.xlsx,.json,text/csv,application/json"
                required
                aria-invalid={fileError ? 'true' : undefined}
                aria-describedby={fileError ? 'fichier-hint fichier-error' : 'fichier-hint'}
              />
            </div>
            <div class="field">
              <label for="centres">{t('imports.form.datacenters')}</label>
              <span class="hint" id="centres-hint">
                {t('imports.form.datacentersHint')}
              </span>
              <input
                type="file"
                id="centres"
                name="centres"
                accept=".csv,.txt,text/csv"
                aria-describedby="centres-hint"
              />
            </div>
            <fieldset>
              <legend>{t('imports.form.target')}</legend>
              <p>
                <input
                  type="radio"
                  id="inventaire-ajouter"
                  name="inventaire"
                  value="ajouter"
                  checked={!replace}
                />{' '}
                <label for="inventaire-ajouter">{t('imports.form.add')}</label>
              </p>
              <p>
                <input
                  type="radio"
                  id="inventaire-remplacer"
                  name="inventaire"
                  value="remplacer"
                  checked={replace}
                />{' '}
                <label for="inventaire-remplacer">{t('imports.form.replace')}</label>
              </p>
            </fieldset>
            <p>
              <button type="submit">{t('imports.form.submit')}</button>
            </p>
          </form>
        </section>
      ) : (
        <p class="muted">{t('imports.form.readOnly')}</p>
      )}
      <section aria-labelledby="template-heading">
        <h2 id="template-heading">{t('imports.template.title')}</h2>
        <p>{t('imports.template.text')}</p>
        <ul>
          <li>
            <a href="/empreinte/modele.csv" download>
              {t('imports.template.csv')}
            </a>
          </li>
          <li>
            <a href="/empreinte/modele.xlsx" download>
              {t('imports.template.xlsx')}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('imports.history.title')}</h2>
        {imports.length === 0 ? (
          <p>{t('imports.history.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption>{t('imports.history.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports.history.date')}</th>
                  <th scope="col">{t('imports.history.file')}</th>
                  <th scope="col">{t('imports.history.who')}</th>
                  <th scope="col">{t('imports.history.status')}</th>
                  <th scope="col" class="num">
                    {t('imports.history.rows')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {imports.map((row) => (
                  <tr>
                    <td>{formatDateTime(locale, row.createdAt)}</td>
                    <th scope="row">
                      <a href={`${base}/${row.id}`}>{row.fileName}</a>
                      {row.datacenterFileName ? ` + ${row.datacenterFileName}` : ''}
                    </th>
                    <td>{row.createdBy ?? t('imports.history.unknownPerson')}</td>
                    <td>
                      {t(statusKey(row.status))}
                      {row.replace ? ` (${t('imports.history.replace')})` : ''}
                    </td>
                    <td class="num">
                      {row.status === 'done' ? formatNumber(locale, row.importedRows) : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  )
}
