import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatLongDate } from '../../../../i18n/i18n.js'
import { Notice } from '../../../../ui/components.js'
import { CsrfField, ErrorSummary, Field, type FieldErrors } from '../../../../ui/forms.js'
import { canInWorkspace } from '../../../workspaces/workspaces.policy.js'
import type { FootprintMethod } from '../../compute-footprint.js'
import type { FactorBaseSummary, FootprintSettings } from '../../factor-bases.store.js'
import { FootprintNav } from '../../views/footprint-nav.js'
import {
  baseKey,
  copyBasePath,
  editBasePath,
  importBasePath,
  originKeys,
  workspaceBasePath,
  workspaceBasesPath,
} from './base-parts.js'

export interface WorkspaceBasesState {
  notice?: string | undefined
  /** Which form failed, its errors and what was typed. */
  form?: 'settings' | 'copy' | undefined
  errors?: FieldErrors | undefined
  values?: Record<string, string> | undefined
}

const methods: readonly FootprintMethod[] = ['stock', 'flux']

/** A select of base versions, one option per version, the given one selected. */
export function BaseSelect({
  c,
  name,
  bases,
  selected,
  describedBy,
  error,
}: {
  c: Context<AppEnv>
  name: string
  bases: readonly FactorBaseSummary[]
  selected: string | undefined
  describedBy?: string | undefined
  error?: boolean
}) {
  const t = c.get('t')
  return (
    <select
      id={name}
      name={name}
      aria-describedby={describedBy}
      aria-invalid={error ? 'true' : undefined}
      required
    >
      {bases.map((base) => (
        <option value={baseKey(base)} selected={baseKey(base) === selected}>
          {t('factor-bases.optionLabel', {
            title: base.title,
            version: base.version,
            origin: t(originKeys[base.origin]),
          })}
        </option>
      ))}
    </select>
  )
}

/**
 * The workspace's factor bases: the base and method it computes with (and the form to change
 * them), every base it may use (the platform's and its own), and the copy form.
 */
export function WorkspaceBasesPage({
  c,
  settings,
  bases,
  state,
}: {
  c: Context<AppEnv>
  settings: FootprintSettings
  bases: readonly FactorBaseSummary[]
  state: WorkspaceBasesState
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const canEdit = canInWorkspace(workspace.role, 'footprint.edit')
  const current = baseKey(settings.base)
  const settingsErrors = state.form === 'settings' ? (state.errors ?? {}) : {}
  const copyErrors = state.form === 'copy' ? (state.errors ?? {}) : {}
  const values = state.values ?? {}
  const copyFrom = (state.form === 'copy' ? values.depuis : c.req.query('copier')) ?? current
  const selectedMethod = state.form === 'settings' ? values.methode : settings.method
  return (
    <>
      <h1>{t('factor-bases.workspace.title')}</h1>
      <FootprintNav c={c} current="bases" />
      <Notice text={state.notice} />
      <ErrorSummary
        c={c}
        errors={{ ...settingsErrors, ...copyErrors }}
        labels={
          state.form === 'copy'
            ? { depuis: t('factor-bases.copy.from'), nom: t('factor-bases.copy.name') }
            : { base: t('factor-bases.settings.base'), methode: t('factor-bases.settings.method') }
        }
      />

      <section class="panel" aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('factor-bases.settings.title')}</h2>
        <p>
          {t('factor-bases.settings.current', {
            title: settings.base.title,
            version: settings.base.version,
            method: t(`factor-bases.method.${settings.method}`),
          })}{' '}
          {settings.chosen ? '' : t('factor-bases.settings.default')}{' '}
          <a href={workspaceBasePath(workspace.id, settings.base.id, settings.base.version)}>
            {t('factor-bases.settings.see')}
          </a>
        </p>
        <p>{t('factor-bases.settings.recorded')}</p>
        {canEdit ? (
          <form method="post" action={workspaceBasesPath(workspace.id)} class="stack">
            <CsrfField c={c} />
            <div class="field">
              <label for="base">{t('factor-bases.settings.base')}</label>
              {settingsErrors.base ? (
                <span class="field-error" id="base-error">
                  {settingsErrors.base}
                </span>
              ) : null}
              <BaseSelect
                c={c}
                name="base"
                bases={bases}
                selected={state.form === 'settings' ? values.base : current}
                describedBy={settingsErrors.base ? 'base-error' : undefined}
                error={Boolean(settingsErrors.base)}
              />
            </div>
            <fieldset id="methode" aria-describedby={settingsErrors.methode ? 'methode-error' : undefined}>
              <legend>{t('factor-bases.settings.method')}</legend>
              {settingsErrors.methode ? (
                <span class="field-error" id="methode-error">
                  {settingsErrors.methode}
                </span>
              ) : null}
              {methods.map((method) => (
                <div class="field">
                  <label>
                    <input
                      type="radio"
                      name="methode"
                      value={method}
                      checked={selectedMethod === method}
                      aria-describedby={`methode-${method}-hint`}
                      required
                    />{' '}
                    {t(`factor-bases.method.${method}`)}
                  </label>
                  <span class="hint" id={`methode-${method}-hint`}>
                    {t(`factor-bases.method.${method}.explain`)}
                  </span>
                </div>
              ))}
            </fieldset>
            <button type="submit">{t('factor-bases.settings.submit')}</button>
          </form>
        ) : null}
      </section>

      <h2 id="bases-heading">{t('factor-bases.workspace.available')}</h2>
      <p>{t('factor-bases.workspace.availableIntro')}</p>
      <table>
        <caption>{t('factor-bases.workspace.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('factor-bases.title')}</th>
            <th scope="col">{t('factor-bases.id')}</th>
            <th scope="col">{t('factor-bases.version')}</th>
            <th scope="col">{t('factor-bases.origin')}</th>
            <th scope="col">{t('factor-bases.publishedAt')}</th>
            {canEdit ? <th scope="col">{t('factor-bases.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {bases.map((base) => (
            <tr>
              <th scope="row">
                <a href={workspaceBasePath(workspace.id, base.id, base.version)} lang="fr">
                  {base.title}
                </a>
                {baseKey(base) === current ? (
                  <>
                    {' '}
                    <strong>{t('factor-bases.workspace.inUse')}</strong>
                  </>
                ) : null}
              </th>
              <td>
                <code>{base.id}</code>
              </td>
              <td>{base.version}</td>
              <td>{t(originKeys[base.origin])}</td>
              <td>{formatLongDate(locale, base.publishedAt)}</td>
              {canEdit ? (
                <td>
                  <a
                    href={`${workspaceBasesPath(workspace.id)}?copier=${encodeURIComponent(baseKey(base))}#copie`}
                  >
                    {t('factor-bases.copy.link')}
                    <span class="visually-hidden"> {base.title}</span>
                  </a>
                  {base.workspaceId === workspace.id ? (
                    <>
                      {' · '}
                      <a href={editBasePath(workspace.id, base.id, base.version)}>
                        {t('factor-bases.edit.link')}
                        <span class="visually-hidden">
                          {' '}
                          {base.title} {base.version}
                        </span>
                      </a>
                    </>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>

      {canEdit ? (
        <>
          <section class="panel" id="copie" aria-labelledby="copy-heading">
            <h2 id="copy-heading">{t('factor-bases.copy.title')}</h2>
            <p>{t('factor-bases.copy.intro')}</p>
            <form method="post" action={copyBasePath(workspace.id)} class="stack">
              <CsrfField c={c} />
              <div class="field">
                <label for="depuis">{t('factor-bases.copy.from')}</label>
                {copyErrors.depuis ? (
                  <span class="field-error" id="depuis-error">
                    {copyErrors.depuis}
                  </span>
                ) : null}
                <BaseSelect
                  c={c}
                  name="depuis"
                  bases={bases}
                  selected={copyFrom}
                  describedBy={copyErrors.depuis ? 'depuis-error' : undefined}
                  error={Boolean(copyErrors.depuis)}
                />
              </div>
              <Field
                name="nom"
                label={t('factor-bases.copy.name')}
                hint={t('factor-bases.copy.nameHint')}
                value={state.form === 'copy' ? values.nom : ''}
                error={copyErrors.nom}
                required
              />
              <button type="submit">{t('factor-bases.copy.submit')}</button>
            </form>
          </section>
          <section class="panel" aria-labelledby="import-heading">
            <h2 id="import-heading">{t('factor-bases.import.title')}</h2>
            <p>{t('factor-bases.import.teaser')}</p>
            <p>
              <a href={importBasePath(workspace.id)}>{t('factor-bases.import.link')}</a>
            </p>
          </section>
        </>
      ) : null}
    </>
  )
}
