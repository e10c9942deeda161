import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatNumber } from '../../../../i18n/i18n.js'
import { CsrfField, ErrorSummary, Field, type FieldErrors } from '../../../../ui/forms.js'
import type { FactorBaseSummary } from '../../factor-bases.store.js'
import { FootprintNav } from '../../views/footprint-nav.js'
import type { CsvLineError } from '../factor-base-csv.js'
import { importBasePath, workspaceBasePath, workspaceBasesPath } from './base-parts.js'
import { BaseSelect } from './workspace-bases.page.js'

export interface ImportBaseState {
  errors?: FieldErrors | undefined
  /** The file's problems, each with its line and column. */
  lineErrors?: readonly CsvLineError[] | undefined
  values?: Record<string, string> | undefined
}

export const importFileField = 'fichier'

/** Import a CSV of device figures as a new own base, or as the next version of one. */
export function ImportBasePage({
  c,
  bases,
  ownBases,
  startKey,
  maxBytes,
  state,
}: {
  c: Context<AppEnv>
  bases: readonly FactorBaseSummary[]
  /** The workspace's own base ids, each with its latest title. */
  ownBases: readonly { id: string; title: string }[]
  /** The base selected as a start: the one the workspace computes with. */
  startKey: string
  maxBytes: number
  state: ImportBaseState
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const errors = state.errors ?? {}
  const values = state.values ?? {}
  const [startId, startVersion] = startKey.split('@') as [string, string]
  const lineErrors = state.lineErrors ?? []
  const fileHint = `${importFileField}-hint`
  return (
    <>
      <h1>{t('factor-bases.import.title')}</h1>
      <FootprintNav c={c} current="bases" />
      <p>
        <a href={workspaceBasesPath(workspace.id)}>{t('factor-bases.workspace.back')}</a>
      </p>
      <ErrorSummary
        c={c}
        errors={errors}
        labels={{
          [importFileField]: t('factor-bases.import.file'),
          depart: t('factor-bases.import.start'),
          cible: t('factor-bases.import.target'),
          nom: t('factor-bases.copy.name'),
          source: t('factor-bases.import.source'),
        }}
      />
      {lineErrors.length > 0 ? (
        <table>
          <caption>{t('factor-bases.import.problemsCaption', { count: lineErrors.length })}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t('factor-bases.import.line')}
              </th>
              <th scope="col">{t('factor-bases.import.column')}</th>
              <th scope="col">{t('factor-bases.import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {lineErrors.map((error) => (
              <tr>
                <td class="num">{error.line}</td>
                <td>{error.column ? <code>{error.column}</code> : '—'}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>{t('factor-bases.import.format')}</p>
      <p>
        {t('factor-bases.import.template')}{' '}
        <a href={`${workspaceBasePath(workspace.id, startId, startVersion)}?format=csv`}>
          {t('factor-bases.import.templateLink')}
        </a>
      </p>
      <form method="post" action={importBasePath(workspace.id)} enctype="multipart/form-data" class="stack">
        <CsrfField c={c} />
        <div class="field">
          <label for={importFileField}>{t('factor-bases.import.file')}</label>
          <span class="hint" id={fileHint}>
            {t('factor-bases.import.fileHint', { size: formatNumber(locale, maxBytes / 1024 / 1024) })}
          </span>
          {errors[importFileField] ? (
            <span class="field-error" id={`${importFileField}-error`}>
              {errors[importFileField]}
            </span>
          ) : null}
          <input
            id={importFileField}
            name={importFileField}
            type="file"
            accept=".csv,text/csv"
            required
            aria-invalid={errors[importFileField] ? 'true' : undefined}
            aria-describedby={errors[importFileField] ? `${fileHint} ${importFileField}-error` : fileHint}
          />
        </div>
        <div class="field">
          <label for="depart">{t('factor-bases.import.start')}</label>
          <span class="hint" id="depart-hint">
            {t('factor-bases.import.startHint')}
          </span>
          {errors.depart ? (
            <span class="field-error" id="depart-error">
              {errors.depart}
            </span>
          ) : null}
          <BaseSelect
            c={c}
            name="depart"
            bases={bases}
            selected={values.depart ?? startKey}
            describedBy={errors.depart ? 'depart-hint depart-error' : 'depart-hint'}
            error={Boolean(errors.depart)}
          />
        </div>
        <div class="field">
          <label for="cible">{t('factor-bases.import.target')}</label>
          {errors.cible ? (
            <span class="field-error" id="cible-error">
              {errors.cible}
            </span>
          ) : null}
          <select
            id="cible"
            name="cible"
            aria-invalid={errors.cible ? 'true' : undefined}
            aria-describedby={errors.cible ? 'cible-error' : undefined}
          >
            <option value="" selected={!values.cible}>
              {t('factor-bases.import.targetNew')}
            </option>
            {ownBases.map((own) => (
              <option value={own.id} selected={values.cible === own.id}>
                {t('factor-bases.import.targetVersion', { title: own.title })}
              </option>
            ))}
          </select>
        </div>
        <Field
          name="nom"
          label={t('factor-bases.copy.name')}
          hint={t('factor-bases.import.nameHint')}
          value={values.nom}
          error={errors.nom}
        />
        <Field
          name="source"
          label={t('factor-bases.import.source')}
          hint={t('factor-bases.import.sourceHint')}
          value={values.source}
          error={errors.source}
        />
        <button type="submit">{t('factor-bases.import.submit')}</button>
      </form>
    </>
  )
}
